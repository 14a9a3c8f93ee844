package nl.mboexchange.node.ooapi;

import com.fasterxml.jackson.annotation.JsonValue;

/** OOAPI's {@code passState}. */
enum PassState {
    PASSED("passed"),
    FAILED("failed");

    private final String value;

    PassState(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }
}
