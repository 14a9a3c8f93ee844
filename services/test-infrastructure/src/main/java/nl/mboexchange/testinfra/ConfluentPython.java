package nl.mboexchange.testinfra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Confluent's Python client (Debian's python3-confluent-kafka), as the tests that prove wire compatibility and the
 * SIS examples run it. Kafka 4 refuses the SCRAM logins of librdkafka before 2.6.1, and Debian 12 ships 2.0.2: then
 * the client runs on the librdkafka that {@code .ci/librdkafka} builds, found through {@code MBO_LIBRDKAFKA_DIR} or
 * in that script's cache.
 */
public final class ConfluentPython {

    public static final String PYTHON = "/usr/bin/python3";

    /** librdkafka 2.6.1, as {@code confluent_kafka.libversion()} numbers it. */
    private static final int FIRST_WITH_STRICT_SCRAM_NONCE = 0x020601ff;

    private ConfluentPython() {}

    /**
     * Why the client cannot run the tests here, or empty when it can: Python with the modules, and a librdkafka that
     * logs in to Kafka 4.
     */
    public static Optional<String> whyUnavailable(String install, String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return Optional.of("no " + PYTHON + "; to run this test: " + install);
        }
        List<String> check = List.of(
                PYTHON,
                "-c",
                "import sys, confluent_kafka; "
                        + String.join(
                                "",
                                Stream.of(modules)
                                        .map(m -> "import " + m + "; ")
                                        .toList())
                        + "sys.exit(0 if confluent_kafka.libversion()[1] >= " + FIRST_WITH_STRICT_SCRAM_NONCE
                        + " else 3)");
        int status = run(check);
        if (status == 3) {
            return Optional.of("Confluent's Python client runs on a librdkafka before 2.6.1, which cannot log in to"
                    + " Kafka 4 with SCRAM; build one with .ci/librdkafka (or set MBO_LIBRDKAFKA_DIR)");
        }
        if (status != 0) {
            return Optional.of("Confluent's Python client is not installed; to run this test: " + install);
        }
        return Optional.empty();
    }

    /**
     * Makes sure the client can run here: where it cannot, fails the test under CI ({@code CI=true}), which must run
     * it, and elsewhere aborts it with the reason and how to install what is missing.
     */
    public static void require(String install, String... modules) {
        Optional<String> unavailable = whyUnavailable(install, modules);
        if (unavailable.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI must run Confluent's Python client: " + unavailable.get());
        }
        Assumptions.abort(unavailable.get());
    }

    /** The process runs the client on the librdkafka the tests use. */
    public static ProcessBuilder configure(ProcessBuilder process) {
        libraryDirectory().ifPresent(directory -> {
            String existing = process.environment().get("LD_LIBRARY_PATH");
            process.environment()
                    .put(
                            "LD_LIBRARY_PATH",
                            existing == null || existing.isBlank()
                                    ? directory.toString()
                                    : directory + File.pathSeparator + existing);
        });
        return process;
    }

    /** {@code MBO_LIBRDKAFKA_DIR}, else what {@code .ci/librdkafka} left in its cache. */
    static Optional<Path> libraryDirectory() {
        String configured = System.getenv("MBO_LIBRDKAFKA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String cacheHome = Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .orElse(System.getProperty("user.home") + "/.cache");
        Path cache = Path.of(cacheHome, "mbo-exchange");
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> builds = Files.list(cache)) {
            return builds.filter(build -> build.getFileName().toString().startsWith("librdkafka-"))
                    .filter(build -> Files.exists(build.resolve("librdkafka.so.1")))
                    .sorted()
                    .reduce((first, last) -> last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = configure(new ProcessBuilder(new ArrayList<>(command)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
