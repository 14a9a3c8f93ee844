package nl.mboexchange.node.enrolment.timeline;

/** Whether this node received an event or sent it. */
public enum EventDirection {
    IN,
    OUT
}
