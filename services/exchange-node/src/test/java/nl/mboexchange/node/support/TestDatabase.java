package nl.mboexchange.node.support;

import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * The node's database for the integration tests: a real PostgreSQL 17 from the shared test infrastructure, started
 * once per test JVM (embedded by default, on Testcontainers with {@code -Dtest.infra=containers}).
 */
public final class TestDatabase {

    public static final String NAME = "exchange_node";

    private TestDatabase() {}

    public static String jdbcUrl() {
        return TestInfrastructure.get().jdbcUrl(NAME);
    }

    public static String user() {
        return TestInfrastructure.get().databaseUser();
    }

    public static String password() {
        return TestInfrastructure.get().databasePassword();
    }
}
