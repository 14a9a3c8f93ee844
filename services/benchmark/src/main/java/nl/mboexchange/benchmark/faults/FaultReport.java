package nl.mboexchange.benchmark.faults;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.mboexchange.benchmark.report.Machine;

/**
 * The suite's result: a row per fault, the parameters and the machine.
 *
 * @param startedAt when the run started, UTC
 * @param enrolments N
 * @param retryCapSeconds the nodes' retry cap
 * @param outageSeconds how long PostgreSQL was stopped and the registry cut off
 * @param machine the machine, its load before and after
 * @param rows a row per fault, in the order they ran
 */
public record FaultReport(
        String startedAt,
        int enrolments,
        double retryCapSeconds,
        double outageSeconds,
        Machine machine,
        List<FaultRow> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Whether nothing was lost or doubled and every dead letter was the one expected, in every fault that ran. */
    @JsonProperty("passed")
    public boolean passed() {
        return rows.stream().noneMatch(FaultRow::failed);
    }

    public void print(PrintStream out) {
        String format = "%-19s %-8s %6s %8s %8s %8s %5s %7s %9s %11s %9s%n";
        out.println();
        out.printf(
                Locale.ROOT,
                format,
                "fault",
                "outcome",
                "enrol.",
                "expected",
                "sent",
                "applied",
                "lost",
                "doubled",
                "dead exp/seen",
                "redel. exp/seen",
                "recover s");
        for (FaultRow row : rows) {
            out.printf(
                    Locale.ROOT,
                    format,
                    row.fault(),
                    row.outcome(),
                    row.enrolments(),
                    row.expected(),
                    row.sent(),
                    row.applied(),
                    row.lost(),
                    row.doubled(),
                    row.deadLettersExpected() + "/" + row.deadLettersSeen(),
                    (row.redeliveriesExpected() < 0 ? "any" : Long.toString(row.redeliveriesExpected())) + "/"
                            + row.redeliveriesDropped(),
                    row.recoverySeconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", row.recoverySeconds()));
        }
        out.println();
        for (FaultRow row : rows) {
            out.println("  " + row.fault() + ": " + row.injected() + (row.note().isEmpty() ? "" : "; " + row.note()));
        }
        out.println();
        out.println(passed() ? "PASSED: nothing lost, nothing doubled, every dead letter expected" : "FAILED");
    }

    /** Writes {@code fault-suite-<start>.json} into the directory and returns its path. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("fault-suite-" + startedAt.replaceAll("[^0-9T]", "") + ".json");
        JSON.writeValue(file.toFile(), this);
        return file;
    }
}
