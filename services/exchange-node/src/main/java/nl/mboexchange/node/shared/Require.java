package nl.mboexchange.node.shared;

/** Checks on plain values that records use in their constructors. */
public final class Require {

    private Require() {}

    /** The value is present. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValue(field, field + " is required");
        }
        return value;
    }

    /** The text is present, not blank and at most {@code maxLength} characters long. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, field + " is required");
        }
        return optionalText(value, field, maxLength);
    }

    /** The text, when present, is at most {@code maxLength} characters long; blank counts as absent. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValue(field, field + " is longer than " + maxLength + " characters");
        }
        // PostgreSQL cannot store a NUL character in text; refused here rather than failing on the write.
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidValue(field, field + " contains a NUL character");
        }
        return value;
    }

    /** The number is at least {@code minimum}. */
    public static int atLeast(int value, int minimum, String field) {
        if (value < minimum) {
            throw new InvalidValue(field, field + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
