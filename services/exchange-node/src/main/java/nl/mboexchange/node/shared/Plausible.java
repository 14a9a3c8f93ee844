package nl.mboexchange.node.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The ranges of dates and instants the domain accepts, from any boundary: the REST API, the SIS commands and the
 * events of other schools.
 *
 * <p>The bounds are wide enough for every real student and course, and narrow enough that every value fits the
 * database, the Avro wire types and JSON unchanged: a date far outside them would otherwise be refused by PostgreSQL
 * only on the write, or be stored as another date. They are fixed, not relative to today, so that the domain needs no
 * clock; rules that do need one (a date of birth in the past) belong to the adapters that have a clock.
 */
public final class Plausible {

    /** {@link #EARLIEST_DATE} as text, for the API documentation, which needs a constant. */
    public static final String EARLIEST_DATE_TEXT = "1900-01-01";

    /** {@link #LATEST_DATE} as text. */
    public static final String LATEST_DATE_TEXT = "2199-12-31";

    /** The earliest calendar date: a date of birth, the start or end of a course, the day of an assessment. */
    public static final LocalDate EARLIEST_DATE = LocalDate.parse(EARLIEST_DATE_TEXT);

    /** The latest calendar date. */
    public static final LocalDate LATEST_DATE = LocalDate.parse(LATEST_DATE_TEXT);

    /** The rule for a date, as the API documentation states it. */
    public static final String DATE_RULE = "between " + EARLIEST_DATE_TEXT + " and " + LATEST_DATE_TEXT;

    /** The earliest moment an event can have happened: no node existed before. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("2000-01-01T00:00:00Z");

    /** The latest moment an event can have happened, to the millisecond as on the wire. */
    public static final Instant LATEST_INSTANT = Instant.parse("2199-12-31T23:59:59.999Z");

    private Plausible() {}

    /** The date is present and within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, both included. */
    public static LocalDate date(LocalDate value, String field) {
        Require.present(value, field);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            // The value itself stays out of the message: a date of birth is personal data, and messages end up in logs.
            throw new InvalidValue(field, field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return value;
    }

    /** The instant is present and within {@link #EARLIEST_INSTANT} and {@link #LATEST_INSTANT}, both included. */
    public static Instant instant(Instant value, String field) {
        Require.present(value, field);
        if (value.isBefore(EARLIEST_INSTANT) || value.isAfter(LATEST_INSTANT)) {
            throw new InvalidValue(field, field + " must be between " + EARLIEST_INSTANT + " and " + LATEST_INSTANT);
        }
        return value;
    }
}
