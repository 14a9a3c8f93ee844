package nl.mboexchange.node.result;

/** The scale on which a host grades a course; every result of an enrolment is on its course's scale. */
public enum ResultScale {
    /** A grade from 1.0 to 10.0 with one decimal. */
    NUMERIC_1_TO_10,
    /** PASSED or FAILED. */
    PASS_FAIL;

    /** The grade is on this scale. */
    public boolean accepts(Grade grade) {
        return switch (this) {
            case NUMERIC_1_TO_10 -> grade instanceof NumericGrade;
            case PASS_FAIL -> grade instanceof PassFailGrade;
        };
    }

    /** Refuses a grade that is not on this scale. */
    public Grade check(Grade grade) {
        if (grade == null) {
            throw new InvalidGrade("grade is required");
        }
        if (!accepts(grade)) {
            throw new InvalidGrade("grade is not on the course's scale " + this);
        }
        return grade;
    }
}
