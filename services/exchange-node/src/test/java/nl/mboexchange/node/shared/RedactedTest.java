package nl.mboexchange.node.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void keeps_the_classes_and_stack_traces_of_the_chain_and_withholds_every_message() {
        SQLException database = new SQLException("Key (student_email)=(sanne@example.org) already exists");
        IllegalStateException failure = new IllegalStateException("could not store Sanne de Vries", database);

        Redacted redacted = Redacted.of(failure);

        assertThat(redacted.getMessage()).isEqualTo("java.lang.IllegalStateException (message withheld)");
        assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(redacted.getCause().getMessage()).isEqualTo("java.sql.SQLException (message withheld)");
        assertThat(redacted.getCause().getStackTrace()).isEqualTo(database.getStackTrace());
        assertThat(redacted.getCause().getCause()).isNull();
    }

    @Test
    void a_refusal_of_this_node_keeps_its_message_and_anything_else_says_only_its_class() {
        assertThat(Redacted.message(new InvalidValue("email", "email is not an e-mail address (name@domain)")))
                .isEqualTo("email is not an e-mail address (name@domain)");
        assertThat(Redacted.message(new IllegalArgumentException("Sanne de Vries")))
                .isEqualTo("IllegalArgumentException");
    }
}
