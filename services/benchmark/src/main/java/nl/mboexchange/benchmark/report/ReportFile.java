package nl.mboexchange.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the report as JSON, every figure with its name, for comparing runs. */
public final class ReportFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFile() {}

    /** Writes {@code benchmark-<start>.json} into the directory and returns its path. */
    public static Path write(BenchmarkReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = report.startedAt().replaceAll("[^0-9T]", "");
        Path file = directory.resolve("benchmark-" + stamp + ".json");
        JSON.writeValue(file.toFile(), report);
        return file;
    }
}
