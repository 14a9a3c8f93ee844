package nl.mboexchange.testinfra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates each database a test asks for once, on whichever PostgreSQL server the infrastructure runs. */
abstract class SharedDatabases {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Set<String> created = new HashSet<>();

    /** A connection with the right to create databases; opens the server on first use. */
    protected abstract Connection adminConnection() throws SQLException;

    protected abstract String jdbcUrlOf(String database);

    public final synchronized String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + database);
        }
        if (created.add(database)) {
            try (Connection connection = adminConnection();
                    Statement statement = connection.createStatement()) {
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("create database " + database);
                }
            } catch (SQLException e) {
                created.remove(database);
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
        return jdbcUrlOf(database);
    }
}
