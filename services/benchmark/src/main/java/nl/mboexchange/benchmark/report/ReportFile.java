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
        return write("benchmark", report.startedAt(), report, directory);
    }

    /** Writes {@code benchmark-network-<start>.json} into the directory and returns its path. */
    public static Path write(NetworkReport report, Path directory) throws IOException {
        return write("benchmark-network", report.startedAt(), report, directory);
    }

    private static Path write(String name, String startedAt, Object report, Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = startedAt.replaceAll("[^0-9T]", "");
        Path file = directory.resolve(name + "-" + stamp + ".json");
        JSON.writeValue(file.toFile(), report);
        return file;
    }
}
