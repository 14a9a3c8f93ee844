package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mboexchange.exchange.RegistrationRequested;
import nl.mboexchange.exchange.RegistrationWithdrawn;
import nl.mboexchange.node.support.PartnerEvents;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.node.support.Wire.Sent;
import nl.mboexchange.testinfra.TcpProxy;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * A node whose database, and then whose registry, goes away while another school's records arrive, for longer than
 * the retry cap. The node reports itself not ready and counts its retries while it lasts, logs a bounded number of
 * lines, and once the server is back takes every record in, once, losing and reordering nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    static final String NODE = "81OU";
    static final String PARTNER = "82OP";
    static final String CHANNEL = TOPIC_PREFIX + "exchange." + PARTNER + "." + NODE;
    static final int RECORDS = 20;
    /** Several times the retry cap below: the outage outlasts the back-off's growth. */
    static final long OUTAGE_MILLIS = 6_000;

    static TcpProxy database;
    static TcpProxy registry;
    static RunningNode node;

    ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        RunningNode.member(PARTNER);
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String jdbcUrl = infrastructure.jdbcUrl("outage_81ou");
        Matcher server = Pattern.compile("//([^:/]+):(\\d+)/").matcher(jdbcUrl);
        assertThat(server.find()).as(jdbcUrl).isTrue();
        database = TcpProxy.to(server.group(1), Integer.parseInt(server.group(2)));
        Matcher registryServer = Pattern.compile("//([^:/]+):(\\d+)").matcher(infrastructure.schemaRegistryUrl());
        assertThat(registryServer.find()).isTrue();
        registry = TcpProxy.to(registryServer.group(1), Integer.parseInt(registryServer.group(2)));
        node = RunningNode.start(
                NODE,
                "outage_81ou",
                Map.of(
                        "spring.datasource.url",
                        server.replaceFirst("//127.0.0.1:" + database.port() + "/"),
                        "mbo.kafka.schema-registry-url",
                        registryServer.replaceFirst("//127.0.0.1:" + registry.port()),
                        "spring.datasource.hikari.connection-timeout",
                        1500,
                        "mbo.intake.retry-max-interval",
                        "1s",
                        "mbo.intake.stall-after",
                        "2s",
                        "mbo.kafka.publish-retry-max-interval",
                        "1s"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void captureTheLog() {
        log = new ListAppender<>();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        root().detachAppender(log);
    }

    /** First, while the node has not yet asked the registry for any schema, so that it must ask during the outage. */
    @Test
    @Order(1)
    void records_that_arrive_while_the_registry_is_away_are_taken_in_once_it_is_back() throws InterruptedException {
        registry.cut();
        List<UUID> enrolments = sendRequestsThenWithdrawals();

        awaitNotReady();
        Thread.sleep(OUTAGE_MILLIS);
        assertThat(node.actuator("/prometheus").body())
                .containsPattern("mbo_intake_retries_total\\{[^}]*cause=\"infrastructure\"[^}]*listener=\"exchange\"")
                .containsPattern(
                        "mbo_intake_oldest_waiting_seconds\\{[^}]*topic=\"" + Pattern.quote(CHANNEL) + "\"\\} [1-9]");
        registry.restore();

        awaitAllTakenInOnce(enrolments);
        assertBoundedLog();
    }

    @Test
    @Order(2)
    void records_that_arrive_while_the_database_is_away_are_taken_in_once_it_is_back() throws InterruptedException {
        database.cut();
        List<UUID> enrolments = sendRequestsThenWithdrawals();

        awaitNotReady();
        Thread.sleep(OUTAGE_MILLIS);
        assertThat(node.actuator("/prometheus").body())
                .containsPattern("mbo_intake_retries_total\\{[^}]*cause=\"infrastructure\"[^}]*listener=\"exchange\"");
        database.restore();

        awaitAllTakenInOnce(enrolments);
        assertBoundedLog();
    }

    private void awaitNotReady() {
        // The database's own check may say DOWN first; the intake says the listener holds records it cannot take in.
        eventually(
                () -> node.actuator("/health/readiness"),
                response -> response.status() == 503
                        && response.body().contains("\"intake\":{\"status\":\"OUT_OF_SERVICE\""));
    }

    private static void awaitAllTakenInOnce(List<UUID> enrolments) {
        eventually(() -> node.actuator("/health/readiness").status(), status -> status == 200);
        // A withdrawal applied before its request would have been refused: WITHDRAWN says the order held.
        for (UUID id : enrolments) {
            node.awaitEnrolment(id.toString(), body -> body.contains("\"WITHDRAWN\""));
        }
        assertThat(node.jdbc()
                        .queryForObject(
                                "select count(*) from timeline_entry where direction = 'IN' and enrolment_id = any(?)",
                                Integer.class,
                                (Object) enrolments.toArray(UUID[]::new)))
                .as("every record taken in once")
                .isEqualTo(2 * enrolments.size());
        assertThat(node.operatorGet("/dead-letters").body()).doesNotContain(CHANNEL);
        eventually(
                () -> node.bean(nl.mboexchange.node.outbox.OutboxRepository.class)
                        .countUnpublished(),
                n -> n == 0);
    }

    private void assertBoundedLog() {
        List<ILoggingEvent> loud = log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
        assertThat(loud)
                .as("WARN and ERROR lines of an outage of %s ms: %s", OUTAGE_MILLIS, loud)
                .hasSizeLessThanOrEqualTo(20);
        assertThat(loud)
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains(CHANNEL + "-0@"));
    }

    private static List<UUID> sendRequestsThenWithdrawals() {
        List<UUID> enrolments = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            UUID id = UUID.randomUUID();
            enrolments.add(id);
            records.add(new Sent(id.toString(), Wire.serialize(CHANNEL, requested(id))));
        }
        for (UUID id : enrolments) {
            records.add(new Sent(id.toString(), Wire.serialize(CHANNEL, withdrawn(id))));
        }
        Wire.produce(CHANNEL, 0, records);
        return enrolments;
    }

    private static RegistrationWithdrawn withdrawn(UUID id) {
        return PartnerEvents.withdrawn(id, PARTNER, NODE);
    }

    private static RegistrationRequested requested(UUID id) {
        return PartnerEvents.requested(id, PARTNER, NODE);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
