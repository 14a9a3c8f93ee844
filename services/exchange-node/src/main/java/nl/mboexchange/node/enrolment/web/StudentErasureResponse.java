package nl.mboexchange.node.enrolment.web;

import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentStatus;

/**
 * The erasure of a student's personal data at the home school, over all the enrolments it requested for them.
 *
 * @param exchangeId the student
 * @param enrolments each enrolment, oldest first, with where its erasure stands
 */
record StudentErasureResponse(UUID exchangeId, List<EnrolmentErasure> enrolments) {

    static StudentErasureResponse of(UUID exchangeId, List<Enrolment> enrolments) {
        return new StudentErasureResponse(
                exchangeId,
                enrolments.stream()
                        .map(enrolment -> new EnrolmentErasure(
                                enrolment.id().value(),
                                enrolment.hostSchool().value(),
                                enrolment.status(),
                                ErasureResponse.of(enrolment.erasure())))
                        .toList());
    }

    /**
     * One enrolment of the student.
     *
     * @param enrolmentId the enrolment
     * @param hostSchool the school asked to erase its copy
     * @param status the enrolment's status, which erasure does not change
     * @param erasure where its erasure stands
     */
    record EnrolmentErasure(UUID enrolmentId, String hostSchool, EnrolmentStatus status, ErasureResponse erasure) {}
}
