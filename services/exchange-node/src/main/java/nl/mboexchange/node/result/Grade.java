package nl.mboexchange.node.result;

import java.math.BigDecimal;

/** A grade on one of the result scales: a {@link NumericGrade} or a {@link PassFailGrade}. */
public sealed interface Grade permits NumericGrade, PassFailGrade {

    /** The grade as text: {@code 7.5}, {@code PASSED} or {@code FAILED}. */
    String text();

    /** Reads a grade written as {@link #text()}; a number may omit its decimal ({@code 8} is {@code 8.0}). */
    static Grade parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidGrade("grade is required");
        }
        for (PassFailGrade grade : PassFailGrade.values()) {
            if (grade.name().equals(text)) {
                return grade;
            }
        }
        try {
            return new NumericGrade(new BigDecimal(text));
        } catch (NumberFormatException e) {
            // Without the text: a grade is a student's result, the text is of any length, and messages end up in logs.
            throw new InvalidGrade("grade is not a grade (1.0 to 10.0 with one decimal, PASSED or FAILED)");
        }
    }
}
