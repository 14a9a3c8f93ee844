package nl.mboexchange.networkadmin;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A school that is a member of the network: its code, its name and the Kafka principal of its node. On the members
 * topic the key is the code and the value is the rest as {@code name=} and {@code principal=} lines (Java
 * properties, readable with any console consumer); a record without a value (a tombstone) removes the school.
 */
public record Member(String code, String name, String principal) {

    public Member {
        if (code == null || code.isBlank() || principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("a member needs a code and a principal");
        }
        name = name == null || name.isBlank() ? code : name;
    }

    /** The school whose node logs in as {@code node-<code>}. */
    public static Member of(String code, String name) {
        return new Member(code, name, SchoolLogins.nodePrincipal(code));
    }

    /** The value of this member's record on the members topic. */
    public byte[] toValue() {
        Properties properties = new Properties();
        properties.setProperty("name", name);
        properties.setProperty("principal", principal);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Without the date line Properties writes first, so that an unchanged member is an unchanged record.
        String value = text.toString()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .reduce("", (all, line) -> all + line + "\n");
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The member a record of the members topic describes. */
    public static Member fromRecord(String code, byte[] value) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(value, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Member(code, properties.getProperty("name"), properties.getProperty("principal"));
    }
}
