package nl.mboexchange.node.messaging;

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

    public ExchangeTopics(MessagingProperties properties) {
        this.prefix = properties.topicPrefix();
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

    /** Where this school's SIS sends commands to its node: {@code <prefix>school.<code>.commands}. */
    public String commands(SchoolCode school) {
        return prefix + "school." + school.value() + ".commands";
    }

    /** Where the node tells its SIS everything that happened: {@code <prefix>school.<code>.events}. */
    public String events(SchoolCode school) {
        return prefix + "school." + school.value() + ".events";
    }
}
