package nl.mboexchange.localnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkSettingsTest {

    private static final Path DEFAULT_DATA = Path.of("/checkout/.run-data");

    @Test
    void without_options_two_schools_run_on_the_printed_default_ports() {
        NetworkSettings settings = NetworkSettings.parse(new String[0], Map.of(), DEFAULT_DATA);

        assertThat(settings.schools()).containsExactly(new School("25LX", 8091), new School("30GH", 8092));
        assertThat(settings.ports()).containsExactly(9092, 9093, 8081, 55432, 8091, 8092);
        assertThat(settings.dataDirectory()).isEqualTo(DEFAULT_DATA);
        assertThat(settings.clean()).isFalse();
        assertThat(settings.topicPrefix()).isEqualTo("mbo.");
    }

    @Test
    void a_third_school_is_added_by_a_flag_and_gets_the_next_port() {
        NetworkSettings settings =
                NetworkSettings.parse(new String[] {"--schools", "25LX, 30GH,41KM"}, Map.of(), DEFAULT_DATA);

        assertThat(settings.schools()).extracting(School::code).containsExactly("25LX", "30GH", "41KM");
        assertThat(settings.schools().get(2).port()).isEqualTo(8093);
    }

    @Test
    void the_environment_sets_what_no_flag_sets() {
        Map<String, String> environment = Map.of(
                "MBO_LOCAL_SCHOOLS", "25LX,30GH,41KM",
                "MBO_LOCAL_NODE_PORT", "18000",
                "MBO_LOCAL_DATA_DIR", "/tmp/network",
                "MBO_LOCAL_CLEAN", "true");

        NetworkSettings settings = NetworkSettings.parse(new String[] {"--node-port=19000"}, environment, DEFAULT_DATA);

        assertThat(settings.schools()).hasSize(3);
        assertThat(settings.schools().get(0).port()).isEqualTo(19000);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/network"));
        assertThat(settings.clean()).isTrue();
    }

    @Test
    void clean_and_only_infrastructure_are_switches() {
        NetworkSettings settings = NetworkSettings.parse(
                new String[] {"--clean", "--only-infrastructure", "--kafka-port", "19092"}, Map.of(), DEFAULT_DATA);

        assertThat(settings.clean()).isTrue();
        assertThat(settings.infrastructureOnly()).isTrue();
        assertThat(settings.schools()).isEmpty();
        assertThat(settings.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void a_school_code_that_a_node_would_refuse_is_refused_before_anything_starts() {
        assertThatThrownBy(() -> NetworkSettings.parse(new String[] {"--schools", "25lx"}, Map.of(), DEFAULT_DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'25lx' is not a school code");
    }

    @Test
    void two_servers_on_one_port_are_refused() {
        assertThatThrownBy(
                        () -> NetworkSettings.parse(new String[] {"--registry-port", "8091"}, Map.of(), DEFAULT_DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 8091 is given to two servers");
    }

    @Test
    void an_unknown_option_is_refused_with_the_help_text() {
        assertThatThrownBy(() -> NetworkSettings.parse(new String[] {"--shools", "25LX"}, Map.of(), DEFAULT_DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --shools")
                .hasMessageContaining("--schools CODES");
    }

    @Test
    void a_school_named_twice_is_refused() {
        assertThatThrownBy(() -> NetworkSettings.parse(new String[] {"--schools", "25LX,25LX"}, Map.of(), DEFAULT_DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named twice");
    }
}
