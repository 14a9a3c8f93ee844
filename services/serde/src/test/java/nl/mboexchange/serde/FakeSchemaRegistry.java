package nl.mboexchange.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * An in-memory stand-in for the Confluent Schema Registry REST API, on 127.0.0.1 and an ephemeral port, served
 * under Apicurio's {@code /apis/ccompat/v7} so that clients prove they keep a base URL's path. It implements the
 * endpoints the serde uses, counts every request, checks BACKWARD/FORWARD/FULL compatibility with Avro's own rules,
 * and can be told to fail or to stall.
 */
final class FakeSchemaRegistry implements AutoCloseable {

    static final String BASE_PATH = "/apis/ccompat/v7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<String, String> compatibilityBySubject = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<int[]> forcedFailures = new ArrayDeque<>();
    private final Map<Integer, String> textsById = new HashMap<>();
    private String globalCompatibility = "BACKWARD";
    private volatile boolean stalling;
    private volatile String lastAuthorization;

    private FakeSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(BASE_PATH, this::handle);
        server.start();
    }

    static FakeSchemaRegistry start() {
        try {
            return new FakeSchemaRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** Configuration for a serializer or deserializer that talks to this registry and gives up quickly. */
    Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, url());
        config.put(AvroSerdeConfig.MAX_RETRIES_CONFIG, 2);
        config.put(AvroSerdeConfig.RETRIES_WAIT_MS_CONFIG, 10);
        config.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 2_000);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    /** Requests so far, as {@code "METHOD /path"} relative to the base path. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    int requestCount() {
        return requests.size();
    }

    String lastAuthorization() {
        return lastAuthorization;
    }

    /** The next {@code times} requests get this status and error code instead of an answer. */
    synchronized void failNext(int times, int status, int errorCode) {
        for (int i = 0; i < times; i++) {
            forcedFailures.add(new int[] {status, errorCode});
        }
    }

    /** From now on, requests are accepted but never answered. */
    void stall() {
        stalling = true;
    }

    /** Registers a schema as another producer would have, without counting a request. */
    synchronized int register(String subject, Schema schema) {
        int id = idOf(schema);
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, key -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    /** Serves this text, as it is, as the schema with this id, as a registry that stored a broken schema would. */
    synchronized void serveAsIs(int id, String schemaText) {
        textsById.put(id, schemaText);
    }

    synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE_PATH.length());
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path);
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (stalling) {
                awaitRelease();
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Reply reply;
            synchronized (this) {
                int[] failure = forcedFailures.poll();
                reply = failure != null
                        ? error(failure[0], failure[1], "forced failure")
                        : route(method, List.of(path.substring(1).split("/")), body);
            }
            byte[] bytes = reply.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply route(String method, List<String> parts, JsonNode body) {
        String route = method + " " + parts.get(0) + "/" + parts.size();
        return switch (route) {
            case "POST subjects/3" -> registerVersion(parts.get(1), schema(body));
            case "POST subjects/2" -> lookUp(parts.get(1), schema(body));
            case "GET subjects/4" -> latest(parts.get(1));
            case "GET schemas/3" -> byId(Integer.parseInt(parts.get(2)));
            case "GET config/1" -> ok(JSON.createObjectNode().put("compatibilityLevel", globalCompatibility));
            case "PUT config/1" -> {
                globalCompatibility = body.get("compatibility").textValue();
                yield ok(JSON.createObjectNode().put("compatibility", globalCompatibility));
            }
            case "GET config/2" ->
                compatibilityBySubject.containsKey(parts.get(1))
                        ? ok(JSON.createObjectNode()
                                .put("compatibilityLevel", compatibilityBySubject.get(parts.get(1))))
                        : error(404, 40408, "Subject '" + parts.get(1) + "' does not have subject-level compatibility");
            case "PUT config/2" -> {
                compatibilityBySubject.put(
                        parts.get(1), body.get("compatibility").textValue());
                yield ok(JSON.createObjectNode()
                        .put("compatibility", body.get("compatibility").textValue()));
            }
            case "POST compatibility/5" ->
                versionsBySubject.containsKey(parts.get(2))
                        ? ok(JSON.createObjectNode().put("is_compatible", compatible(parts.get(2), schema(body))))
                        : error(404, 40401, "Subject '" + parts.get(2) + "' not found.");
            default -> error(404, 404, "no such endpoint: " + route);
        };
    }

    private Reply registerVersion(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (!versions.contains(idOf(schema)) && !compatible(subject, schema)) {
            return error(409, 409, "Schema being registered is incompatible with an earlier schema");
        }
        return ok(JSON.createObjectNode().put("id", register(subject, schema)));
    }

    private Reply lookUp(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        int index = schemasById.indexOf(schema);
        if (index < 0 || !versions.contains(index + 1)) {
            return error(404, 40403, "Schema not found");
        }
        return ok(version(subject, versions.indexOf(index + 1) + 1, index + 1));
    }

    private Reply latest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        return ok(version(subject, versions.size(), versions.get(versions.size() - 1)));
    }

    private Reply byId(int id) {
        if (textsById.containsKey(id)) {
            return ok(JSON.createObjectNode().put("schema", textsById.get(id)));
        }
        if (id < 1 || id > schemasById.size()) {
            return error(404, 40403, "Schema " + id + " not found");
        }
        return ok(JSON.createObjectNode().put("schema", schemasById.get(id - 1).toString()));
    }

    private ObjectNode version(String subject, int version, int id) {
        return JSON.createObjectNode()
                .put("subject", subject)
                .put("version", version)
                .put("id", id)
                .put("schema", schemasById.get(id - 1).toString());
    }

    private boolean compatible(String subject, Schema candidate) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return true;
        }
        String level = compatibilityBySubject.getOrDefault(subject, globalCompatibility);
        List<Integer> against = level.endsWith("_TRANSITIVE") ? versions : List.of(versions.get(versions.size() - 1));
        for (int id : against) {
            Schema existing = schemasById.get(id - 1);
            boolean backward = canRead(candidate, existing);
            boolean forward = canRead(existing, candidate);
            boolean ok = switch (level.replace("_TRANSITIVE", "")) {
                case "BACKWARD" -> backward;
                case "FORWARD" -> forward;
                case "FULL" -> backward && forward;
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                        .getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }

    private int idOf(Schema schema) {
        int index = schemasById.indexOf(schema);
        if (index >= 0) {
            return index + 1;
        }
        schemasById.add(schema);
        return schemasById.size();
    }

    private static Schema schema(JsonNode body) {
        return new Schema.Parser().parse(body.get("schema").textValue());
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, int errorCode, String message) {
        return new Reply(
                status, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
    }

    private record Reply(int status, JsonNode body) {}
}
