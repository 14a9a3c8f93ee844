package nl.mboexchange.node.ooapi;

import com.fasterxml.jackson.annotation.JsonValue;

/** OOAPI's {@code resultState}, of which the exchange fills two: a provisional and a final result. */
enum ResultState {
    IN_PROGRESS("in progress"),
    COMPLETED("completed");

    private final String value;

    ResultState(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }
}
