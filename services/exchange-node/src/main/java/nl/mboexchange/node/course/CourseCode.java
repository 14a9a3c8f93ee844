package nl.mboexchange.node.course;

import java.util.regex.Pattern;

/**
 * An SBB keuzedeel code: {@code K} followed by four digits, e.g. {@code K0080}.
 *
 * @param value the five characters of the code
 */
public record CourseCode(String value) {

    /** The format as a regular expression, shared with the REST validation. */
    public static final String FORMAT = "K[0-9]{4}";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public CourseCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidCourseCode();
        }
    }

    public static CourseCode of(String value) {
        return new CourseCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
