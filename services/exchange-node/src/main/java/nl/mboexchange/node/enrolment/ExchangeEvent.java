package nl.mboexchange.node.enrolment;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.school.SchoolCode;

/**
 * Something that happened to an enrolment and travels between its two schools. The same types describe the events a
 * node sends (registered by the {@link Enrolment} aggregate, kept in the outbox) and the ones it receives (decoded
 * from the wire and applied to the aggregate). Each type is one Avro record of the wire contract, by the same name.
 */
public sealed interface ExchangeEvent
        permits RegistrationRequested,
                RegistrationAccepted,
                RegistrationRejected,
                RegistrationWithdrawn,
                CourseResultRecorded,
                CourseResultRevoked,
                ResultAcknowledged,
                ErasureRequested,
                ErasureConfirmed {

    EventHeader header();

    /**
     * Calls the visitor's method for this event's type. Every place that does something per event type does it through
     * a {@link Visitor}, so that a new type does not compile until each of them handles it.
     */
    <R> R accept(Visitor<R> visitor);

    /** A one-line account of the event for a registrar. */
    String summary();

    /** The name of the event type, equal to the name of its Avro record. */
    default String type() {
        return getClass().getSimpleName();
    }

    default UUID eventId() {
        return header().eventId();
    }

    default Instant occurredAt() {
        return header().occurredAt();
    }

    default EnrolmentId enrolmentId() {
        return header().enrolmentId();
    }

    default SchoolCode sender() {
        return header().sender();
    }

    default SchoolCode recipient() {
        return header().recipient();
    }

    /**
     * Something done per event type, one method for each.
     *
     * @param <R> what it gives
     */
    interface Visitor<R> {

        R requested(RegistrationRequested event);

        R accepted(RegistrationAccepted event);

        R rejected(RegistrationRejected event);

        R withdrawn(RegistrationWithdrawn event);

        R resultRecorded(CourseResultRecorded event);

        R resultRevoked(CourseResultRevoked event);

        R resultAcknowledged(ResultAcknowledged event);

        R erasureRequested(ErasureRequested event);

        R erasureConfirmed(ErasureConfirmed event);
    }
}
