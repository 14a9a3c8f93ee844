package nl.mboexchange.node.console;

import static nl.mboexchange.node.console.FormValues.UUID_FORMAT;

import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.EnrolmentFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the list of enrolments, all optional, and the page to show.
 *
 * @param direction {@code incoming} (this school hosts) or {@code outgoing} (this school is home)
 * @param status a {@link EnrolmentStatus}
 * @param course a course code, e.g. {@code K0080}
 * @param student a student's exchange id
 * @param page the page, from 0
 */
record ListForm(
        @Pattern(regexp = "|incoming|outgoing") String direction,

        @Pattern(regexp = "|REQUESTED|ACCEPTED|REJECTED|WITHDRAWN|COMPLETED")
        String status,

        @Pattern(regexp = "|[Kk][0-9]{4}") String course,
        @Pattern(regexp = "|" + UUID_FORMAT) String student,
        @Pattern(regexp = "|[0-9]{1,6}") String page) {

    static final int PAGE_SIZE = 20;

    EnrolmentFilter filter() {
        return new EnrolmentFilter(
                role(),
                blank(status) ? null : EnrolmentStatus.valueOf(status),
                blank(student) ? null : UUID.fromString(student.strip()),
                blank(course) ? null : CourseCode.of(course.strip().toUpperCase(Locale.ROOT)));
    }

    int pageNumber() {
        return blank(page) ? 0 : Integer.parseInt(page);
    }

    /** This list at another page, with the same filters. */
    public String at(int other) {
        return UriComponentsBuilder.fromPath("/")
                .queryParamIfPresent("direction", present(direction))
                .queryParamIfPresent("status", present(status))
                .queryParamIfPresent("course", present(course))
                .queryParamIfPresent("student", present(student))
                .queryParam("page", other)
                .encode()
                .build()
                .toUriString();
    }

    private EnrolmentRole role() {
        if ("incoming".equals(direction)) {
            return EnrolmentRole.HOST;
        }
        return "outgoing".equals(direction) ? EnrolmentRole.HOME : null;
    }

    private static Optional<String> present(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
