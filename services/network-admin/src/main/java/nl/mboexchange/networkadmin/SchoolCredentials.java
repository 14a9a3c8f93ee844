package nl.mboexchange.networkadmin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A school's two logins as kept in a credentials directory: {@code <dir>/<code>/node.properties} for its exchange
 * node and {@code <dir>/<code>/sis.properties} for its SIS.
 */
public record SchoolCredentials(Credentials node, Credentials sis, Path nodeFile, Path sisFile) {

    /**
     * The logins of the school: those already kept in the directory, else the passwords in {@code
     * MBO_NODE_PASSWORD_<code>} and {@code MBO_SIS_PASSWORD_<code>}, else new ones; written to the directory.
     */
    public static SchoolCredentials keptIn(Path directory, String code, Function<String, String> environment) {
        Path nodeFile = directory.resolve(code).resolve("node.properties");
        Path sisFile = directory.resolve(code).resolve("sis.properties");
        Credentials node = login(nodeFile, SchoolLogins.node(code), environment.apply("MBO_NODE_PASSWORD_" + code));
        Credentials sis = login(sisFile, SchoolLogins.sis(code), environment.apply("MBO_SIS_PASSWORD_" + code));
        node.write(nodeFile);
        sis.write(sisFile);
        return new SchoolCredentials(node, sis, nodeFile, sisFile);
    }

    private static Credentials login(Path file, String username, String password) {
        if (Files.exists(file)) {
            Credentials kept = Credentials.read(file);
            if (kept.username().equals(username)) {
                return kept;
            }
        }
        if (password != null && !password.isBlank()) {
            return new Credentials(username, password);
        }
        return Credentials.generate(username);
    }
}
