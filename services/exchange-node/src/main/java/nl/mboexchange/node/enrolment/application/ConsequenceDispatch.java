package nl.mboexchange.node.enrolment.application;

import java.util.List;
import org.springframework.stereotype.Component;

/** The one port the application services hand their {@link Consequences} to: every subscriber, in order. */
@Component
class ConsequenceDispatch {

    private final List<ConsequenceSubscriber> subscribers;

    ConsequenceDispatch(List<ConsequenceSubscriber> subscribers) {
        this.subscribers = List.copyOf(subscribers);
    }

    void dispatch(Consequences consequences) {
        if (consequences.isEmpty()) {
            return;
        }
        for (ConsequenceSubscriber subscriber : subscribers) {
            subscriber.follow(consequences);
        }
    }
}
