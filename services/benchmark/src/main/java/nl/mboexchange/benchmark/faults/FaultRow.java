package nl.mboexchange.benchmark.faults;

/**
 * One fault's line of the report.
 *
 * @param fault the fault's name
 * @param injected what was done
 * @param outcome {@code passed}, {@code FAILED} or {@code not run}
 * @param enrolments enrolments whose results and corrections travelled through this fault
 * @param expected events that had to be applied: two result versions and two receipts per enrolment
 * @param sent events the nodes sent, by their timelines
 * @param applied distinct events applied at their recipient
 * @param lost expected events not applied
 * @param doubled events applied more than once
 * @param deadLettersExpected bad records injected, which the nodes must dead-letter
 * @param deadLettersSeen dead letters the nodes recorded during the fault
 * @param redeliveriesExpected copies of applied events injected, or -1 where the fault cannot know
 * @param redeliveriesDropped copies the nodes dropped during the fault
 * @param recoverySeconds from the fault's end until every expected event was applied; {@code null} when not run or
 *     never
 * @param note what else the row says: why it did not run, why it failed, how the crash landed
 */
public record FaultRow(
        String fault,
        String injected,
        String outcome,
        int enrolments,
        long expected,
        long sent,
        long applied,
        long lost,
        long doubled,
        long deadLettersExpected,
        long deadLettersSeen,
        long redeliveriesExpected,
        long redeliveriesDropped,
        Double recoverySeconds,
        String note) {

    static final String PASSED = "passed";
    static final String FAILED = "FAILED";
    static final String NOT_RUN = "not run";

    static FaultRow notRun(Fault fault, String because) {
        return new FaultRow(fault.name(), describe(fault), NOT_RUN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, because);
    }

    private static String describe(Fault fault) {
        return fault instanceof NotYetBuilt notYet ? notYet.injected() : fault.name();
    }

    /** Whether this row keeps the suite from passing: anything lost, doubled or dead-lettered other than expected. */
    public boolean failed() {
        return FAILED.equals(outcome);
    }
}
