package nl.mboexchange.node.migration;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.ASSESSED_ON;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.SEVEN_AND_A_HALF;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHome;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHost;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.registrationRequested;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.Rejection;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.json.ExchangeEventJson;
import nl.mboexchange.node.result.PassFailGrade;
import nl.mboexchange.node.result.ResultScale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LegacyExchangeEventJsonTest {

    // Older nodes kept the events in the outbox as the timeline still writes its details.
    private final ExchangeEventJson written = new ExchangeEventJson(new JsonMapper());
    private final LegacyExchangeEventJson legacy = new LegacyExchangeEventJson(new JsonMapper());
    private final EnrolmentId id = EnrolmentId.random();

    @Test
    void every_event_type_an_older_node_kept_as_json_reads_back_as_it_was() {
        List<ExchangeEvent> events = List.of(
                registrationRequested(id, ResultScale.PASS_FAIL),
                new RegistrationAccepted(fromHost(id), "room 2.14"),
                new RegistrationAccepted(fromHost(id), null),
                new RegistrationRejected(fromHost(id), new Rejection(RejectionReason.COURSE_FULL, "full")),
                new RegistrationWithdrawn(fromHome(id), null),
                new CourseResultRecorded(fromHost(id), 1, 1, SEVEN_AND_A_HALF, false, ASSESSED_ON, null),
                new CourseResultRecorded(fromHost(id), 2, 3, PassFailGrade.FAILED, true, ASSESSED_ON, "recounted"),
                new CourseResultRevoked(fromHost(id), 1, 2, "wrong student"),
                new ResultAcknowledged(fromHome(id), UUID.randomUUID(), 1, 2));

        for (ExchangeEvent event : events) {
            assertThat(legacy.read(event.type(), written.write(event))).isEqualTo(event);
        }
    }
}
