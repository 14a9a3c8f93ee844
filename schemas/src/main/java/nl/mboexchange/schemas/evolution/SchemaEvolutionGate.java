package nl.mboexchange.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParseException;

/**
 * Checks the schemas being built against every released version kept under {@code released/<version>/}.
 *
 * <p>Producers and consumers of the exchange upgrade independently, school by school, so each schema must be
 * both backward compatible (a new reader reads what an old writer wrote) and forward compatible (an old reader
 * reads what a new writer writes) with every earlier release: FULL_TRANSITIVE in registry terms, the same rule
 * the schema registry is set to. A released schema must also stay: a node still on that release may send it.
 */
public final class SchemaEvolutionGate {

    private SchemaEvolutionGate() {}

    /** One way in which a schema breaks a released version. */
    public record Violation(String schema, String release, String detail) {
        @Override
        public String toString() {
            return schema + " breaks release " + release + ": " + detail;
        }
    }

    /**
     * Returns every violation of the current schemas under {@code currentRoot} against the releases under
     * {@code releasedRoot}; an empty list means the change may be released.
     */
    public static List<Violation> check(Path currentRoot, Path releasedRoot) {
        Map<String, Schema> current = readSchemas(currentRoot);
        List<Violation> violations = new ArrayList<>();
        for (Path release : releases(releasedRoot)) {
            String releaseName = release.getFileName().toString();
            readSchemas(release).forEach((name, released) -> {
                Schema now = current.get(name);
                if (now == null) {
                    violations.add(new Violation(name, releaseName, "the schema was removed"));
                    return;
                }
                compare(now, released, "backward (new reader, released writer)")
                        .map(detail -> new Violation(name, releaseName, detail))
                        .forEach(violations::add);
                compare(released, now, "forward (released reader, new writer)")
                        .map(detail -> new Violation(name, releaseName, detail))
                        .forEach(violations::add);
            });
        }
        return violations;
    }

    private static Stream<String> compare(Schema reader, Schema writer, String direction) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return Stream.empty();
        }
        return result.getIncompatibilities().stream()
                .map(incompatibility -> "not " + direction + " compatible: " + incompatibility.getType() + " at "
                        + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")");
    }

    /** The releases in order, each a folder of {@code .avsc} files. */
    static List<Path> releases(Path releasedRoot) {
        if (!Files.isDirectory(releasedRoot)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(releasedRoot)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .avsc} below {@code root}, by full record name; each file is parsed on its own. */
    static Map<String, Schema> readSchemas(Path root) {
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                Schema schema = parse(file);
                Schema previous = schemas.put(schema.getFullName(), schema);
                if (previous != null) {
                    throw new IllegalStateException(schema.getFullName() + " is defined twice under " + root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    private static Schema parse(Path file) throws IOException {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (SchemaParseException e) {
            throw new IllegalStateException(file + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the gate from the build: {@code SchemaEvolutionGate <current schemas> <released schemas>}. Throws, and
     * so fails the build, when a schema breaks a release.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: SchemaEvolutionGate <current-schemas-dir> <released-schemas-dir>");
        }
        Path currentRoot = Path.of(args[0]);
        Path releasedRoot = Path.of(args[1]);
        List<Violation> violations = check(currentRoot, releasedRoot);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("Schema evolution gate failed:");
            violations.forEach(
                    v -> message.append(System.lineSeparator()).append("  ").append(v));
            throw new IllegalStateException(message.toString());
        }
        System.out.printf(
                "Schema evolution gate: %d schemas are backward and forward compatible with %d released version(s)%n",
                readSchemas(currentRoot).size(), releases(releasedRoot).size());
    }
}
