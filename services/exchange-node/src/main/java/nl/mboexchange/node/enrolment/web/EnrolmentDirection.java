package nl.mboexchange.node.enrolment.web;

import java.util.Locale;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.shared.InvalidValue;

/** How the API names this school's side of an enrolment: outgoing at the home school, incoming at the host. */
final class EnrolmentDirection {

    static final String INCOMING = "incoming";
    static final String OUTGOING = "outgoing";

    private EnrolmentDirection() {}

    static String of(EnrolmentRole role) {
        return role == EnrolmentRole.HOME ? OUTGOING : INCOMING;
    }

    /** The role for a {@code direction} query parameter, or {@code null} for both. */
    static EnrolmentRole parse(String direction) {
        if (direction == null || direction.isBlank()) {
            return null;
        }
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case INCOMING -> EnrolmentRole.HOST;
            case OUTGOING -> EnrolmentRole.HOME;
            default -> throw new InvalidValue("direction", "direction must be incoming or outgoing");
        };
    }
}
