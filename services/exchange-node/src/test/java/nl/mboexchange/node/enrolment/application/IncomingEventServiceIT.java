package nl.mboexchange.node.enrolment.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.EventHeader;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.outbox.OutboxPayloads;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A batch of events from other schools: applied in one transaction, each event on its own merits. */
class IncomingEventServiceIT extends NodeIntegrationTest {

    @Autowired
    private EnrolmentRepository enrolments;

    @Autowired
    private EnrolmentService commands;

    @Test
    void a_refused_event_is_carved_out_and_the_rest_of_the_batch_is_applied() {
        EnrolmentId first = EnrolmentId.random();
        EnrolmentId second = EnrolmentId.random();
        RegistrationRequested request = CounterpartSchool.requests(first, UUID.randomUUID());
        ExchangeEvent unknownEnrolment = CounterpartSchool.withdraws(EnrolmentId.random());
        ExchangeEvent withdrawal = CounterpartSchool.withdraws(first);
        ExchangeEvent secondRequest = CounterpartSchool.requests(second, UUID.randomUUID());
        ExchangeEvent withdrawnAgain = CounterpartSchool.withdraws(first);

        List<EventOutcome> outcomes =
                incoming.apply(List.of(request, unknownEnrolment, withdrawal, request, secondRequest, withdrawnAgain));

        assertThat(outcomes)
                .extracting(EventOutcome::eventId)
                .containsExactly(
                        request.eventId(),
                        unknownEnrolment.eventId(),
                        withdrawal.eventId(),
                        request.eventId(),
                        secondRequest.eventId(),
                        withdrawnAgain.eventId());
        assertThat(outcomes.get(0)).isInstanceOf(EventOutcome.Applied.class);
        assertThat(outcomes.get(1))
                .isInstanceOfSatisfying(
                        EventOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("EnrolmentNotFound"));
        assertThat(outcomes.get(2)).isInstanceOf(EventOutcome.Applied.class);
        assertThat(outcomes.get(3))
                .isInstanceOfSatisfying(
                        EventOutcome.Duplicate.class,
                        duplicate -> assertThat(duplicate.wasRefused()).isFalse());
        assertThat(outcomes.get(4)).isInstanceOf(EventOutcome.Applied.class);
        assertThat(outcomes.get(5))
                .isInstanceOfSatisfying(
                        EventOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("TransitionNotAllowed"));

        assertThat(enrolments.findById(first).orElseThrow().status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(enrolments.findById(second).orElseThrow().status()).isEqualTo(EnrolmentStatus.REQUESTED);
        assertThat(timeline(first))
                .extracting(row -> row.get("event_type") + " " + (row.get("refusal") == null ? "applied" : "refused"))
                .containsExactly(
                        "RegistrationRequested applied",
                        "RegistrationWithdrawn applied",
                        "RegistrationWithdrawn refused");
        assertThat(refusal(unknownEnrolment.eventId())).isEqualTo("EnrolmentNotFound");
        assertThat(refusal(withdrawnAgain.eventId())).isEqualTo("TransitionNotAllowed");
        assertThat(refusal(withdrawal.eventId())).isNull();
    }

    @Test
    void a_redelivered_batch_applies_nothing_twice_and_tries_a_refused_event_again() {
        EnrolmentId id = EnrolmentId.random();
        ExchangeEvent request = CounterpartSchool.requests(id, UUID.randomUUID());
        ExchangeEvent unknown = CounterpartSchool.withdraws(EnrolmentId.random());
        incoming.apply(List.of(request, unknown));
        long timelineBefore = count("timeline_entry");

        List<EventOutcome> again = incoming.apply(List.of(request, unknown));

        assertThat(again.get(0))
                .isInstanceOfSatisfying(
                        EventOutcome.Duplicate.class,
                        duplicate -> assertThat(duplicate.wasRefused()).isFalse());
        // Refused before, so tried again: the state might allow it now. It still does not.
        assertThat(again.get(1))
                .isInstanceOfSatisfying(
                        EventOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("EnrolmentNotFound"));
        assertThat(count("timeline_entry")).isEqualTo(timelineBefore);
    }

    @Test
    void a_refused_event_is_applied_when_it_comes_again_after_the_state_allows_it() {
        EnrolmentId id = EnrolmentId.random();
        ExchangeEvent request = CounterpartSchool.requests(id, UUID.randomUUID());
        ExchangeEvent withdrawal = CounterpartSchool.withdraws(id);

        assertThat(incoming.apply(List.of(withdrawal)).get(0)).isInstanceOf(EventOutcome.Refused.class);
        incoming.apply(List.of(request));

        assertThat(incoming.apply(List.of(withdrawal)).get(0)).isInstanceOf(EventOutcome.Applied.class);
        assertThat(refusal(withdrawal.eventId())).isNull();
        assertThat(incoming.apply(List.of(withdrawal)).get(0))
                .as("an applied event is never applied twice")
                .isInstanceOf(EventOutcome.Duplicate.class);
    }

    @Test
    void a_result_is_kept_and_answered_with_a_receipt_in_the_same_transaction() {
        EnrolmentId id = commands.execute(
                        new RequestEnrolment(
                                null,
                                CounterpartSchool.SCHOOL,
                                CounterpartSchool.requests(EnrolmentId.random(), UUID.randomUUID())
                                        .student(),
                                CounterpartSchool.requests(EnrolmentId.random(), UUID.randomUUID())
                                        .course()),
                        new Origin.Registrar("registrar"))
                .id();
        CourseResultRecorded result = CounterpartSchool.records(id, 1, 1, "8.0", true);

        List<EventOutcome> outcomes = incoming.apply(
                List.of(CounterpartSchool.accepts(id), result, CounterpartSchool.records(id, 1, 1, "8.0", true)));

        assertThat(outcomes.get(0)).isInstanceOf(EventOutcome.Applied.class);
        assertThat(outcomes.get(1)).isInstanceOf(EventOutcome.Applied.class);
        assertThat(outcomes.get(2))
                .isInstanceOfSatisfying(
                        EventOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("StaleResultVersion"));
        assertThat(enrolments.findById(id).orElseThrow().status()).isEqualTo(EnrolmentStatus.COMPLETED);
        Map<String, Object> receipt = jdbc.queryForMap(
                "select topic, payload_schema, record from outbox_event where message_key = ?"
                        + " and event_type = 'ResultAcknowledged'",
                id.toString());
        assertThat(receipt.get("topic")).isEqualTo("mbo.exchange.25LX.30GH");
        assertThat(OutboxPayloads.read((String) receipt.get("payload_schema"), (byte[]) receipt.get("record"))
                        .get("acknowledgedEventId"))
                .hasToString(result.eventId().toString());
    }

    @Test
    void an_event_from_a_stranger_is_refused_and_kept_out_of_the_timeline() {
        EnrolmentId id = EnrolmentId.random();
        incoming.apply(List.of(CounterpartSchool.requests(id, UUID.randomUUID())));
        EventHeader forged =
                new EventHeader(UUID.randomUUID(), Instant.now(), id, SchoolCode.of("99ZZ"), CounterpartSchool.NODE);
        long timelineBefore = timeline(id).size();

        List<EventOutcome> outcomes = incoming.apply(List.of(new RegistrationAccepted(forged, null)));

        assertThat(outcomes)
                .singleElement()
                .isInstanceOfSatisfying(
                        EventOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("UnexpectedSchool"));
        assertThat(timeline(id)).hasSize((int) timelineBefore);
    }

    @Test
    void an_empty_batch_is_fine() {
        assertThat(incoming.apply(List.of())).isEmpty();
    }

    private List<Map<String, Object>> timeline(EnrolmentId id) {
        return jdbc.queryForList(
                "select event_type, refusal from timeline_entry where enrolment_id = ? order by id", id.value());
    }

    private String refusal(UUID eventId) {
        return jdbc.queryForObject(
                "select refusal_code from processed_event where event_id = ?", String.class, eventId);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
