package nl.mboexchange.node.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class FaultsTest {

    @Test
    void a_database_that_is_away_is_the_infrastructure() {
        assertThat(Faults.isInfrastructure(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(Faults.isInfrastructure(
                        new UncategorizedSQLException("insert", "insert", new SQLException("gone", "57P01"))))
                .isTrue();
    }

    @Test
    void a_database_that_goes_away_during_the_transaction_is_the_infrastructure_though_the_rollback_fails_too() {
        var rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException(
                "select", new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(Faults.isInfrastructure(rollbackFailed)).isTrue();
        assertThat(Faults.isInfrastructure(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .as("without the failure it hid, a failed rollback is not called the infrastructure")
                .isFalse();
    }

    @Test
    void a_value_the_database_refuses_is_not() {
        var refused = new DataIntegrityViolationException(
                "insert", new SQLException("date/time field value out of range: \"+5874898-01-01\"", "22008"));

        assertThat(Faults.isInfrastructure(refused)).isFalse();
        assertThat(Faults.sqlState(refused)).isEqualTo("22008");
    }

    @Test
    void a_concurrent_change_is_retried_like_the_infrastructure() {
        assertThat(Faults.isInfrastructure(new OptimisticLockingFailureException("changed")))
                .isTrue();
    }

    @Test
    void the_description_names_the_sqlstate_and_never_the_values_of_the_row() {
        var refused = new DataIntegrityViolationException(
                "insert",
                new SQLException(
                        "new row violates check constraint; Failing row contains (sanne@student.example)", "23514"));

        assertThat(Faults.describe(refused))
                .contains("SQLSTATE 23514")
                .contains("constraint")
                .doesNotContain("sanne");
    }
}
