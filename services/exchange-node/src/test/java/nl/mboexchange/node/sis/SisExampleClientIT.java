package nl.mboexchange.node.sis;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.testinfra.ConfluentPython;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example SIS client of the contract page ({@code schemas/sis-example/sis_client.py}, on Confluent's own Python
 * client) against a running node: it sends a command and prints the answer that comes back.
 */
class SisExampleClientIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path CLIENT = Path.of("../../schemas/sis-example/sis_client.py");
    private static final String INSTALL = "apt-get install python3-confluent-kafka python3-avro";
    private static final String SCHOOL = "63PY";
    private static final String HOST = "64PY";

    private static RunningNode node;

    @BeforeAll
    static void requireTheClientAndStartANode() throws Exception {
        ConfluentPython.require(INSTALL, "confluent_kafka.avro", "avro");
        // The example requests at a host that is a member of the network, though no node of it runs here.
        RunningNode.member(HOST);
        node = RunningNode.start(SCHOOL, "sis_example_63py", Map.of());
    }

    @AfterAll
    static void stopTheNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void the_example_client_requests_an_enrolment_and_prints_the_answer() throws Exception {
        Result run = client("RequestEnrolment");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.lines).hasSizeGreaterThanOrEqualTo(2);
        String sent = run.lines.get(0);
        String enrolmentId = JsonPath.read(sent, "$.value.enrolmentId");
        String commandId = JsonPath.read(sent, "$.value.commandId");
        String answer = run.lines.get(1);
        assertThat(JsonPath.<String>read(answer, "$.received")).isEqualTo("nl.mboexchange.sis.EnrolmentUpdate");
        assertThat(JsonPath.<String>read(answer, "$.key")).isEqualTo(enrolmentId);
        assertThat(JsonPath.<String>read(answer, "$.value.commandId")).isEqualTo(commandId);
        assertThat(JsonPath.<String>read(answer, "$.value.change")).isEqualTo("ENROLMENT_REQUESTED");
        assertThat(JsonPath.<String>read(answer, "$.value.status")).isEqualTo("REQUESTED");
        assertThat(JsonPath.<String>read(answer, "$.value.hostSchool")).isEqualTo(HOST);
        assertThat(JsonPath.<String>read(answer, "$.value.issuedBy")).isEqualTo("sis-example");
    }

    @Test
    void the_example_client_prints_a_rejection_and_says_so_in_its_exit_status() throws Exception {
        String enrolmentId = JsonPath.read(client("RequestEnrolment").lines.get(0), "$.value.enrolmentId");

        Result run = client("AcceptEnrolment", "{\"enrolmentId\": \"" + enrolmentId + "\"}");

        assertThat(run.exitCode).as(run.output).isEqualTo(1);
        String answer = run.lines.get(1);
        assertThat(JsonPath.<String>read(answer, "$.received")).isEqualTo("nl.mboexchange.sis.CommandRejected");
        assertThat(JsonPath.<String>read(answer, "$.value.kind")).isEqualTo("CONFLICT");
        assertThat(JsonPath.<String>read(answer, "$.value.code")).isEqualTo("TransitionNotAllowed");
    }

    private static Result client(String... command) throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        List<String> arguments = new ArrayList<>(List.of(
                PYTHON,
                CLIENT.toString(),
                "--bootstrap",
                infrastructure.kafkaBootstrapServers(),
                "--registry",
                infrastructure.schemaRegistryUrl(),
                "--prefix",
                RunningNode.TOPIC_PREFIX,
                "--school",
                SCHOOL,
                "--host",
                HOST,
                "--credentials",
                RunningNode.member(SCHOOL).sisFile().toString()));
        arguments.addAll(List.of(command));
        return run(arguments);
    }

    private record Result(int exitCode, List<String> lines, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("sis-client-", ".err");
        Process process = ConfluentPython.configure(new ProcessBuilder(command))
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        return new Result(process.exitValue(), stdout.lines().toList(), stdout + errors);
    }
}
