package nl.mboexchange.node.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.shared.InvalidValue;

/**
 * Reads the text of a form field as the value a command needs. The forms keep every field as text, so that what a
 * registrar typed is shown back unchanged next to its error; a value that does not read is refused like any other
 * invalid input, for the field it came from.
 */
final class FormValues {

    /** A date as {@code yyyy-mm-dd}. */
    static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    /** A whole number from 1. */
    static final String POSITIVE = "[1-9][0-9]{0,5}";

    /** A UUID in its usual form. */
    static final String UUID_FORMAT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private FormValues() {}

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidValue(field, "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    static int number(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidValue(field, "'" + value + "' is not a whole number");
        }
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue(field, "'" + value + "' is not a UUID");
        }
    }

    /** A grade as a registrar types it; a decimal comma, as Dutch writes it, reads as a point. */
    static Grade grade(String value) {
        return Grade.parse(value == null ? null : value.strip().replace(',', '.'));
    }

    /** A checkbox: present (any value) when ticked. */
    static boolean ticked(String value) {
        return value != null && !value.isBlank();
    }

    /** Blank text as absent. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
