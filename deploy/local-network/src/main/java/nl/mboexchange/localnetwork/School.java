package nl.mboexchange.localnetwork;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A school in the local network and where its node listens.
 *
 * @param code the institution code, e.g. {@code 25LX}
 * @param port the HTTP port of its node on 127.0.0.1
 */
public record School(String code, int port) {

    /** The node's format of an institution code (BRIN-style): two digits and two capitals. */
    static final Pattern CODE = Pattern.compile("[0-9]{2}[A-Z]{2}");

    public School {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "'" + code + "' is not a school code: two digits and two capital letters, e.g. 25LX");
        }
    }

    /** The school's own database, and the role that owns it: {@code school_25lx}. */
    public String database() {
        return "school_" + code.toLowerCase(Locale.ROOT);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
