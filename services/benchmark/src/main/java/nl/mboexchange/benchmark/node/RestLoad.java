package nl.mboexchange.benchmark.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.mboexchange.benchmark.measure.Latencies;

/**
 * Registrars at work: clients that each send a command to a node's REST API, wait for its answer and send the next,
 * as a registrar's tool or a SIS calling the API would. Every command requests an enrolment at the host with an
 * {@code Idempotency-Key}, authenticated with HTTP Basic as every API call is; so each request pays what a real one
 * pays: authentication, validation, the idempotency record, the enrolment, its timeline entry and the outbox.
 */
final class RestLoad {

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(2);

    private final URI enrolments;
    private final String authorization;
    private final String hostSchool;
    private final HttpClient http;

    RestLoad(int port, String username, String password, String hostSchool) {
        this.enrolments = URI.create("http://127.0.0.1:" + port + "/api/v1/enrolments");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.hostSchool = hostSchool;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Runs {@code clients} clients for {@code duration}.
     *
     * @return what they achieved, and the ids of every enrolment they created
     */
    Run run(int clients, Duration duration) throws InterruptedException {
        Latencies latencies = new Latencies();
        List<UUID> created = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        UUID enrolment = UUID.randomUUID();
                        long sent = System.nanoTime();
                        String outcome = send(enrolment);
                        long answered = System.nanoTime();
                        synchronized (latencies) {
                            latencies.record((answered - sent) / 1_000);
                        }
                        if (outcome == null) {
                            created.add(enrolment);
                        } else {
                            failures.computeIfAbsent(outcome, key -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                try {
                    client.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a REST client failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((outcome, count) -> failed.put(outcome, count.get()));
        return new Run(clients, seconds, latencies, List.copyOf(created), failed);
    }

    /** Sends one request; {@code null} when the enrolment was created, otherwise what went wrong. */
    private String send(UUID enrolment) {
        HttpRequest request = HttpRequest.newBuilder(enrolments)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body(enrolment)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String body(UUID enrolment) {
        return """
                {"enrolmentId": "%s", "hostSchool": "%s",
                 "student": {"exchangeId": "%s", "givenName": "Sanne", "familyName": "de Vries",
                             "dateOfBirth": "2007-03-14", "email": "sanne.devries@student.example"},
                 "course": {"courseCode": "K0080", "offeringId": "2026-P3-ONDERNEMEN", "title": "Ondernemend gedrag",
                            "studyLoadHours": 240, "startDate": "2026-02-02", "endDate": "2026-06-26",
                            "resultScale": "NUMERIC_1_TO_10"}}
                """.formatted(enrolment, hostSchool, UUID.randomUUID());
    }

    /**
     * Waits until every created enrolment is known at the host, or the time is up.
     *
     * @return how many of them the host holds
     */
    static long awaitArrival(ExchangeVerification.DatabaseAccess host, List<UUID> created)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        long arrived;
        try (Connection connection = DriverManager.getConnection(host.url(), host.user(), host.password());
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from enrolment where id = any(?)")) {
            count.setArray(1, connection.createArrayOf("uuid", created.toArray()));
            do {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    arrived = rs.getLong(1);
                }
                if (arrived < created.size()) {
                    Thread.sleep(200);
                }
            } while (arrived < created.size() && System.nanoTime() < deadline);
        }
        return arrived;
    }

    /**
     * One measured run.
     *
     * @param clients concurrent clients
     * @param seconds how long it ran
     * @param latencies each request's time from sending to its answer
     * @param created the enrolments created (answered 201)
     * @param failed requests not answered 201, by what went wrong
     */
    record Run(int clients, double seconds, Latencies latencies, List<UUID> created, Map<String, Long> failed) {}
}
