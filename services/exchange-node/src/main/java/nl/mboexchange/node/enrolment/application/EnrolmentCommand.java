package nl.mboexchange.node.enrolment.application;

import nl.mboexchange.node.enrolment.EnrolmentId;

/** A command on one enrolment, from a registrar or a SIS; {@link EnrolmentService#execute} carries it out. */
public sealed interface EnrolmentCommand
        permits RequestEnrolment,
                AcceptEnrolment,
                RejectEnrolment,
                WithdrawEnrolment,
                RecordResult,
                CorrectResult,
                RevokeResult {

    EnrolmentId enrolmentId();
}
