package nl.mboexchange.networkadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mboexchange.schemas.ContractSchemas;
import org.apache.avro.Schema;

/**
 * Registers every schema of the contract ({@link ContractSchemas}) in a Confluent-compatible registry, under the
 * subject the nodes and SISes look it up by: its record's full name, Confluent's {@code RecordNameStrategy}, as
 * several record types share one topic. Nodes run with {@code auto.register.schemas=false}, so this is how a schema
 * reaches the registry. Registering a schema that is already there changes nothing; a new version of one is checked
 * by the subject's compatibility rule, and a refusal stops the registration with the registry's reason.
 *
 * <p>It speaks the registry's REST API itself ({@code POST /subjects/{subject}/versions}) rather than through the
 * nodes' serde, whose tests run on the infrastructure that uses this tool.
 */
public final class SchemaRegistration {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA_STRING = "avro.java.string";

    private final URI registry;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param registryUrl the registry's Confluent-compatible API, e.g. {@code http://registry:8081} or Apicurio's
     *     {@code http://127.0.0.1:8081/apis/ccompat/v7}
     * @param userInfo {@code user:password} of the registry's HTTP Basic auth, or null without it
     */
    public SchemaRegistration(String registryUrl, String userInfo) {
        this.registry = URI.create(registryUrl.endsWith("/") ? registryUrl : registryUrl + "/");
        this.authorization = userInfo == null || userInfo.isBlank()
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Registers each schema in two forms, which are the same contract and pass any compatibility rule together: as the
     * generated classes carry it, which Java writers present, and as {@code schemas/} writes it, without the Java
     * code generator's {@code avro.java.string} properties, which writers that load the {@code .avsc} files present
     * (Confluent's Python client, for one). A registry looks a writer's schema up whole, properties
     * included, so each form needs its own version.
     *
     * @return the registry's ids of each schema (generated form first), by subject, in the contract's order
     * @throws IllegalStateException when the registry refuses a schema or the login
     * @throws UncheckedIOException when the registry cannot be reached
     */
    public Map<String, List<Integer>> registerContract() {
        Map<String, List<Integer>> ids = new LinkedHashMap<>();
        for (Schema schema : ContractSchemas.all()) {
            String subject = subject(schema);
            List<Integer> versions = new ArrayList<>();
            versions.add(register(subject, schema));
            Schema asWritten = asWritten(schema);
            if (!asWritten.equals(schema)) {
                versions.add(register(subject, asWritten));
            }
            ids.put(subject, List.copyOf(versions));
        }
        return ids;
    }

    /** The schema as its {@code .avsc} file states it: the generated class's without Java-only properties. */
    static Schema asWritten(Schema generated) {
        try {
            JsonNode tree = JSON.readTree(generated.toString());
            tree.findParents(JAVA_STRING).forEach(parent -> ((ObjectNode) parent).remove(JAVA_STRING));
            return new Schema.Parser().parse(tree.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Avro wrote a schema that is not JSON", e);
        }
    }

    /**
     * Sets the registry's global mode ({@code PUT /mode}), Confluent's: {@code READONLY} refuses every registration,
     * whoever logs in, until the operator sets {@code READWRITE} again. Apicurio's Confluent API has no modes.
     *
     * @param mode {@code READONLY} or {@code READWRITE}
     */
    public void setMode(String mode) {
        send(
                "set the registry's mode to " + mode,
                "mode",
                "PUT",
                JSON.createObjectNode().put("mode", mode).toString());
    }

    /** The subject of a contract schema: its record's full name. */
    public static String subject(Schema schema) {
        return schema.getFullName();
    }

    private int register(String subject, Schema schema) {
        String body = send(
                "register " + subject,
                "subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions",
                "POST",
                JSON.createObjectNode().put("schema", schema.toString()).toString());
        try {
            JsonNode id = JSON.readTree(body).get("id");
            if (id == null || !id.canConvertToInt()) {
                throw new IllegalStateException("the schema registry answered no id for " + subject + ": " + body);
            }
            return id.intValue();
        } catch (IOException e) {
            throw new IllegalStateException("the schema registry answered no JSON for " + subject, e);
        }
    }

    /** The answer's body; a refusal is an exception that says what was refused and why. */
    private String send(String what, String path, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the schema registry at " + registry + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the schema registry refused to " + what + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }
}
