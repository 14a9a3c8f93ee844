package nl.mboexchange.benchmark.faults;

/**
 * The enrolments whose results travel through one fault: numbers {@code from} to {@code from + count - 1}.
 *
 * @param from the first enrolment's number
 * @param count how many
 */
record Slice(int from, int count) {

    int last() {
        return from + count - 1;
    }
}
