package nl.mboexchange.networkadmin;

/** The user names of a school's two logins: its exchange node and its SIS. */
public final class SchoolLogins {

    private SchoolLogins() {}

    public static String node(String code) {
        return "node-" + code;
    }

    public static String sis(String code) {
        return "sis-" + code;
    }

    public static String nodePrincipal(String code) {
        return "User:" + node(code);
    }

    public static String sisPrincipal(String code) {
        return "User:" + sis(code);
    }

    /** What every consumer group of the school's node starts with: {@code exchange-node-<code>}. */
    public static String nodeGroups(String code) {
        return "exchange-node-" + code;
    }

    /** What every consumer group of the school's SIS starts with: {@code sis-<code>}. */
    public static String sisGroups(String code) {
        return "sis-" + code;
    }
}
