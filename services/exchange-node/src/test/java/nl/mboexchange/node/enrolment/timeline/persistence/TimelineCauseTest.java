package nl.mboexchange.node.enrolment.timeline.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;
import nl.mboexchange.node.school.SchoolCode;
import org.junit.jupiter.api.Test;

class TimelineCauseTest {

    @Test
    void a_registrar_is_stored_by_user_name() {
        assertThat(JdbcTimeline.cause(new Origin.Registrar("m.jansen")))
                .isEqualTo(new TimelineEntry.Cause("REGISTRAR", "m.jansen", null, null));
    }

    @Test
    void a_sis_command_is_stored_by_the_login_that_wrote_it_with_its_id_and_issuer() {
        UUID command = UUID.randomUUID();

        assertThat(JdbcTimeline.cause(new Origin.SisCommand(command, "osiris-batch", "sis-25LX")))
                .isEqualTo(new TimelineEntry.Cause("SIS_COMMAND", "sis-25LX", command, "osiris-batch"));
        assertThat(JdbcTimeline.cause(new Origin.SisCommand(command, null, "sis-25LX")))
                .isEqualTo(new TimelineEntry.Cause("SIS_COMMAND", "sis-25LX", command, null));
    }

    @Test
    void another_schools_event_is_stored_by_the_sending_school() {
        assertThat(JdbcTimeline.cause(new Origin.School(SchoolCode.of("30GH"))))
                .isEqualTo(new TimelineEntry.Cause("SCHOOL", "30GH", null, null));
    }

    @Test
    void a_sis_command_without_the_login_that_wrote_it_is_not_an_origin() {
        assertThatThrownBy(() -> new Origin.SisCommand(UUID.randomUUID(), "osiris-batch", null))
                .isInstanceOf(RuntimeException.class);
    }
}
