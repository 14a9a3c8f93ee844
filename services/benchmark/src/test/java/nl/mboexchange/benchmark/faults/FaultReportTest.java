package nl.mboexchange.benchmark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultReportTest {

    @Test
    void a_fault_that_did_not_run_is_shown_as_not_run_and_neither_passes_nor_fails_the_suite() {
        FaultReport report = report(row("duplicates", FaultRow.PASSED, 0, 0), notRun());

        assertThat(report.passed()).isTrue();
        assertThat(printed(report)).contains("not run").contains("PASSED");
    }

    @Test
    void the_json_says_whether_the_suite_passed_beside_every_row(@TempDir Path directory) throws Exception {
        FaultReport report =
                report(row("duplicates", FaultRow.PASSED, 0, 0), row("broker-restart", FaultRow.FAILED, 0, 2));

        String json = Files.readString(report.write(directory));

        assertThat(json).containsPattern("\"passed\"\\s*:\\s*false").contains("\"doubled\" : 2");
    }

    @Test
    void one_failed_fault_fails_the_suite() {
        FaultReport report =
                report(row("duplicates", FaultRow.PASSED, 0, 0), row("broker-restart", FaultRow.FAILED, 3, 0));

        assertThat(report.passed()).isFalse();
        assertThat(printed(report)).endsWith("FAILED" + System.lineSeparator());
    }

    private static FaultReport report(FaultRow... rows) {
        return new FaultReport("2026-11-30T12:00:00Z", 100, 30, 35, null, List.of(rows));
    }

    private static FaultRow row(String fault, String outcome, long lost, long doubled) {
        return new FaultRow(fault, "injected", outcome, 50, 200, 200, 200 - lost, lost, doubled, 0, 0, 0, 0, 1.5, "");
    }

    private static FaultRow notRun() {
        Fault notYet = new NotYetBuilt("a-later-fault", "a fault the node cannot take yet", "not yet");
        return FaultRow.notRun(notYet, notYet.notRunBecause());
    }

    private static String printed(FaultReport report) {
        var bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
