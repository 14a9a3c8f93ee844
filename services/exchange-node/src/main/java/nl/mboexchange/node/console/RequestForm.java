package nl.mboexchange.node.console;

import static nl.mboexchange.node.console.FormValues.DATE;
import static nl.mboexchange.node.console.FormValues.POSITIVE;
import static nl.mboexchange.node.console.FormValues.UUID_FORMAT;
import static nl.mboexchange.node.console.FormValues.date;
import static nl.mboexchange.node.console.FormValues.number;
import static nl.mboexchange.node.console.FormValues.uuid;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;

/**
 * Home school: ask a host to enrol a student. The enrolment id is chosen when the form is shown, so that sending the
 * same form twice requests one enrolment, not two.
 */
record RequestForm(
        @NotBlank @Pattern(regexp = UUID_FORMAT) String enrolmentId,
        @NotBlank @Pattern(regexp = SchoolCode.FORMAT) String hostSchool,
        @NotBlank @Pattern(regexp = UUID_FORMAT) String exchangeId,
        @NotBlank @Size(max = VisitingStudent.MAX_NAME) String givenName,
        @NotBlank @Size(max = VisitingStudent.MAX_NAME) String familyName,
        @NotBlank @Pattern(regexp = DATE) String dateOfBirth,

        @NotBlank @Email @Size(max = VisitingStudent.MAX_EMAIL)
        String email,

        @NotBlank @Pattern(regexp = CourseCode.FORMAT) String courseCode,

        @NotBlank @Size(max = CourseOffering.MAX_OFFERING_ID)
        String offeringId,

        @NotBlank @Size(max = CourseOffering.MAX_TITLE) String title,
        @NotBlank @Pattern(regexp = POSITIVE) String studyLoadHours,
        @NotBlank @Pattern(regexp = DATE) String startDate,
        @NotBlank @Pattern(regexp = DATE) String endDate,
        @NotBlank String resultScale) {

    /** An empty form with a new enrolment id, and a new exchange id for a student who has none yet. */
    static RequestForm blank() {
        return new RequestForm(
                UUID.randomUUID().toString(),
                null,
                UUID.randomUUID().toString(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ResultScale.NUMERIC_1_TO_10.name());
    }

    RequestEnrolment toCommand(LocalDate today) {
        LocalDate born = date(dateOfBirth, "dateOfBirth");
        if (!born.isBefore(today)) {
            throw new InvalidValue("dateOfBirth", "dateOfBirth must be in the past");
        }
        VisitingStudent student =
                VisitingStudent.of(uuid(exchangeId, "exchangeId"), givenName, familyName, born, email);
        CourseOffering course = new CourseOffering(
                CourseCode.of(courseCode),
                offeringId,
                title,
                number(studyLoadHours, "studyLoadHours"),
                date(startDate, "startDate"),
                date(endDate, "endDate"),
                scale());
        return new RequestEnrolment(
                new EnrolmentId(uuid(enrolmentId, "enrolmentId")), SchoolCode.of(hostSchool), student, course);
    }

    private ResultScale scale() {
        try {
            return ResultScale.valueOf(resultScale);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("resultScale", "'" + resultScale + "' is not a result scale");
        }
    }
}
