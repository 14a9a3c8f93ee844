package nl.mboexchange.node.sis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The vendor conformance kit of the contract page ({@code schemas/sis-example/conformance.py}) against two running
 * nodes: it plays the SIS of a home and a host school through a whole enrolment and the failure cases, and must
 * pass every check, so that the kit and the nodes stay in step with the contract.
 */
class SisConformanceKitIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path KIT = Path.of("../../schemas/sis-example/conformance.py");
    private static final String INSTALL = "apt-get install python3-confluent-kafka python3-avro";
    private static final String HOME = "65CK";
    private static final String HOST = "66CK";
    private static final List<String> CHECKS = List.of(
            "lifecycle.request-answered",
            "lifecycle.host-sees-visiting-student",
            "lifecycle.accept-answered",
            "lifecycle.home-receives-acceptance",
            "lifecycle.record-provisional-answered",
            "lifecycle.recorded-result",
            "lifecycle.home-receives-result",
            "lifecycle.received-result",
            "lifecycle.home-sends-receipt-v1",
            "lifecycle.host-receives-receipt-v1",
            "lifecycle.correct-final-answered",
            "lifecycle.corrected-result",
            "lifecycle.home-receives-correction-completed",
            "lifecycle.home-receipt-after-completed",
            "lifecycle.receipt-follows-completion",
            "lifecycle.host-completed",
            "failure.several-bad-fields-rejected",
            "failure.several-bad-fields-listed",
            "failure.unknown-enrolment",
            "failure.command-id-reused",
            "failure.command-id-holder-named",
            "failure.retry-answered-with-first-outcome",
            "failure.retry-repeats-first-answer",
            "events.header-mbo-event-type");

    private static RunningNode home;
    private static RunningNode host;

    @BeforeAll
    static void requireTheClientAndStartTwoNodes() throws Exception {
        ConfluentPython.require(INSTALL, "confluent_kafka.avro", "avro");
        home = RunningNode.start(HOME, "sis_kit_home_65ck", Map.of());
        host = RunningNode.start(HOST, "sis_kit_host_66ck", Map.of());
    }

    @AfterAll
    static void stopTheNodes() {
        if (host != null) {
            host.close();
        }
        if (home != null) {
            home.close();
        }
    }

    @Test
    void the_conformance_kit_passes_every_check_against_two_nodes() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();

        Result run = run(List.of(
                PYTHON,
                KIT.toString(),
                "--bootstrap",
                infrastructure.kafkaBootstrapServers(),
                "--registry",
                infrastructure.schemaRegistryUrl(),
                "--prefix",
                RunningNode.TOPIC_PREFIX,
                "--home",
                HOME,
                "--host",
                HOST,
                // Each SIS logs in as itself, with the login the operator's tool wrote.
                "--home-credentials",
                RunningNode.member(HOME).sisFile().toString(),
                "--host-credentials",
                RunningNode.member(HOST).sisFile().toString()));

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.lines).as(run.output).noneMatch(line -> line.startsWith("FAIL"));
        for (String check : CHECKS) {
            assertThat(run.lines).as(run.output).anyMatch(line -> line.startsWith("PASS " + check + ":"));
        }
        assertThat(run.lines).as(run.output).contains(CHECKS.size() + " passed, 0 failed");
    }

    private record Result(int exitCode, List<String> lines, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("sis-kit-", ".err");
        Process process = ConfluentPython.configure(new ProcessBuilder(command))
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        return new Result(process.exitValue(), stdout.lines().toList(), stdout + errors);
    }
}
