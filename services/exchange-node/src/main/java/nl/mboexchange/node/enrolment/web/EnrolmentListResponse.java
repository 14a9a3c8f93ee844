package nl.mboexchange.node.enrolment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentStatus;

/**
 * One page of enrolments, most recently requested first.
 *
 * @param items the enrolments
 * @param page the page number, from 0
 * @param size the page size
 * @param totalItems how many enrolments match in all
 * @param totalPages how many pages there are
 */
record EnrolmentListResponse(List<EnrolmentListItem> items, int page, int size, long totalItems, long totalPages) {

    /**
     * One enrolment in the list.
     *
     * @param id the enrolment id
     * @param direction {@code outgoing} or {@code incoming}
     * @param status the lifecycle status
     * @param homeSchool the home school
     * @param hostSchool the host school
     * @param studentExchangeId the student's exchange id
     * @param studentName the student's name
     * @param courseCode the course
     * @param courseTitle the course title
     * @param startDate the first day of the course
     * @param requestedAt when it was requested
     * @param lastChangedAt when this node last changed it
     */
    record EnrolmentListItem(
            UUID id,
            String direction,
            EnrolmentStatus status,
            String homeSchool,
            String hostSchool,
            UUID studentExchangeId,
            String studentName,
            String courseCode,
            String courseTitle,
            LocalDate startDate,
            Instant requestedAt,
            Instant lastChangedAt) {}
}
