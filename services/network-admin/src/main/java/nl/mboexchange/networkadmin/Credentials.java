package nl.mboexchange.networkadmin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A SCRAM-SHA-512 login to the cluster. Generated passwords are 32 random bytes in URL-safe Base64, which need no
 * quoting in a JAAS line, a properties file or a shell.
 */
public record Credentials(String username, String password) {

    /** The only SASL mechanism the cluster offers its clients. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final SecureRandom RANDOM = new SecureRandom();

    public Credentials {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("a login needs a user name and a password");
        }
    }

    /** A new login with a random password. */
    public static Credentials generate(String username) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new Credentials(username, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Kafka's name for this login in ACLs and {@code super.users}. */
    public String principal() {
        return "User:" + username;
    }

    /** The value of a Java client's {@code sasl.jaas.config}. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + escape(username)
                + "\" password=\"" + escape(password) + "\";";
    }

    /**
     * What a Java client needs to log in with these credentials over SASL_PLAINTEXT; over TLS set {@code
     * security.protocol=SASL_SSL} and the trust store as well.
     */
    public Map<String, Object> clientProperties(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig());
        return properties;
    }

    /** Writes the login as {@code username=} and {@code password=} lines, readable by its owner only. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's permissions decide.
            }
            Properties properties = new Properties();
            properties.setProperty("username", username);
            properties.setProperty("password", password);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Kafka login (SASL " + MECHANISM + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Reads a login written by {@link #write(Path)}. */
    public static Credentials read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return new Credentials(properties.getProperty("username"), properties.getProperty("password"));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
