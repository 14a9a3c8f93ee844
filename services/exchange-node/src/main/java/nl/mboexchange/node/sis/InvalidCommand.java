package nl.mboexchange.node.sis;

import nl.mboexchange.node.shared.InvalidInput;

/** A command on the commands topic that is wrong as a message, whatever the enrolment's state. */
final class InvalidCommand extends InvalidInput {

    InvalidCommand(String field, String message) {
        super(field, message);
    }
}
