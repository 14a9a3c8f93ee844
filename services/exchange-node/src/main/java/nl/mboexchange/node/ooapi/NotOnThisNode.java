package nl.mboexchange.node.ooapi;

import nl.mboexchange.node.shared.NotFound;

/** A person or offering that no enrolment on this node refers to, so this node does not know it. */
final class NotOnThisNode extends NotFound {

    NotOnThisNode(String subject) {
        super(subject + " has no associations on this node");
    }
}
