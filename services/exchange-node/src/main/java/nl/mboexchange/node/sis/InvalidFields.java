package nl.mboexchange.node.sis;

import java.util.List;
import nl.mboexchange.node.shared.InvalidInput;

/**
 * A command with one or more fields that break a rule, all of them listed: a SIS that learns of one wrong field at a
 * time needs a round trip per field, and a person fixing the record wants to see them together.
 */
final class InvalidFields extends InvalidInput {

    private final transient List<FieldProblem> problems;

    InvalidFields(List<FieldProblem> problems) {
        super(problems.get(0).field(), describe(problems));
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** The first problem's code, so that a reader of the single {@code code} sees what it saw before. */
    @Override
    public String code() {
        return problems.get(0).code();
    }

    private static String describe(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder(problems.get(0).reason());
        if (problems.size() > 1) {
            text.append(" (and ").append(problems.size() - 1).append(" more: ");
            for (int i = 1; i < problems.size(); i++) {
                text.append(i > 1 ? "; " : "").append(problems.get(i).reason());
            }
            text.append(')');
        }
        return text.toString();
    }
}
