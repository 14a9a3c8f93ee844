package nl.mboexchange.node.result;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A grade from 1.0 to 10.0 with one decimal, kept with exactly one decimal.
 *
 * @param value the grade
 */
public record NumericGrade(BigDecimal value) implements Grade {

    private static final BigDecimal LOWEST = new BigDecimal("1.0");
    private static final BigDecimal HIGHEST = new BigDecimal("10.0");

    public NumericGrade {
        if (value == null) {
            throw new InvalidGrade("grade is required");
        }
        if (value.compareTo(LOWEST) < 0 || value.compareTo(HIGHEST) > 0) {
            // Without the value: a grade is a student's result, and 1E+999999999 written out would not fit in memory.
            throw new InvalidGrade("grade is not between 1.0 and 10.0");
        }
        try {
            // Refuses 7.25 rather than rounding it: a grade is never changed on the way.
            value = value.setScale(1, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidGrade("grade has more than one decimal");
        }
    }

    public static NumericGrade of(String value) {
        return new NumericGrade(new BigDecimal(value));
    }

    @Override
    public String text() {
        return value.toPlainString();
    }
}
