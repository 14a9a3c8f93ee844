package nl.mboexchange.node.intake;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whether the database answers a trivial query within a short time. */
public final class DatabaseProbe implements BooleanSupplier {

    private final JdbcTemplate jdbc;

    DatabaseProbe(JdbcTemplate template, Duration timeout) {
        this.jdbc = new JdbcTemplate(template.getDataSource());
        this.jdbc.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
    }

    @Override
    public boolean getAsBoolean() {
        try {
            jdbc.queryForObject("select 1", Integer.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
