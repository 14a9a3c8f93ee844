package nl.mboexchange.node.sis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.result.InvalidGrade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.InvalidSchoolCode;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class SisCommandsTest {

    private final SisCommands commands =
            new SisCommands(Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_request_becomes_the_same_application_command_as_the_rest_call_makes() {
        UUID id = UUID.randomUUID();
        var sent = SisCommandFixture.requestEnrolment(id, "30GH", UUID.randomUUID());

        var command = (RequestEnrolment) commands.toCommand(sent);

        assertThat(command.enrolmentId().value()).isEqualTo(id);
        assertThat(command.hostSchool()).isEqualTo(SchoolCode.of("30GH"));
        assertThat(command.student().familyName()).isEqualTo("de Vries");
        assertThat(command.course().courseCode()).isEqualTo(CourseCode.of("K0080"));
        assertThat(command.course().resultScale()).isEqualTo(ResultScale.NUMERIC_1_TO_10);
        IssuedCommand issued = SisCommands.issued(sent);
        assertThat(issued.commandId()).isEqualTo(sent.getCommandId());
        assertThat(issued.type()).isEqualTo("RequestEnrolment");
        assertThat(issued.issuedBy()).isEqualTo(SisCommandFixture.ISSUED_BY);
        assertThat(issued.enrolmentId().value()).isEqualTo(id);
    }

    @Test
    void the_checks_of_the_rest_api_apply() {
        var bornTomorrow = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30GH", UUID.randomUUID());
        bornTomorrow.getStudent().setDateOfBirth(LocalDate.parse("2026-01-16"));
        var unknownHost = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30gh", UUID.randomUUID());

        assertThatThrownBy(() -> commands.toCommand(bornTomorrow))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("student.dateOfBirth"));
        assertThatThrownBy(() -> commands.toCommand(unknownHost)).isInstanceOf(InvalidSchoolCode.class);
        assertThatThrownBy(() -> commands.toCommand(SisCommandFixture.recordResult(UUID.randomUUID(), 1, "7,5", true)))
                .isInstanceOf(InvalidGrade.class);
        assertThatThrownBy(() -> commands.toCommand(SisCommandFixture.recordResult(UUID.randomUUID(), 0, "7.5", true)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("attempt"));
        assertThatThrownBy(() -> commands.toCommand(SisCommandFixture.correctResult(UUID.randomUUID(), 0, "7.5", true)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("expectedVersion"));
    }

    @Test
    void the_domain_bounds_apply_and_name_the_field() {
        var bornLongAgo = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30GH", UUID.randomUUID());
        bornLongAgo.getStudent().setDateOfBirth(LocalDate.parse("-5000000-01-01"));
        var endlessCourse = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30GH", UUID.randomUUID());
        endlessCourse.getCourse().setEndDate(LocalDate.parse("+5874898-01-01"));

        assertThatThrownBy(() -> commands.toCommand(bornLongAgo))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
        assertThatThrownBy(() -> commands.toCommand(endlessCourse))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("endDate"));
    }

    @Test
    void issued_by_is_bounded_as_a_name_is() {
        var command = SisCommandFixture.acceptEnrolment(UUID.randomUUID());
        command.setIssuedBy("x".repeat(SisCommands.MAX_ISSUED_BY + 1));

        assertThatThrownBy(() -> commands.toCommand(command))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("issuedBy"));
    }

    @Test
    void only_the_records_of_the_sis_contract_are_commands() {
        assertThat(SisCommands.isCommand(SisCommandFixture.acceptEnrolment(UUID.randomUUID())))
                .isTrue();
        assertThat(SisCommands.isCommand(new nl.mboexchange.sis.EnrolmentUpdate()))
                .isFalse();
        assertThat(SisCommands.isCommand(null)).isFalse();
    }
}
