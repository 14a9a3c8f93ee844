package nl.mboexchange.networkadmin;

/**
 * The names of the network's topics under one prefix (e.g. {@code mbo.}): the channel from one school to another,
 * a school's own topics, and the members list.
 */
public record NetworkTopics(String prefix) {

    public NetworkTopics {
        if (prefix == null) {
            throw new IllegalArgumentException("the topic prefix may be empty, not null");
        }
    }

    /** {@code <prefix>exchange.<from>.<to>}: only {@code from} writes it, only {@code to} reads it. */
    public String channel(String from, String to) {
        return channelsFrom(from) + to;
    }

    /** What every channel {@code from} sends on starts with. */
    public String channelsFrom(String from) {
        return prefix + "exchange." + from + ".";
    }

    /** What every topic of the school's own starts with (commands, events, dead letters). */
    public String schoolTopics(String code) {
        return prefix + "school." + code + ".";
    }

    public String commands(String code) {
        return schoolTopics(code) + "commands";
    }

    public String events(String code) {
        return schoolTopics(code) + "events";
    }

    public String deadLetters(String code) {
        return schoolTopics(code) + "deadletter";
    }

    /** The compacted topic that lists the members of the network, one record per school keyed by its code. */
    public String members() {
        return prefix + "network.members";
    }
}
