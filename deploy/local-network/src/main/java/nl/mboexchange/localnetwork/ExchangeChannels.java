package nl.mboexchange.localnetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * The topics a set of schools exchanges on, named as the nodes name them: a channel per ordered pair of schools, and
 * each school's own commands, events and dead-letter topics (DESIGN §5).
 *
 * <p>The launcher creates them before the nodes start, with the partitions a node would give them: a node subscribes
 * to the channels addressed to it by pattern and notices a channel created later only at its next look, so the first
 * exchange between two schools would otherwise wait for that.
 */
record ExchangeChannels(String prefix, List<String> schools) {

    ExchangeChannels {
        schools = List.copyOf(schools);
    }

    /** Every topic, channels first. */
    List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (String from : schools) {
            for (String to : schools) {
                if (!from.equals(to)) {
                    topics.add(prefix + "exchange." + from + "." + to);
                }
            }
        }
        for (String school : schools) {
            topics.add(prefix + "school." + school + ".commands");
            topics.add(prefix + "school." + school + ".events");
            topics.add(prefix + "school." + school + ".deadletter");
        }
        return topics;
    }
}
