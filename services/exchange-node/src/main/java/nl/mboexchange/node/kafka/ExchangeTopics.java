package nl.mboexchange.node.kafka;

import java.util.regex.Pattern;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.stereotype.Component;

/**
 * Every topic a node uses, by name. The exchange runs on one channel per ordered pair of schools, written only by
 * {@code <from>} and read only by {@code <to>}, so that plain Kafka ACLs decide who may send as whom. Key: the
 * enrolment id; value: one Avro record per event type (subjects by record name).
 */
@Component
public class ExchangeTopics {

    private final String prefix;

    @org.springframework.beans.factory.annotation.Autowired
    public ExchangeTopics(MessagingProperties properties) {
        this(properties.topicPrefix());
    }

    /** The topics under {@code prefix}, e.g. {@code mbo.}. */
    public ExchangeTopics(String prefix) {
        this.prefix = prefix;
    }

    /** The channel from one school to another: {@code <prefix>exchange.<from>.<to>}. */
    public String channel(SchoolCode from, SchoolCode to) {
        return prefix + "exchange." + from.value() + "." + to.value();
    }

    /** Every channel addressed to this school, for a pattern subscription. */
    public Pattern channelsTo(SchoolCode to) {
        return Pattern.compile(
                Pattern.quote(prefix + "exchange.") + SchoolCode.FORMAT + Pattern.quote("." + to.value()));
    }

    /** Where this node puts what it cannot take in, with the reason in headers: {@code <prefix>school.<code>.deadletter}. */
    public String deadLetters(SchoolCode school) {
        return prefix + "school." + school.value() + ".deadletter";
    }

    /**
     * The sender and recipient a channel stands for, or empty when the topic is not a channel. The channel, not the
     * event, says who sent it: only {@code <from>} may write it.
     */
    public java.util.Optional<Channel> parseChannel(String topic) {
        String channelPrefix = prefix + "exchange.";
        if (!topic.startsWith(channelPrefix)) {
            return java.util.Optional.empty();
        }
        String[] parts = topic.substring(channelPrefix.length()).split("\\.");
        if (parts.length != 2 || !parts[0].matches(SchoolCode.FORMAT) || !parts[1].matches(SchoolCode.FORMAT)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Channel(SchoolCode.of(parts[0]), SchoolCode.of(parts[1])));
    }

    /** One direction between two schools. */
    public record Channel(SchoolCode from, SchoolCode to) {}

    /** Where this school's SIS sends commands to its node: {@code <prefix>school.<code>.commands}. */
    public String commands(SchoolCode school) {
        return prefix + "school." + school.value() + ".commands";
    }

    /** Where the node tells its SIS everything that happened: {@code <prefix>school.<code>.events}. */
    public String events(SchoolCode school) {
        return prefix + "school." + school.value() + ".events";
    }
}
