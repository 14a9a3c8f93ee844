package nl.mboexchange.benchmark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite in small, in CI: 240 enrolments' results and corrections through every fault, with a
 * retry cap of one second so that the outages outlast it in seconds rather than minutes. Each fault is its own test
 * of the one run: nothing lost, nothing doubled, every dead letter one of the bad records injected. No timing.
 */
class FaultSuiteIT {

    static FaultReport report;

    @BeforeAll
    static void runTheSuite() throws Exception {
        FaultSuiteParameters small = FaultSuiteParameters.parse(
                "n=240 retry-cap=1s outage=3s poison=5 forged=5 halt-after-batches=1 partitions=2 node-heap=512m"
                        + " settle-timeout=3m output=target/fault-suite-it");
        report = new FaultSuite(small, TestInfrastructure.get(), System.out).run();
        report.print(new PrintStream(System.out, true));
    }

    @Test
    void a_broker_restart_loses_and_doubles_nothing() {
        assertPassed("broker-restart");
    }

    @Test
    void postgresql_stopped_longer_than_the_retry_cap_loses_and_doubles_nothing() {
        assertPassed("postgres-stopped");
    }

    @Test
    void the_registry_away_longer_than_the_retry_cap_loses_and_doubles_nothing() {
        assertPassed("registry-stopped");
    }

    @Test
    void a_node_killed_between_the_acknowledgement_and_the_outbox_delete_sends_again_and_home_drops_the_copies() {
        FaultRow row = assertPassed("node-killed");
        assertThat(row.note()).contains("exit status 86");
        assertThat(row.redeliveriesDropped())
                .as("copies of the batch sent again after the restart, dropped at home")
                .isPositive();
    }

    @Test
    void every_duplicate_delivery_is_dropped() {
        FaultRow row = assertPassed("duplicates");
        assertThat(row.redeliveriesDropped()).isEqualTo(row.expected());
    }

    @Test
    void poison_and_forged_records_are_dead_lettered_and_the_good_ones_applied_once() {
        FaultRow row = assertPassed("poison-and-forged");
        assertThat(row.deadLettersSeen()).isEqualTo(10);
        assertThat(row.note()).contains("UNDECODABLE 5, FORGED 5");
    }

    @Test
    void killing_the_instance_that_publishes_hands_the_role_to_the_other_and_loses_and_doubles_nothing() {
        FaultRow row = assertPassed("publisher-role-kill");
        assertThat(row.injected()).contains("killed with kill -9");
        assertThat(row.note()).containsPattern("exchange-node-25LX-\\d published [0-9.]+ s after");
    }

    @Test
    void records_deleted_from_a_channel_are_sent_again_on_reconciliation_and_applied_once() {
        FaultRow row = assertPassed("channel-truncation");
        Matcher deleted = Pattern.compile("deleted (\\d+): ").matcher(row.note());
        Matcher resent = Pattern.compile("(\\d+) sent again by the host on reconciliation, expected (\\d+)")
                .matcher(row.note());
        assertThat(deleted.find()).as(row.note()).isTrue();
        assertThat(resent.find()).as(row.note()).isTrue();
        assertThat(Long.parseLong(deleted.group(1))).as("records deleted").isPositive();
        assertThat(resent.group(1)).as("records sent again").isEqualTo(resent.group(2));
        assertThat(row.redeliveriesDropped())
                .as("held corrections sent again, dropped as copies")
                .isEqualTo(row.redeliveriesExpected());
    }

    @Test
    void every_fault_of_the_catalogue_ran() {
        assertThat(report.rows()).extracting(FaultRow::fault).containsExactlyElementsOf(FaultCatalogue.names());
        assertThat(report.rows()).noneMatch(row -> row.outcome().equals(FaultRow.NOT_RUN));
    }

    private static FaultRow assertPassed(String fault) {
        FaultRow row = report.rows().stream()
                .filter(candidate -> candidate.fault().equals(fault))
                .findFirst()
                .orElseThrow();
        assertThat(row.outcome()).as(row.note()).isEqualTo(FaultRow.PASSED);
        assertThat(row.lost()).as("lost").isZero();
        assertThat(row.doubled()).as("doubled").isZero();
        assertThat(row.applied()).as("applied").isEqualTo(row.expected());
        assertThat(row.expected()).isEqualTo(SliceCounts.EVENTS_PER_ENROLMENT * (long) row.enrolments());
        assertThat(row.deadLettersSeen()).as("dead letters").isEqualTo(row.deadLettersExpected());
        assertThat(row.recoverySeconds()).as("recovered").isNotNull();
        return row;
    }
}
