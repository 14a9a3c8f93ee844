package nl.mboexchange.localnetwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Where the launcher finds the checkout it belongs to and the servers built in it. */
final class Artifacts {

    static final String REGISTRY_IN_TREE = "deploy/schema-registry/target/quarkus-app/quarkus-run.jar";
    static final String NODE_TARGET_IN_TREE = "services/exchange-node/target";

    private Artifacts() {}

    /**
     * The top of the checkout: the nearest directory above this launcher's own jar (or, failing that, the working
     * directory) that holds {@code deploy/schema-registry}.
     */
    static Optional<Path> checkout() {
        return Stream.of(codeLocation(), Optional.of(Path.of("").toAbsolutePath()))
                .flatMap(Optional::stream)
                .map(Artifacts::checkoutAbove)
                .flatMap(Optional::stream)
                .findFirst();
    }

    static Path registry(Optional<Path> configured) {
        return configured
                .or(() -> Optional.ofNullable(System.getProperty("schema-registry.app"))
                        .filter(text -> !text.isBlank())
                        .map(Path::of))
                .or(() -> checkout().map(root -> root.resolve(REGISTRY_IN_TREE)))
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new StartFailed(
                        "The schema registry is not built: no " + REGISTRY_IN_TREE + ". Run ./deploy/run-local,"
                                + " which builds it, or ./mvnw -pl deploy/schema-registry -DskipTests package"));
    }

    /** The node's runnable (Spring Boot) jar, whatever its classifier; not the plain jar beside it. */
    static Path node(Optional<Path> configured) {
        return configured
                .or(() -> Optional.ofNullable(System.getProperty("exchange-node.app"))
                        .filter(text -> !text.isBlank())
                        .map(Path::of))
                .or(() -> checkout().flatMap(root -> bootJarIn(root.resolve(NODE_TARGET_IN_TREE))))
                .filter(Files::isRegularFile)
                .orElseThrow(() ->
                        new StartFailed("The exchange node is not built: no runnable jar in " + NODE_TARGET_IN_TREE
                                + ". Run ./deploy/run-local, which builds it, or"
                                + " ./mvnw -pl services/exchange-node -am -DskipTests package"));
    }

    /** The jar in {@code target} that Spring Boot's plugin repackaged: its manifest names a Start-Class. */
    static Optional<Path> bootJarIn(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(Artifacts::isBootJar)
                    .max(Comparator.comparing(file -> file.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> checkoutAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/schema-registry"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(Artifacts.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
