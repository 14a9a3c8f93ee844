package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.RegistrationAccepted;
import nl.mboexchange.networkadmin.SchemaRegistration;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.testinfra.SchemaRegistryProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node as it runs in production, with its default {@code auto.register.schemas=false}, against a registry of its
 * own that starts empty: an event whose schema the operator did not register is held in the outbox with why, the
 * node registers nothing, and once the operator has registered the contract ({@code register-schemas}) the held
 * event is sent again and later events go out as usual.
 */
class RegisteredSchemasIT {

    static final String NODE = "43RS";
    static final String PARTNER = "54RS";
    static final String TO_PARTNER = TOPIC_PREFIX + "exchange." + NODE + "." + PARTNER;

    static SchemaRegistryProcess registry;
    static RunningNode node;

    @BeforeAll
    static void start() {
        registry = SchemaRegistryProcess.start();
        RunningNode.member(PARTNER);
        node = RunningNode.start(
                NODE, "registered_schemas_43rs", Map.of("mbo.kafka.schema-registry-url", registry.url()));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void an_unregistered_schema_holds_the_event_until_the_operator_registers_it_and_then_events_flow() {
        String waiting = UUID.randomUUID().toString();
        enqueue(acceptance(waiting));

        var held = eventually(
                () -> node.operatorGet("/outbox/held"),
                response -> JsonPath.<List<Object>>read(response.body(), "$").size() == 1);
        assertThat(JsonPath.<String>read(held.body(), "$[0].key")).isEqualTo(waiting);
        assertThat(JsonPath.<String>read(held.body(), "$[0].because"))
                .contains("is not registered")
                .contains(RegistrationAccepted.getClassSchema().getFullName());
        assertThat(subjects()).as("the node registers no schema itself").isEqualTo("[]");

        Map<String, List<Integer>> registered = new SchemaRegistration(registry.url(), null).registerContract();
        assertThat(registered).containsKey(RegistrationAccepted.getClassSchema().getFullName());
        Number heldId = JsonPath.read(held.body(), "$[0].id");
        var sent = node.operatorPost("/outbox/held/" + heldId + "/send-again", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(204);

        String later = UUID.randomUUID().toString();
        enqueue(acceptance(later));

        List<String> keys = eventually(
                () -> Wire.read(TO_PARTNER, 1).stream().map(ConsumerRecord::key).toList(),
                onWire -> onWire.contains(waiting) && onWire.contains(later));
        assertThat(keys).containsOnlyOnce(waiting, later);
        assertThat(JsonPath.<List<Object>>read(node.operatorGet("/outbox/held").body(), "$"))
                .isEmpty();
    }

    private static void enqueue(RegistrationAccepted event) {
        OutboxRepository outbox = node.bean(OutboxRepository.class);
        node.bean(TransactionTemplate.class)
                .executeWithoutResult(status -> outbox.enqueue(List.of(new OutboxRecord(
                        event.getEventId(), TO_PARTNER, event.getEnrolmentId().toString(), event))));
    }

    private static RegistrationAccepted acceptance(String enrolment) {
        return RegistrationAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(UUID.fromString(enrolment))
                .setSenderSchool(NODE)
                .setRecipientSchool(PARTNER)
                .setNote("accepted")
                .build();
    }

    private static String subjects() {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(registry.url() + "/subjects"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .replaceAll("\\s", "");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the registry did not answer", e);
        }
    }
}
