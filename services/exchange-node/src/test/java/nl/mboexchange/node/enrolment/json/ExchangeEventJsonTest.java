package nl.mboexchange.node.enrolment.json;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExchangeEventJsonTest {

    private final ExchangeEventJson json = new ExchangeEventJson(new JsonMapper());
    private final EnrolmentId id = EnrolmentId.random();

    @Test
    void fields_carry_the_names_of_the_wire_contract() {
        String written = json.write(new ResultAcknowledged(fromHome(id), UUID.randomUUID(), 1, 2));

        assertThat(written)
                .contains(
                        "\"eventId\"",
                        "\"occurredAt\"",
                        "\"enrolmentId\"",
                        "\"senderSchool\":\"25LX\"",
                        "\"recipientSchool\":\"30GH\"",
                        "\"acknowledgedEventId\"",
                        "\"attempt\":1",
                        "\"version\":2");
    }
}
