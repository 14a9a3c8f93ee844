package nl.mboexchange.node.result;

import java.math.BigDecimal;

/** A grade on one of the result scales: a {@link NumericGrade} or a {@link PassFailGrade}. */
public sealed interface Grade permits NumericGrade, PassFailGrade {

    /** Every grade written as {@link #text()}, as a regular expression, for checks that list every wrong field. */
    String FORMAT = "10\\.0|[1-9]\\.[0-9]|PASSED|FAILED";

    /** The grade as text: {@code 7.5}, {@code PASSED} or {@code FAILED}. */
    String text();

    /**
     * Reads a grade as a registrar or a SIS writes it, only in the form in which it comes back ({@link #text()}):
     * {@code 8.0}, never {@code 8} or {@code 08.0}, so that what a school sends is what it finds in every answer and
     * at the other school, character for character.
     */
    static Grade canonical(String text) {
        Grade grade = parse(text);
        if (!grade.text().equals(text)) {
            throw new InvalidGrade("grade is not written as 1.0 to 10.0 with one decimal (e.g. 8.0), PASSED or FAILED");
        }
        return grade;
    }

    /**
     * Reads a grade written as {@link #text()}; a number may omit its decimal ({@code 8} is {@code 8.0}). Lenient, for
     * what this node and its counterparts wrote; input from people and systems goes through {@link #canonical}.
     */
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
