package nl.mboexchange.localnetwork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code java -jar local-network.jar [options]}: starts the local network, prints READY with the URLs, and runs
 * until Ctrl-C or SIGTERM, when it stops every server it started. Exits 1 when a server fails to start or stops by
 * itself, 2 on a bad option.
 */
public final class LocalNetwork {

    private LocalNetwork() {}

    public static void main(String[] args) {
        if (NetworkSettings.helpAsked(args)) {
            System.out.println(NetworkSettings.usage());
            return;
        }
        NetworkSettings settings;
        try {
            Path defaultData =
                    Artifacts.checkout().orElse(Path.of("").toAbsolutePath()).resolve(".run-data");
            settings = NetworkSettings.parse(args, System.getenv(), defaultData);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }

        Network network = new Network(settings, System.out);
        // Runs on Ctrl-C, SIGTERM and SIGHUP, and on every exit below.
        Runtime.getRuntime().addShutdownHook(new Thread(network::stop, "local-network-stop"));
        try {
            network.start();
        } catch (StartFailed e) {
            System.err.println("\nThe local network did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(network.readyBanner());
        System.out.flush();

        while (true) {
            Optional<String> ended = network.endedUnexpectedly();
            if (ended.isPresent()) {
                System.err.println("\n" + ended.get() + "\nStopping the local network.");
                System.exit(1);
            }
            Await.sleep(Duration.ofSeconds(1));
        }
    }
}
