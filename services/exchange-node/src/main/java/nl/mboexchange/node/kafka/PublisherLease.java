package nl.mboexchange.node.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to publish a school's outbox, held by at most one instance of its node at a time: a PostgreSQL
 * session-level advisory lock, taken with {@code pg_try_advisory_lock} on a connection this lease keeps for as long as
 * it holds it. Two instances on one database therefore never publish at once, so the events of one enrolment leave in
 * the outbox's order. The lock belongs to the database session: when the instance stops it is released, and when the
 * instance dies (or its connection does) PostgreSQL releases it as the session ends, so that another instance takes it
 * over the next time it tries, with nothing to clean up. A session whose client vanished without a word is ended by the
 * server's TCP keepalive, which this lease sets to give up after about 25 seconds.
 *
 * <p>Whether the session is still alive costs a round trip, so it is asked at most once per check interval (the
 * interval at which other instances try to take the lease over) while the publisher is busy, and otherwise when it
 * is idle. Should the session end unnoticed in between, another instance may take the lock and publish before this
 * one notices, for at most that interval; the outbox claim waits for rows another publisher has claimed ({@code for
 * update}), so even then no message leaves twice or before one that was claimed ahead of it.
 *
 * <p>Not thread-safe: only the publisher's thread uses it.
 */
final class PublisherLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublisherLease.class);

    /** The advisory lock's key, the same for every instance on a school's database: "mbo-outb" in ASCII. */
    static final long LOCK_KEY = 0x6d626f2d6f757462L;

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource connections;
    private final long checkIntervalNanos;
    private Connection connection;
    private boolean holding;
    private long checkedAt;

    /**
     * @param connections a source of connections of their own, not a pool's: the lock lives as long as the session,
     *     and a pool would hand a session that still holds it to someone else
     * @param checkInterval how long a session that held the lock when last checked is taken to hold it still
     */
    PublisherLease(DataSource connections, Duration checkInterval) {
        this.connections = connections;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    /**
     * Whether this instance holds the lease now: checks, at most once per check interval, that the session holding
     * the lock is still alive, or, when it holds none, tries once to take the lock. Never waits for another instance.
     */
    boolean holds() {
        if (holding && System.nanoTime() - checkedAt < checkIntervalNanos) {
            return true;
        }
        check();
        if (holding) {
            return true;
        }
        try {
            if (connection == null) {
                connection = connections.getConnection();
                connection.setAutoCommit(true);
                try (Statement settings = connection.createStatement()) {
                    // Should this instance vanish without closing its session (a network partition, a host that loses
                    // power), the server ends the session, and frees the lock, within about half a minute rather
                    // than after the operating system's two hours.
                    settings.execute("set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5;"
                            + " set tcp_keepalives_count = 3");
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, LOCK_KEY);
                try (ResultSet result = statement.executeQuery()) {
                    holding = result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            // The database being away is the publisher's ordinary fault handling: it simply does not publish now.
            log.debug("Could not try the outbox publisher lock", e);
            drop();
            return false;
        }
        if (holding) {
            checkedAt = System.nanoTime();
            log.info("This instance publishes the outbox now (it holds the publisher lock)");
        }
        return holding;
    }

    /** Checks now that the session holding the lock is still alive; gives the lease up when it is not. */
    void check() {
        if (connection == null) {
            return;
        }
        if (alive()) {
            checkedAt = System.nanoTime();
            return;
        }
        if (holding) {
            log.warn("Lost the database session holding the outbox publisher lock; another instance may publish");
        }
        drop();
    }

    private boolean alive() {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Gives the lease up by ending its session, so that another instance can take it at once. */
    @Override
    public void close() {
        if (holding) {
            log.info("This instance no longer publishes the outbox (it released the publisher lock)");
        }
        drop();
    }

    private void drop() {
        holding = false;
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Could not close the session of the outbox publisher lock", e);
        }
        connection = null;
    }
}
