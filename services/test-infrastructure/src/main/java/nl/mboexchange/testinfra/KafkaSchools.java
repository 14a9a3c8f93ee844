package nl.mboexchange.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.mboexchange.networkadmin.Member;
import nl.mboexchange.networkadmin.NetworkAdmin;
import nl.mboexchange.networkadmin.NetworkTopics;
import nl.mboexchange.networkadmin.SchoolCredentials;

/** The schools added to the tests' broker, each once per topic prefix, with the operator's tool. */
final class KafkaSchools {

    /** Partitions of the topics a school gets: two, so that ordering per key is tested across partitions. */
    static final int PARTITIONS = 2;

    private static final Map<String, SchoolCredentials> ADDED = new HashMap<>();
    private static Path credentials;

    private KafkaSchools() {}

    static synchronized SchoolCredentials add(TestInfrastructure infrastructure, String topicPrefix, String code) {
        return ADDED.computeIfAbsent(topicPrefix + "|" + code, key -> {
            try (var admin = new NetworkAdmin(
                    infrastructure.kafkaOperator(), new NetworkTopics(topicPrefix), PARTITIONS, (short) 1)) {
                SchoolCredentials logins =
                        SchoolCredentials.keptIn(directory().resolve(topicPrefix), code, variable -> null);
                admin.addSchool(Member.of(code, "School " + code), logins.node(), logins.sis());
                return logins;
            }
        });
    }

    private static Path directory() {
        if (credentials == null) {
            try {
                credentials = Files.createTempDirectory("kafka-logins-");
                credentials.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return credentials;
    }
}
