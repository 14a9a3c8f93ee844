package nl.mboexchange.node.sis;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;

/**
 * What every SIS command carries besides its own fields.
 *
 * @param commandId the id the SIS chose: the idempotency key
 * @param type the command's record name, e.g. {@code AcceptEnrolment}
 * @param issuedBy who issued it in the SIS
 * @param issuedAt when the SIS issued it
 * @param enrolmentId the enrolment it is about
 */
record IssuedCommand(UUID commandId, String type, String issuedBy, Instant issuedAt, EnrolmentId enrolmentId) {}
