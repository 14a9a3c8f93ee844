package nl.mboexchange.networkadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's command line, up to where it would reach the cluster. */
class NetworkAdminToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return run(out, err, environment, args);
    }

    /** Runs the tool with this environment, its output and errors kept in {@code out} and {@code err}. */
    static int run(
            ByteArrayOutputStream out, ByteArrayOutputStream err, Map<String, String> environment, String... args) {
        return NetworkAdminTool.run(
                List.of(args),
                environment::get,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void a_school_code_is_required_and_checked() {
        assertThat(run(Map.of("MBO_KAFKA_PASSWORD", "x"), "add-school")).isEqualTo(2);
        assertThat(run(Map.of("MBO_KAFKA_PASSWORD", "x"), "add-school", "25lx")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs a school code such as 25LX");
    }

    @Test
    void without_the_operators_login_nothing_is_tried() {
        assertThat(run(Map.of(), "add-school", "25LX")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MBO_KAFKA_PASSWORD");
    }

    @Test
    void help_prints_the_usage() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("add-school CODE", "remove-school CODE");
    }

    @Test
    void a_school_keeps_its_logins_once_written_and_takes_given_passwords_the_first_time(@TempDir Path directory) {
        SchoolCredentials first =
                SchoolCredentials.keptIn(directory, "25LX", Map.of("MBO_NODE_PASSWORD_25LX", "given")::get);
        SchoolCredentials again = SchoolCredentials.keptIn(directory, "25LX", variable -> null);

        assertThat(first.node()).isEqualTo(new Credentials("node-25LX", "given"));
        assertThat(first.sis().username()).isEqualTo("sis-25LX");
        assertThat(first.sis().password()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(again).isEqualTo(first);
    }
}
