package nl.mboexchange.node.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mboexchange.node.school.SchoolCode;
import org.junit.jupiter.api.Test;

class ExchangeTopicsTest {

    private final ExchangeTopics topics = new ExchangeTopics("mbo.");
    private final SchoolCode home = SchoolCode.of("25LX");
    private final SchoolCode host = SchoolCode.of("30GH");

    @Test
    void a_channel_is_named_for_its_ordered_pair_of_schools() {
        assertThat(topics.channel(home, host)).isEqualTo("mbo.exchange.25LX.30GH");
        assertThat(topics.channel(host, home)).isEqualTo("mbo.exchange.30GH.25LX");
    }

    @Test
    void a_school_subscribes_to_every_channel_addressed_to_it_and_no_other() {
        var toHost = topics.channelsTo(host).asPredicate();

        assertThat(toHost.test("mbo.exchange.25LX.30GH")).isTrue();
        assertThat(toHost.test("mbo.exchange.12AB.30GH")).isTrue();
        assertThat(toHost.test("mbo.exchange.30GH.25LX")).isFalse();
        assertThat(toHost.test("mboXexchange.25LX.30GH")).isFalse();
        assertThat(topics.channelsTo(host).matcher("other.exchange.25LX.30GH").matches())
                .isFalse();
    }

    @Test
    void a_school_has_its_own_command_and_event_topics() {
        assertThat(topics.commands(home)).isEqualTo("mbo.school.25LX.commands");
        assertThat(topics.events(home)).isEqualTo("mbo.school.25LX.events");
    }
}
