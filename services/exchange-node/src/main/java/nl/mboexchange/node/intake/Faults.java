package nl.mboexchange.node.intake;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import nl.mboexchange.serde.AvroSerdeException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a fault of the infrastructure (the database, the registry or the broker away, or too slow) from anything
 * else. What is not clearly the infrastructure is not yet called a fault of the record: a listener decides that by
 * evidence, when the record fails again on its own ({@link Bisection}).
 */
public final class Faults {

    /**
     * SQLSTATE classes of a database that is away or overloaded: connection exception, insufficient resources,
     * operator intervention (e.g. shutting down), system error, and transaction rollback (serialization failure,
     * deadlock), which a later attempt resolves.
     */
    private static final Set<String> INFRASTRUCTURE_SQL_CLASSES = Set.of("08", "53", "57", "58", "40");

    private Faults() {}

    /** Whether the failure lies outside the record: the same work may succeed later, unchanged. */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AvroSerdeException serde) {
                return serde.isRetriable();
            }
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof RetriableException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && isInfrastructureState(sql.getSQLState())) {
                return true;
            }
            // A rollback that failed as well (the database went away mid-transaction) hides the failure that caused
            // it: that one is not in the causes, only beside them.
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isInfrastructure(rollback.getApplicationException())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The SQLSTATE in the failure's causes, or {@code null}. */
    public static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /**
     * What went wrong, for a dead letter's headers and the log: the kind of failure and its SQLSTATE, never the
     * message of a database error, which quotes the values of the row (a student's name, date of birth or e-mail).
     */
    public static String describe(Throwable failure) {
        if (failure instanceof AvroSerdeException) {
            return failure.getMessage();
        }
        String state = sqlState(failure);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = failure.getClass().getSimpleName();
        if (state != null) {
            return kind + ": the database answered SQLSTATE " + state + " (" + sqlClass(state) + ")";
        }
        return root == failure ? kind : kind + " caused by " + root.getClass().getSimpleName();
    }

    private static boolean isInfrastructureState(String state) {
        return state != null && state.length() == 5 && INFRASTRUCTURE_SQL_CLASSES.contains(state.substring(0, 2));
    }

    private static String sqlClass(String state) {
        return switch (state.substring(0, 2)) {
            case "22" -> "a value out of range or of the wrong form";
            case "23" -> "a constraint is violated";
            case "08" -> "no connection";
            case "40" -> "transaction rolled back";
            case "53" -> "insufficient resources";
            case "57" -> "operator intervention";
            default -> "class " + state.substring(0, 2);
        };
    }
}
