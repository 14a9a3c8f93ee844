package nl.mboexchange.node.timeline;

/** Whether this node received an event or sent it. */
public enum Direction {
    IN,
    OUT
}
