package nl.mboexchange.benchmark.node;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.benchmark.measure.Latencies;

/**
 * Reads the times each hop of a result left in the host's and the homes' databases, and makes a {@link HopBreakdown}
 * of them.
 */
final class HopTimes {

    private static final String SENT = "select enrolment_id::text, recorded_at from timeline_entry"
            + " where direction = 'OUT' and event_type = ? and enrolment_id = any(?)";
    private static final String RECEIVED =
            "select enrolment_id::text, received_at from processed_event where event_type = ? and enrolment_id = any(?)";

    private final List<ExchangeVerification.DatabaseAccess> homes;
    private final ExchangeVerification.DatabaseAccess host;
    private final EnrolmentIds ids;

    HopTimes(
            List<ExchangeVerification.DatabaseAccess> homes,
            ExchangeVerification.DatabaseAccess host,
            EnrolmentIds ids) {
        this.homes = List.copyOf(homes);
        this.host = host;
        this.ids = ids;
    }

    /**
     * @param startedAt per enrolment of the phase, when its record command was due or issued (microseconds)
     * @param resultVisibleAt per enrolment, when its result committed at home, or 0
     * @param receiptVisibleAt per enrolment, when its receipt committed at the host, or 0
     */
    HopBreakdown of(int from, int count, long[] startedAt, long[] resultVisibleAt, long[] receiptVisibleAt)
            throws SQLException {
        UUID[] keys = new UUID[count];
        for (int i = 0; i < count; i++) {
            keys[i] = ids.of(from + i);
        }
        Map<String, Long> resultsSent = times(host, SENT, "CourseResultRecorded", keys);
        Map<String, Long> resultsReceived = new HashMap<>();
        Map<String, Long> receiptsSent = new HashMap<>();
        for (ExchangeVerification.DatabaseAccess home : homes) {
            resultsReceived.putAll(times(home, RECEIVED, "CourseResultRecorded", keys));
            receiptsSent.putAll(times(home, SENT, "ResultAcknowledged", keys));
        }
        Map<String, Long> receiptsReceived = times(host, RECEIVED, "ResultAcknowledged", keys);

        Latencies recordCommand = new Latencies();
        Latencies toHome = new Latencies();
        Latencies homeApply = new Latencies();
        Latencies toHost = new Latencies();
        Latencies hostApply = new Latencies();
        for (int i = 0; i < count; i++) {
            String key = keys[i].toString();
            Long sent = resultsSent.get(key);
            Long atHome = resultsReceived.get(key);
            Long receipt = receiptsSent.get(key);
            Long atHost = receiptsReceived.get(key);
            if (sent == null || atHome == null || receipt == null || atHost == null) {
                continue;
            }
            recordCommand.record(sent - startedAt[i]);
            toHome.record(atHome - sent);
            if (resultVisibleAt[i] != 0) {
                homeApply.record(resultVisibleAt[i] - atHome);
            }
            toHost.record(atHost - receipt);
            if (receiptVisibleAt[i] != 0) {
                hostApply.record(receiptVisibleAt[i] - atHost);
            }
        }
        return new HopBreakdown(
                recordCommand.summary(), toHome.summary(), homeApply.summary(), toHost.summary(), hostApply.summary());
    }

    /** Per enrolment id: the time the query gives for the event type, in microseconds. */
    private static Map<String, Long> times(
            ExchangeVerification.DatabaseAccess database, String sql, String type, UUID[] enrolments)
            throws SQLException {
        Map<String, Long> times = new HashMap<>();
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, type);
            query.setArray(2, connection.createArrayOf("uuid", enrolments));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), micros(rs.getTimestamp(2)));
                }
            }
        }
        return times;
    }

    private static Connection connect(ExchangeVerification.DatabaseAccess database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static long micros(Timestamp timestamp) {
        return timestamp.getTime() / 1000 * 1_000_000L + timestamp.getNanos() / 1000;
    }
}
