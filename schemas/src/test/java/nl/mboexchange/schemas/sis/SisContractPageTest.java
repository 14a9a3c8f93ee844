package nl.mboexchange.schemas.sis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The SIS vendors' page names every command, event, field and symbol of the SIS contract, so it cannot fall behind. */
class SisContractPageTest {

    private static final Path SCHEMAS = Path.of("src/main/avro/sis");
    private static final Path PAGE = Path.of("sis-integration.md");

    @Test
    void the_page_names_every_record_field_and_symbol_of_the_sis_contract() throws IOException {
        String page = Files.readString(PAGE);
        List<String> names = new ArrayList<>();
        for (Schema schema : schemas()) {
            names.add(schema.getName());
            collect(schema, names);
        }

        assertThat(names)
                .hasSizeGreaterThan(50)
                .allSatisfy(
                        name -> assertThat(page).as("the page names `%s`", name).contains("`" + name + "`"));
    }

    @Test
    void the_example_client_the_page_points_to_is_there() {
        assertThat(Path.of("sis-example/sis_client.py")).isRegularFile();
    }

    private static void collect(Schema schema, List<String> names) {
        switch (schema.getType()) {
            case RECORD ->
                schema.getFields().forEach(field -> {
                    names.add(field.name());
                    collect(field.schema(), names);
                });
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, names));
            case ARRAY -> collect(schema.getElementType(), names);
            case ENUM -> names.addAll(schema.getEnumSymbols());
            default -> {}
        }
    }

    private static List<Schema> schemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<Schema> schemas = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                schemas.add(new Schema.Parser().parse(file.toFile()));
            }
            assertThat(schemas).hasSize(9);
            return schemas;
        }
    }
}
