package nl.mboexchange.node.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fingerprint of every row of every table the node writes, to show that a refused request changed nothing.
 *
 * @param tables a digest of each table's rows, by table name
 */
public record DatabaseState(Map<String, String> tables) {

    private static final String[] TABLES = {
        "enrolment",
        "result_version",
        "timeline_entry",
        "processed_event",
        "outbox_event",
        "idempotent_request",
        "sis_command"
    };

    public static DatabaseState of(JdbcTemplate jdbc) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(
                    table,
                    jdbc.queryForObject(
                            "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                    + " from " + table + " t",
                            String.class));
        }
        return new DatabaseState(tables);
    }
}
