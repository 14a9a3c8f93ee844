package nl.mboexchange.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaEvolutionGateTest {

    private static final String RELEASED = """
            {"type": "record", "name": "ResultAcknowledged", "namespace": "nl.mboexchange.exchange", "fields": [
              {"name": "eventId", "type": "string"},
              {"name": "outcome", "type": {"type": "enum", "name": "Outcome", "symbols": ["RECORDED", "IGNORED"], "default": "IGNORED"}}
            ]}
            """;

    @TempDir
    Path workspace;

    @Test
    void the_schemas_of_this_repository_are_compatible_with_every_release() {
        var violations = SchemaEvolutionGate.check(Path.of("src/main/avro"), Path.of("released"));

        assertThat(violations).isEmpty();
        assertThat(SchemaEvolutionGate.releases(Path.of("released"))).isNotEmpty();
    }

    @Test
    void a_new_field_without_default_breaks_the_release() throws IOException {
        Path current = current(RELEASED.replace(
                "{\"name\": \"eventId\", \"type\": \"string\"},",
                "{\"name\": \"eventId\", \"type\": \"string\"}, {\"name\": \"note\", \"type\": \"string\"},"));

        var violations = SchemaEvolutionGate.check(current, released());

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.schema()).isEqualTo("nl.mboexchange.exchange.ResultAcknowledged");
            assertThat(violation.release()).isEqualTo("v1");
            assertThat(violation.detail()).contains("backward").contains("READER_FIELD_MISSING_DEFAULT");
        });
    }

    @Test
    void a_new_optional_field_with_default_is_compatible() throws IOException {
        Path current = current(RELEASED.replace(
                "{\"name\": \"eventId\", \"type\": \"string\"},",
                "{\"name\": \"eventId\", \"type\": \"string\"},"
                        + " {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null},"));

        assertThat(SchemaEvolutionGate.check(current, released())).isEmpty();
    }

    @Test
    void removing_a_field_that_released_readers_need_breaks_the_release() throws IOException {
        Path current = current(RELEASED.replace("{\"name\": \"eventId\", \"type\": \"string\"},", ""));

        assertThat(SchemaEvolutionGate.check(current, released()))
                .singleElement()
                .satisfies(violation -> assertThat(violation.detail()).contains("forward"));
    }

    @Test
    void a_new_enum_symbol_is_compatible_when_the_enum_has_a_default() throws IOException {
        Path current = current(RELEASED.replace("\"IGNORED\"]", "\"IGNORED\", \"DISPUTED\"]"));

        assertThat(SchemaEvolutionGate.check(current, released())).isEmpty();
    }

    @Test
    void a_changed_field_type_breaks_the_release_both_ways() throws IOException {
        Path current = current(RELEASED.replace(
                "{\"name\": \"eventId\", \"type\": \"string\"}", "{\"name\": \"eventId\", \"type\": \"long\"}"));

        assertThat(SchemaEvolutionGate.check(current, released()))
                .extracting(SchemaEvolutionGate.Violation::detail)
                .anySatisfy(detail -> assertThat(detail).contains("backward"))
                .anySatisfy(detail -> assertThat(detail).contains("forward"));
    }

    @Test
    void a_released_schema_may_not_disappear() throws IOException {
        Path current = Files.createDirectories(workspace.resolve("current"));

        assertThat(SchemaEvolutionGate.check(current, released()))
                .singleElement()
                .satisfies(violation -> assertThat(violation.detail()).isEqualTo("the schema was removed"));
    }

    @Test
    void the_build_step_fails_with_every_violation_named() throws IOException {
        Path current = current(RELEASED.replace(
                "{\"name\": \"eventId\", \"type\": \"string\"},",
                "{\"name\": \"eventId\", \"type\": \"string\"}, {\"name\": \"note\", \"type\": \"string\"},"));
        String[] args = {current.toString(), released().toString()};

        assertThatThrownBy(() -> SchemaEvolutionGate.main(args))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Schema evolution gate failed")
                .hasMessageContaining("ResultAcknowledged breaks release v1");
    }

    @Test
    void the_build_step_passes_on_a_compatible_change() throws IOException {
        Path current = current(RELEASED.replace("\"IGNORED\"]", "\"IGNORED\", \"DISPUTED\"]"));

        SchemaEvolutionGate.main(new String[] {current.toString(), released().toString()});
    }

    private Path released() throws IOException {
        Path release = Files.createDirectories(workspace.resolve("released/v1"));
        Files.writeString(release.resolve("ResultAcknowledged.avsc"), RELEASED);
        return release.getParent();
    }

    private Path current(String schema) throws IOException {
        Path current = Files.createDirectories(workspace.resolve("current"));
        Files.writeString(current.resolve("ResultAcknowledged.avsc"), schema);
        return current;
    }
}
