package nl.mboexchange.node.ooapi;

/**
 * OOAPI's {@code IdentifierEntry}: a human-readable code and what kind of code it is.
 *
 * @param codeType one of OOAPI's code types, or one of ours prefixed with {@code x-}
 * @param code the code
 */
record IdentifierEntry(String codeType, String code) {}
