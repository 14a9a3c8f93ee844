package nl.mboexchange.node.school;

import java.util.regex.Pattern;

/**
 * The institution code of a school, BRIN-style: two digits and two capital letters, e.g. {@code 25LX}.
 *
 * @param value the four characters of the code
 */
public record SchoolCode(String value) {

    /** The format as a regular expression, shared with the REST and configuration validation. */
    public static final String FORMAT = "[0-9]{2}[A-Z]{2}";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public SchoolCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidSchoolCode();
        }
    }

    public static SchoolCode of(String value) {
        return new SchoolCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
