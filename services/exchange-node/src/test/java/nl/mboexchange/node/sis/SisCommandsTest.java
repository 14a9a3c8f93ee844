package nl.mboexchange.node.sis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.application.RecordResult;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SisCommandsTest {

    /** After the fixture's assessments, so that they lie in the past. */
    private static final LocalDate TODAY = LocalDate.parse("2026-07-01");

    private final SisCommands commands =
            new SisCommands(Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

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
        bornTomorrow.getStudent().setDateOfBirth(TODAY.plusDays(1));
        var unknownHost = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30gh", UUID.randomUUID());

        assertProblems(commands, bornTomorrow, "student.dateOfBirth:InvalidValue");
        assertProblems(commands, unknownHost, "hostSchool:InvalidSchoolCode");
        assertProblems(
                commands, SisCommandFixture.recordResult(UUID.randomUUID(), 1, "7,5", true), "grade:InvalidGrade");
        assertProblems(
                commands, SisCommandFixture.recordResult(UUID.randomUUID(), 0, "7.5", true), "attempt:InvalidValue");
        assertProblems(
                commands,
                SisCommandFixture.correctResult(UUID.randomUUID(), 0, "7.5", true),
                "expectedVersion:InvalidValue");
    }

    @Test
    void a_grade_is_taken_only_in_the_form_in_which_it_comes_back() {
        for (String notCanonical : new String[] {"7", "08.0", "7.50", "+7.5", " 7.5", "10", "passed"}) {
            assertProblems(
                    commands,
                    SisCommandFixture.recordResult(UUID.randomUUID(), 1, notCanonical, true),
                    "grade:InvalidGrade");
        }
        for (String canonical : new String[] {"1.0", "7.5", "10.0", "PASSED", "FAILED"}) {
            var command = (RecordResult)
                    commands.toCommand(SisCommandFixture.recordResult(UUID.randomUUID(), 1, canonical, true));
            assertThat(command.grade().text()).isEqualTo(canonical);
        }
    }

    @Test
    void an_assessment_may_be_today_but_not_in_the_future() {
        var today = SisCommandFixture.recordResult(UUID.randomUUID(), 1, "7.5", true);
        today.setAssessedOn(TODAY);
        var tomorrow = SisCommandFixture.correctResult(UUID.randomUUID(), 1, "7.5", true);
        tomorrow.setAssessedOn(TODAY.plusDays(1));

        assertThat(((RecordResult) commands.toCommand(today)).assessedOn()).isEqualTo(TODAY);
        assertProblems(commands, tomorrow, "assessedOn:InvalidValue");
    }

    @Test
    void every_wrong_field_of_a_command_is_reported_in_the_order_of_its_fields() {
        var request = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30gh", UUID.randomUUID());
        request.setIssuedBy(" ");
        request.getStudent().setGivenName("");
        request.getStudent().setEmail("not an address");
        request.getCourse().setCourseCode("X0080");
        request.getCourse().setStudyLoadHours(0);
        var result = SisCommandFixture.correctResult(UUID.randomUUID(), 0, "8", true);
        result.setAssessedOn(TODAY.plusYears(1));
        result.setReason("");

        assertProblems(
                commands,
                request,
                "issuedBy:InvalidValue",
                "hostSchool:InvalidSchoolCode",
                "student.givenName:InvalidValue",
                "student.email:InvalidValue",
                "course.courseCode:InvalidCourseCode",
                "course.studyLoadHours:InvalidValue");
        assertProblems(
                commands,
                result,
                "expectedVersion:InvalidValue",
                "grade:InvalidGrade",
                "assessedOn:InvalidValue",
                "reason:InvalidValue");
    }

    @Test
    void the_domain_bounds_apply_and_name_the_field() {
        var bornLongAgo = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30GH", UUID.randomUUID());
        bornLongAgo.getStudent().setDateOfBirth(LocalDate.parse("-5000000-01-01"));
        var endlessCourse = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30GH", UUID.randomUUID());
        endlessCourse.getCourse().setEndDate(LocalDate.parse("+5874898-01-01"));
        var backwards = SisCommandFixture.requestEnrolment(UUID.randomUUID(), "30GH", UUID.randomUUID());
        backwards.getCourse().setEndDate(backwards.getCourse().getStartDate().minusDays(1));

        assertProblems(commands, bornLongAgo, "student.dateOfBirth:InvalidValue");
        assertProblems(commands, endlessCourse, "course.endDate:InvalidValue");
        // A rule that spans fields is the domain's own, checked once the fields are each right.
        assertThatThrownBy(() -> commands.toCommand(backwards))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("endDate"));
    }

    @Test
    void issued_by_is_bounded_as_a_name_is() {
        var command = SisCommandFixture.acceptEnrolment(UUID.randomUUID());
        command.setIssuedBy("x".repeat(SisCommands.MAX_ISSUED_BY + 1));

        assertProblems(commands, command, "issuedBy:InvalidValue");
    }

    private static void assertProblems(SisCommands commands, SpecificRecord command, String... fieldAndCode) {
        assertThatThrownBy(() -> commands.toCommand(command)).isInstanceOfSatisfying(InvalidFields.class, e -> {
            assertThat(e.problems())
                    .extracting(problem -> problem.field() + ":" + problem.code())
                    .containsExactly(fieldAndCode);
            assertThat(e.field()).isEqualTo(e.problems().get(0).field());
            assertThat(e.code()).isEqualTo(e.problems().get(0).code());
        });
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
