package nl.mboexchange.localnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import nl.mboexchange.networkadmin.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher tells the servers: loopback only, and the node's own setting names. */
class LocalServersTest {

    @Test
    void the_broker_listens_on_loopback_only_and_lets_no_one_in_without_a_login_and_an_acl() {
        String properties =
                KafkaBroker.properties(Path.of("/data/kafka"), 9092, 9093, new Credentials("admin", "admin-secret"));

        assertThat(properties)
                .contains("listeners=SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093\n")
                .contains("advertised.listeners=SASL_PLAINTEXT://127.0.0.1:9092\n")
                .contains("sasl.enabled.mechanisms=SCRAM-SHA-512\n")
                .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer\n")
                .contains("allow.everyone.if.no.acl.found=false\n")
                .contains("auto.create.topics.enable=false\n")
                .doesNotContain("=PLAINTEXT://")
                .contains("controller.quorum.voters=1@127.0.0.1:9093\n")
                .contains("process.roles=broker,controller\n")
                .contains("log.dirs=/data/kafka\n");
    }

    @Test
    void a_node_is_configured_through_the_environment_variables_that_docker_compose_sets_too(
            @TempDir Path credentials) {
        School school = new School("30GH", 8092);
        new Credentials("node-30GH", "node-secret")
                .write(credentials.resolve("30GH").resolve("node.properties"));
        Map<String, String> environment = SchoolNode.environment(
                school,
                new SchoolNode.Connections(
                        "127.0.0.1:9092", "http://127.0.0.1:8081/apis/ccompat/v7", "mbo.", 55432, credentials));

        assertThat(environment)
                .containsEntry("MBO_NODE_SCHOOL_CODE", "30GH")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SERVER_PORT", "8092")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:55432/school_30gh")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "school_30gh")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MBO_KAFKA_TOPIC_PREFIX", "mbo.")
                .containsEntry("MBO_KAFKA_USERNAME", "node-30GH")
                .containsEntry("MBO_KAFKA_PASSWORD", "node-secret")
                .containsEntry("MBO_SECURITY_REGISTRARS_0_USERNAME", "registrar")
                .containsEntry("MBO_SECURITY_REGISTRARS_0_PASSWORD", "local-30GH")
                .containsEntry("MBO_SECURITY_OPERATORS_0_USERNAME", "operator")
                .containsEntry("MBO_SECURITY_OPERATORS_0_PASSWORD", "ops-30GH")
                .containsEntry("MBO_SECURITY_READERS_0_USERNAME", "reader")
                .containsEntry("MBO_SECURITY_READERS_0_PASSWORD", "read-30GH")
                .containsEntry("MBO_SECURITY_MONITORS_0_USERNAME", "prometheus")
                .containsEntry("MBO_SECURITY_MONITORS_0_PASSWORD", "metrics-30GH");
    }

    @Test
    void the_banner_names_only_the_walkthrough_variables_that_differ_from_its_defaults() {
        assertThat(Network.walkthroughCommand(new School("25LX", 8091), new School("30GH", 8092)))
                .isEqualTo("./deploy/walkthrough.sh");
        assertThat(Network.walkthroughCommand(new School("25LX", 18091), new School("41KM", 18092)))
                .isEqualTo("HOME_URL=http://127.0.0.1:18091 HOST_URL=http://127.0.0.1:18092 HOST_SCHOOL=41KM"
                        + " ./deploy/walkthrough.sh");
    }
}
