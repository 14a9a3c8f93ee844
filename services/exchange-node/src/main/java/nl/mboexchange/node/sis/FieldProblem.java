package nl.mboexchange.node.sis;

/**
 * One field of a command that breaks a rule.
 *
 * @param field the field, as a path in the command, e.g. {@code student.email}
 * @param code the short, stable name of the rule, e.g. {@code InvalidGrade}
 * @param reason the rule, for a person; never the value, which may be personal data and ends up in logs
 */
record FieldProblem(String field, String code, String reason) {}
