package nl.mboexchange.localnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.networkadmin.Credentials;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The one-command network as a new user meets it: the launcher's jar started as a process, the README's walk-through
 * played against it, and nothing left behind when it stops.
 */
class LocalNetworkIT {

    private static final Path RUNS = Path.of("target", "local-network-it");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_walkthrough_passes_against_the_network_and_stopping_it_leaves_nothing_behind() throws Exception {
        LauncherProcess network = LauncherProcess.start(
                        LauncherProcess.Ports.free(), RUNS.resolve("walkthrough"), "--clean")
                .awaitReady();
        try {
            assertThat(network.output())
                    .contains(network.ports().nodeUrl(0) + "/swagger-ui.html")
                    .contains(network.ports().nodeUrl(1) + "/api/v1/enrolments");

            Walkthrough walkthrough = Walkthrough.run(network);

            assertThat(walkthrough.exitCode())
                    .as("the walk-through's exit code; it printed:\n%s", walkthrough.output())
                    .isZero();
            assertThat(walkthrough.output()).contains("Walk-through passed");
        } finally {
            network.stop();
        }
        network.assertNothingLeftWithin(Duration.ofSeconds(10));
        assertThat(network.output()).contains("stopped; nothing of the local network is running");
    }

    @Test
    void data_survives_a_restart_and_a_killed_launcher_leaves_nothing_behind() throws Exception {
        LauncherProcess.Ports ports = LauncherProcess.Ports.free();
        Path data = RUNS.resolve("restart");
        UUID enrolment = UUID.randomUUID();
        String subject = "nl.mboexchange.localnetwork.RestartCheck";
        String topic = "mbo.exchange.25LX.30GH";
        // Not the enrolment id: the node sends its own record under that key on this channel.
        String key = "restart-check-" + UUID.randomUUID();

        LauncherProcess first = LauncherProcess.start(ports, data, "--clean").awaitReady();
        try {
            assertThat(requestEnrolment(ports.nodeUrl(0), enrolment).statusCode())
                    .isEqualTo(201);
            assertThat(registerSchema(ports, subject).statusCode())
                    .as("a schema registered while the node registers its own")
                    .isEqualTo(200);
            produce(ports, data, topic, key);
        } finally {
            first.stop();
        }
        first.assertNothingLeftWithin(Duration.ofSeconds(10));

        LauncherProcess second = LauncherProcess.start(ports, data).awaitReady();
        try {
            HttpResponse<String> kept = get(ports.nodeUrl(0) + "/api/v1/enrolments/" + enrolment, "local-25LX");
            assertThat(kept.statusCode())
                    .as("the enrolment at home after a restart")
                    .isEqualTo(200);
            assertThat(kept.body()).contains(enrolment.toString());
            assertThat(get(registryUrl(ports) + "/subjects", null).body())
                    .as("the registry's subjects after a restart")
                    .contains(subject);
            assertThat(consumeKeys(ports, data, topic, key))
                    .as("the broker's records after a restart")
                    .contains(key);
        } finally {
            second.kill();
        }
        second.assertNothingLeftWithin(Duration.ofSeconds(45));
    }

    private static HttpResponse<String> requestEnrolment(String home, UUID enrolment) throws Exception {
        String body = """
                {"enrolmentId": "%s", "hostSchool": "30GH",
                 "student": {"exchangeId": "%s", "givenName": "Daan", "familyName": "Bakker",
                             "dateOfBirth": "2006-09-01", "email": "daan.bakker@student.example"},
                 "course": {"courseCode": "K0080", "offeringId": "RESTART-CHECK", "title": "Ondernemend gedrag",
                            "studyLoadHours": 240, "startDate": "2026-02-02", "endDate": "2026-06-26",
                            "resultScale": "NUMERIC_1_TO_10"}}
                """.formatted(enrolment, UUID.randomUUID());
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(home + "/api/v1/enrolments"))
                        .header("Authorization", basic("local-25LX"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> registerSchema(LauncherProcess.Ports ports, String subject) throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"RestartCheck\",\"namespace\":\"nl.mboexchange.localnetwork\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        String body = "{\"schema\":" + quoted(schema) + "}";
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(registryUrl(ports) + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String registrarPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (registrarPassword != null) {
            request.header("Authorization", basic(registrarPassword));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a Kafka client needs to log in as the operator, whose login the launcher keeps beside the data. */
    private static Map<String, Object> asOperator(LauncherProcess.Ports ports, Path data, Map<String, Object> more) {
        Map<String, Object> config = new java.util.HashMap<>(
                Credentials.read(data.resolve("credentials").resolve("admin.properties"))
                        .clientProperties("127.0.0.1:" + ports.kafka()));
        config.putAll(more);
        return config;
    }

    private static void produce(LauncherProcess.Ports ports, Path data, String topic, String key) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                asOperator(ports, data, Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "restart check")).get(30, TimeUnit.SECONDS);
        }
    }

    /** The keys on {@code topic}, read from the start until {@code wanted} is among them or 20 s have passed. */
    private static List<String> consumeKeys(LauncherProcess.Ports ports, Path data, String topic, String wanted) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                asOperator(
                        ports,
                        data,
                        Map.of(
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "restart-check-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest")),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> keys = new ArrayList<>();
            for (int poll = 0; poll < 40 && !keys.contains(wanted); poll++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
            return keys;
        }
    }

    private static String registryUrl(LauncherProcess.Ports ports) {
        return "http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7";
    }

    private static String basic(String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString(("registrar:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code deploy/walkthrough.sh} run against the network, its output kept beside the network's logs. */
    private record Walkthrough(int exitCode, String output) {

        static Walkthrough run(LauncherProcess network) throws IOException, InterruptedException {
            Path output = network.dataDirectory().resolve("walkthrough.out");
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", LauncherProcess.walkthroughScript().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(network.walkthroughEnvironment());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new Walkthrough(
                    process.isAlive() ? -1 : process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        }
    }
}
