package nl.mboexchange.node.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time, plus however far a test has moved it ahead: for a node whose days must pass in seconds. */
public final class MovingClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void move(Duration by) {
        ahead = ahead.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the node's clock is UTC");
    }
}
