package nl.mboexchange.node.ooapi;

import java.util.UUID;

/**
 * One enrolment as an OOAPI {@code courseOfferingAssociation}. Which of {@code person} and {@code offering} are
 * present, and how, depends on the endpoint and its {@code expand}; absent ones are left out of the JSON.
 *
 * @param associationId the enrolment id
 * @param associationType always {@code courseOfferingAssociation}
 * @param role always {@code student}
 * @param state where the enrolment is in its lifecycle
 * @param result the result that stands, or {@code null} while there is none
 * @param person the student, or {@code null}
 * @param offering the course offering, or {@code null}
 */
record AssociationBody(
        UUID associationId,
        String associationType,
        String role,
        AssociationState state,
        ResultBody result,
        PersonField person,
        OfferingField offering) {

    static final String COURSE_OFFERING_ASSOCIATION = "courseOfferingAssociation";
    static final String STUDENT = "student";
}
