package nl.mboexchange.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.mboexchange.serde.RegistryTransport.Answer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Client for the Confluent Schema Registry REST API, which Apicurio also serves under {@code /apis/ccompat/v7}.
 * Ids, registrations, look-ups and latest versions are cached, so a serializer or deserializer calls the registry
 * once per schema, not once per record. Safe for use by many threads.
 *
 * <p>Every call ends: a request that gets no answer, or a server error, is retried at most
 * {@link RegistrySettings#maxRetries()} times with a doubling wait, cycling through the configured URLs, and then
 * fails with {@link RegistryUnavailable}. Refusals fail at once with a type that names them.
 */
public final class SchemaRegistryClient {

    private static final ObjectMapper JSON = RegistryTransport.JSON;

    private final RegistrySettings settings;
    private final RegistryTransport transport;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();

    /**
     * @param settings where the registry is and how long to try
     */
    public SchemaRegistryClient(RegistrySettings settings) {
        this.settings = settings;
        this.transport = new RegistryTransport(settings);
    }

    /**
     * @param configs serializer or deserializer configuration, see {@link AvroSerdeConfig}
     * @return a client for the configured registry
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        return new SchemaRegistryClient(new AvroSerdeConfig(configs).registrySettings());
    }

    /** @return the settings this client was built with */
    public RegistrySettings settings() {
        return settings;
    }

    /**
     * Registers a schema under a subject, or finds the id it already has there ({@code POST /subjects/{s}/versions}).
     *
     * @param subject the subject
     * @param schema the schema
     * @return the schema's id
     * @throws IncompatibleSchema if the subject's compatibility rule refuses the schema
     */
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        Answer answer = transport.exchange("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(expectOk(answer, "register a schema under " + subject), "id");
        remember(subject, schema, id);
        return id;
    }

    /**
     * Finds the id of a schema already registered under a subject ({@code POST /subjects/{s}}).
     *
     * @param subject the subject
     * @param schema the schema
     * @return the schema's id
     * @throws SchemaNotRegistered if the subject does not exist or does not hold the schema
     */
    public int idOf(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        Answer answer = transport.exchange("POST", "/subjects/" + encode(subject), schemaBody(schema));
        if (answer.isNotFound()) {
            throw new SchemaNotRegistered("schema " + schema.getFullName() + " is not registered under subject "
                    + subject + ": " + answer.message());
        }
        int id = requiredInt(expectOk(answer, "look up a schema under " + subject), "id");
        remember(subject, schema, id);
        return id;
    }

    /**
     * The latest version under a subject ({@code GET /subjects/{s}/versions/latest}), cached for
     * {@link RegistrySettings#latestCacheTtl()}.
     *
     * @param subject the subject
     * @return the latest version
     * @throws SchemaNotRegistered if the subject has no versions
     */
    public RegisteredSchema latestVersion(String subject) {
        Latest cached = latestBySubject.get(subject);
        if (cached != null && cached.isFresh()) {
            return cached.schema();
        }
        Answer answer = transport.exchange("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        if (answer.isNotFound()) {
            throw new SchemaNotRegistered("no schema is registered under subject " + subject + ": " + answer.message());
        }
        JsonNode body = expectOk(answer, "read the latest version of " + subject);
        Schema schema = parse(requiredText(body, "schema"));
        int id = requiredInt(body, "id");
        RegisteredSchema latest = new RegisteredSchema(subject, requiredInt(body, "version"), id, schema);
        remember(subject, schema, id);
        long ttlNanos = settings.latestCacheTtl().toNanos();
        latestBySubject.put(subject, new Latest(latest, ttlNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + ttlNanos));
        return latest;
    }

    /**
     * The schema with an id ({@code GET /schemas/ids/{id}}). Ids never change meaning, so the answer is cached for
     * good.
     *
     * @param id the id from a record's header
     * @return the schema
     * @throws UnknownSchemaId if the registry has no schema with that id
     */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Answer answer = transport.exchange("GET", "/schemas/ids/" + id, null);
        if (answer.isNotFound()) {
            throw new UnknownSchemaId("the registry has no schema with id " + id + ": " + answer.message());
        }
        if (answer.status() == 400 || answer.status() == 422) {
            // The registry answers, and says that it cannot serve this schema (Apicurio does so for a schema it
            // cannot parse): asking again gives the same answer, so the record that names the id is at fault.
            throw new UnusableSchema(
                    "the registry cannot serve the schema with id " + id + ": HTTP " + answer.status() + ": "
                            + answer.message(),
                    null);
        }
        Schema schema = parse(requiredText(expectOk(answer, "fetch the schema with id " + id), "schema"));
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    /**
     * The registry's global compatibility level ({@code GET /config}).
     *
     * @return the level
     */
    public CompatibilityLevel compatibility() {
        return level(expectOk(transport.exchange("GET", "/config", null), "read the global compatibility level"));
    }

    /**
     * The compatibility level set for one subject ({@code GET /config/{s}}).
     *
     * @param subject the subject
     * @return the level, or empty if the subject has none of its own
     */
    public Optional<CompatibilityLevel> compatibility(String subject) {
        Answer answer = transport.exchange("GET", "/config/" + encode(subject), null);
        if (answer.isNotFound()) {
            return Optional.empty();
        }
        return Optional.of(level(expectOk(answer, "read the compatibility level of " + subject)));
    }

    /**
     * Sets the registry's global compatibility level ({@code PUT /config}).
     *
     * @param level the level
     */
    public void updateCompatibility(CompatibilityLevel level) {
        expectOk(transport.exchange("PUT", "/config", levelBody(level)), "set the global compatibility level");
    }

    /**
     * Sets the compatibility level of one subject ({@code PUT /config/{s}}).
     *
     * @param subject the subject
     * @param level the level
     */
    public void updateCompatibility(String subject, CompatibilityLevel level) {
        expectOk(
                transport.exchange("PUT", "/config/" + encode(subject), levelBody(level)),
                "set the compatibility level of " + subject);
    }

    /**
     * Asks whether a schema could be registered as the next version of a subject
     * ({@code POST /compatibility/subjects/{s}/versions/latest}).
     *
     * @param subject the subject
     * @param schema the candidate schema
     * @return whether it is compatible; {@code true} when the subject has no versions yet
     */
    public boolean isCompatible(String subject, Schema schema) {
        Answer answer = transport.exchange(
                "POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        if (answer.isNotFound()) {
            return true;
        }
        JsonNode body = expectOk(answer, "check compatibility with " + subject);
        JsonNode verdict = body.get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw new RegistryRequestFailed("the registry's answer has no is_compatible: " + body, answer.status(), -1);
        }
        return verdict.booleanValue();
    }

    private Integer cachedId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, key -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static JsonNode expectOk(Answer answer, String action) {
        if (answer.status() / 100 == 2) {
            if (answer.body() == null) {
                throw new RegistryRequestFailed(
                        "could not " + action + ": the registry's answer is not JSON: " + answer.message(),
                        answer.status(),
                        -1);
            }
            return answer.body();
        }
        String message = "could not " + action + ": HTTP " + answer.status()
                + (answer.errorCode() > 0 ? " error_code " + answer.errorCode() : "") + ": " + answer.message();
        if (answer.status() == 404) {
            message += " (is the base URL right? Apicurio serves the API under /apis/ccompat/v7)";
        }
        if (answer.status() == 409) {
            throw new IncompatibleSchema(message);
        }
        throw new RegistryRequestFailed(message, answer.status(), answer.errorCode());
    }

    private static Schema parse(String text) {
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException e) {
            // SchemaParseException for text that is not a schema, AvroTypeException for an invalid default, and so on.
            throw new UnusableSchema(
                    "the registry returned a schema that Avro cannot use (" + e.getMessage() + "): " + text, e);
        }
    }

    private static CompatibilityLevel level(JsonNode body) {
        JsonNode value = body.has("compatibilityLevel") ? body.get("compatibilityLevel") : body.get("compatibility");
        if (value == null || !value.isTextual()) {
            throw new RegistryRequestFailed("the registry's answer has no compatibility level: " + body, 200, -1);
        }
        try {
            return CompatibilityLevel.valueOf(value.textValue());
        } catch (IllegalArgumentException e) {
            throw new RegistryRequestFailed("unknown compatibility level " + value.textValue(), e);
        }
    }

    private static int requiredInt(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new RegistryRequestFailed("the registry's answer has no " + field + ": " + body, 200, -1);
        }
        return value.intValue();
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new RegistryRequestFailed("the registry's answer has no " + field + ": " + body, 200, -1);
        }
        return value.textValue();
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String levelBody(CompatibilityLevel level) {
        return JSON.createObjectNode().put("compatibility", level.name()).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Latest(RegisteredSchema schema, long expiresAtNanos) {

        boolean isFresh() {
            return expiresAtNanos == Long.MAX_VALUE || System.nanoTime() - expiresAtNanos < 0;
        }
    }
}
