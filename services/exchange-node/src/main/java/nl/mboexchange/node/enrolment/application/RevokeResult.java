package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.enrolment.EnrolmentId;

/**
 * Host school: withdraw the result of an attempt altogether.
 *
 * @param enrolmentId the enrolment
 * @param attempt the attempt
 * @param reason why the result is revoked
 */
public record RevokeResult(EnrolmentId enrolmentId, int attempt, String reason) implements EnrolmentCommand {

    public RevokeResult {
        present(enrolmentId, "enrolmentId");
    }
}
