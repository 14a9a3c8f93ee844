package nl.mboexchange.localnetwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the servers' log files, to show the user why one failed. */
final class Logs {

    private Logs() {}

    /**
     * The part of a log that explains a failure: from Spring Boot's failure report or the first error, when there is
     * one, else the last lines; indented.
     */
    static String explanation(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String marker : List.of("APPLICATION FAILED TO START", " ERROR ", "Exception")) {
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).contains(marker)) {
                        return "    " + String.join("\n    ", all.subList(i, Math.min(all.size(), i + lines)));
                    }
                }
            }
            return tail(log, lines);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "    (no log: " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines of a log, indented; empty when it cannot be read. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "    " + String.join("\n    ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "    (no log: " + e.getMessage() + ")";
        }
    }
}
