package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.shared.Plausible;

/**
 * The course offering at the host.
 *
 * @param courseCode SBB keuzedeel code, e.g. {@code K0080}
 * @param offeringId the host's own id of this run of the course
 * @param title the title
 * @param studyLoadHours study load in hours
 * @param startDate the first day
 * @param endDate the last day
 * @param resultScale the scale of every result of the course
 */
record CourseBody(
        @NotNull @Pattern(regexp = CourseCode.FORMAT, message = "must be K followed by four digits, e.g. K0080")
        String courseCode,

        @NotBlank @Size(max = CourseOffering.MAX_OFFERING_ID)
        String offeringId,

        @NotBlank @Size(max = CourseOffering.MAX_TITLE) String title,
        @NotNull @Positive Integer studyLoadHours,
        @NotNull @Schema(description = Plausible.DATE_RULE) LocalDate startDate,

        @NotNull @Schema(description = "Not before startDate, and " + Plausible.DATE_RULE)
        LocalDate endDate,

        @NotNull ResultScale resultScale) {

    static CourseBody of(CourseOffering course) {
        return new CourseBody(
                course.courseCode().value(),
                course.offeringId(),
                course.title(),
                course.studyLoadHours(),
                course.startDate(),
                course.endDate(),
                course.resultScale());
    }

    CourseOffering toDomain() {
        return new CourseOffering(
                CourseCode.of(courseCode), offeringId, title, studyLoadHours, startDate, endDate, resultScale);
    }
}
