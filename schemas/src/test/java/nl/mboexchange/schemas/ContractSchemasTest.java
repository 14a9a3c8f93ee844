package nl.mboexchange.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

    @Test
    void listsEverySchemaOfTheContractOnce() throws IOException {
        List<String> declared;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            declared = files.filter(file -> file.toString().endsWith(".avsc"))
                    .map(ContractSchemasTest::fullName)
                    .sorted()
                    .toList();
        }

        List<String> listed =
                ContractSchemas.all().stream().map(Schema::getFullName).sorted().toList();

        assertThat(declared).hasSize(19);
        assertThat(listed).doesNotHaveDuplicates().isEqualTo(declared);
    }

    private static String fullName(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile()).getFullName();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
