package nl.mboexchange.node.result;

/** A grade on the pass/fail scale. */
public enum PassFailGrade implements Grade {
    PASSED,
    FAILED;

    @Override
    public String text() {
        return name();
    }
}
