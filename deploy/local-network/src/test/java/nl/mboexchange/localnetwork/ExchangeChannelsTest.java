package nl.mboexchange.localnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeChannelsTest {

    @Test
    void two_schools_have_a_channel_each_way_and_their_own_topics() {
        List<String> topics = new ExchangeChannels("mbo.", List.of("25LX", "30GH")).topics();

        assertThat(topics)
                .containsExactly(
                        "mbo.exchange.25LX.30GH",
                        "mbo.exchange.30GH.25LX",
                        "mbo.school.25LX.commands",
                        "mbo.school.25LX.events",
                        "mbo.school.25LX.deadletter",
                        "mbo.school.30GH.commands",
                        "mbo.school.30GH.events",
                        "mbo.school.30GH.deadletter");
    }

    @Test
    void a_third_school_adds_four_channels() {
        List<String> topics = new ExchangeChannels("test.", List.of("25LX", "30GH", "41KM")).topics();

        assertThat(topics.stream().filter(topic -> topic.startsWith("test.exchange.")))
                .hasSize(6)
                .contains("test.exchange.41KM.25LX", "test.exchange.30GH.41KM");
    }
}
