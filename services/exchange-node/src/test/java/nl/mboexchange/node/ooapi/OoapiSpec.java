package nl.mboexchange.node.ooapi;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OOAPI v5 specification, {@code ooapi.yaml}, as a validator of responses: each response is checked against the
 * schema the specification gives for its operation and status, with networknt's JSON Schema validator in its OpenAPI
 * 3.0 dialect (formats asserted, no {@code writeOnly} property in a response).
 *
 * <p>The file is not part of the repository: it lies beside the checkout, at {@code ../shared/ooapi-v5/ooapi.yaml}
 * (Maven passes the path as {@code ooapi.spec}). Without it the tests that need it are skipped with a message saying
 * where it was looked for, except in CI ({@code CI=true}), where they fail.
 *
 * <p>One deliberate narrowing, in memory only: wherever the specification offers program, course and component
 * variants in a {@code oneOf} ({@code AssociationFull}, the list items, an association's {@code offering}), it names
 * no discriminator, and the variants share their shape: any course association also matches the program variant,
 * so {@code oneOf}, which demands exactly one match, rejects every valid response. This node serves course offerings
 * only, so those {@code oneOf}s are narrowed to their course variant, which the response must then match in full;
 * {@link #asWritten()} keeps the file exactly as it is, to show that narrowing is needed.
 */
final class OoapiSpec {

    /** Where the file is looked for when Maven does not say, relative to the module, as an IDE runs a test. */
    private static final String DEFAULT_LOCATION = "../../../shared/ooapi-v5/ooapi.yaml";

    /** An address for the in-memory document only; nothing is fetched from it. */
    private static final String DOCUMENT = "https://ooapi.invalid/v5/ooapi.json";

    private static final Pattern NOT_A_COURSE_VARIANT =
            Pattern.compile("#/components/schemas/(Program|Component)Offering(Association(Expandable)?)?");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static OoapiSpec narrowed;
    private static OoapiSpec asWritten;
    private static boolean absenceReported;

    private final JsonNode document;
    private final SchemaRegistry schemas;

    private OoapiSpec(JsonNode document) {
        this.document = document;
        // OOAPI marks its extensible enumerations with a keyword of its own, which asserts nothing.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi30())
                .keyword(new NonValidationKeyword("x-ooapi-extensible-enum"))
                .build();
        this.schemas = SchemaRegistry.withDefaultDialect(
                dialect, builder -> builder.schemas(Map.of(DOCUMENT, JSON.writeValueAsString(document))));
    }

    /** The specification with its ambiguous program/course/component {@code oneOf}s narrowed to courses. */
    static synchronized OoapiSpec narrowedToCourses() {
        if (narrowed == null) {
            JsonNode document = read();
            narrowToCourses(document);
            narrowed = new OoapiSpec(document);
        }
        return narrowed;
    }

    /** The specification exactly as the file has it. */
    static synchronized OoapiSpec asWritten() {
        if (asWritten == null) {
            asWritten = new OoapiSpec(read());
        }
        return asWritten;
    }

    /**
     * Skips the calling test, or fails it in CI, when the file is not there; the first time, it says so on standard
     * error as well, where the build's output shows it.
     */
    static synchronized void requirePresent() {
        Path file = location();
        if (Files.isRegularFile(file)) {
            return;
        }
        String message = "The OOAPI v5 specification is not at " + file
                + " (beside the checkout, ../shared/ooapi-v5/ooapi.yaml, or -Dooapi.spec=...)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + "; CI must have it to check the OOAPI view's responses");
        }
        message += ": the checks of the OOAPI view's responses against it are skipped";
        if (!absenceReported) {
            absenceReported = true;
            System.err.println("WARNING: " + message);
        }
        Assumptions.abort(message);
    }

    /**
     * What is wrong with a response to GET {@code path} (a path of the specification, e.g.
     * {@code /associations/{associationId}}): its status is not one the specification gives, its content type is not
     * the one given for it, or its body does not match the schema. Empty when the response is valid.
     */
    List<String> problems(String path, int status, String contentType, String body) {
        String pointer = "/paths/" + escape(path) + "/get/responses/" + status;
        JsonNode response = document.at(pointer);
        if (response.isMissingNode()) {
            return List.of("the specification gives no response " + status + " for GET " + path);
        }
        if (response.has("$ref")) {
            pointer = response.get("$ref").asString().substring(1);
            response = document.at(pointer);
        }
        JsonNode content = response.get("content");
        String mediaType = content.propertyNames().iterator().next();
        List<String> problems = new ArrayList<>();
        if (contentType == null || !contentType.startsWith(mediaType)) {
            problems.add("content type " + contentType + " where the specification gives " + mediaType);
        }
        validate(
                SchemaLocation.of(DOCUMENT + "#" + pointer + "/content/" + escape(mediaType) + "/schema"),
                body,
                problems);
        return problems;
    }

    /**
     * What is wrong with an error response outside the specification's operations (another method, another path),
     * which the view answers with the specification's problem body all the same.
     */
    List<String> problemsOfProblem(String contentType, String body) {
        List<String> problems = new ArrayList<>();
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            problems.add("content type " + contentType + " where a problem is application/problem+json");
        }
        validate(SchemaLocation.of(DOCUMENT + "#/components/schemas/Problem"), body, problems);
        return problems;
    }

    private void validate(SchemaLocation location, String body, List<String> problems) {
        List<Error> errors = schemas.getSchema(location)
                .validate(
                        JSON.readTree(body),
                        context -> context.executionConfig(
                                config -> config.formatAssertionsEnabled(true).writeOnly(true)));
        errors.forEach(error -> problems.add(error.getMessageKey() + " " + error));
    }

    private static Path location() {
        return Path.of(System.getProperty("ooapi.spec", DEFAULT_LOCATION))
                .toAbsolutePath()
                .normalize();
    }

    private static JsonNode read() {
        requirePresent();
        return YAMLMapper.builder().build().readTree(location().toFile());
    }

    private static void narrowToCourses(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("oneOf") instanceof ArrayNode variants) {
            for (int i = variants.size() - 1; i >= 0; i--) {
                if (isProgramOrComponentVariant(variants.get(i))) {
                    variants.remove(i);
                }
            }
        }
        node.values().forEach(OoapiSpec::narrowToCourses);
    }

    /** A variant that is, or starts from, a program or component schema: {@code $ref} to it, or {@code allOf} on it. */
    private static boolean isProgramOrComponentVariant(JsonNode variant) {
        JsonNode reference = variant.has("allOf") ? variant.get("allOf").get(0) : variant;
        return reference.has("$ref")
                && NOT_A_COURSE_VARIANT
                        .matcher(reference.get("$ref").asString())
                        .matches();
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
