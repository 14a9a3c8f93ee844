package nl.mboexchange.node.enrolment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import nl.mboexchange.node.school.SchoolCode;

/**
 * Request an enrolment at a host school.
 *
 * @param enrolmentId the id to give the enrolment; optional, and a repeat with the same id and data changes nothing
 * @param hostSchool the host school's code, e.g. {@code 30GH}
 * @param student the student
 * @param course the course offering at the host
 */
record RequestEnrolmentBody(
        UUID enrolmentId,

        @NotNull @Pattern(regexp = SchoolCode.FORMAT, message = "must be two digits and two capital letters, e.g. 30GH")
        String hostSchool,

        @NotNull @Valid StudentBody student,
        @NotNull @Valid CourseBody course) {}
