package nl.mboexchange.networkadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security settings of a single-host broker (KRaft combined mode), shared by the tests' broker and the local
 * network's: clients log in with SCRAM-SHA-512 on a SASL_PLAINTEXT listener, Kafka's {@code StandardAuthorizer}
 * allows nothing without an ACL, and no topic appears by itself. The operator's login is a super user. The
 * controller listener speaks PLAINTEXT on 127.0.0.1 only, where the broker reaches its own controller as {@code
 * User:ANONYMOUS}, which must then be a super user too: never publish that port. Beyond one host, use SASL_SSL for
 * the clients and the controller (see the README).
 */
public final class BrokerSecurity {

    /** The user name of the cluster's operator. */
    public static final String OPERATOR = "admin";

    private BrokerSecurity() {}

    /** The listeners and security settings, for a broker on 127.0.0.1 with the given operator login. */
    public static Map<String, String> properties(int port, int controllerPort, Credentials operator) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        properties.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", Credentials.MECHANISM);
        properties.put("sasl.mechanism.inter.broker.protocol", Credentials.MECHANISM);
        properties.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", operator.jaasConfig());
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", operator.principal() + ";User:ANONYMOUS");
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }

    /**
     * The arguments of {@code kafka-storage format} that create the operator's login with the metadata, so that the
     * broker can be administered from its first start.
     */
    public static List<String> formatArguments(Credentials operator) {
        return List.of(
                "--add-scram",
                Credentials.MECHANISM + "=[name=" + operator.username() + ",password=" + operator.password()
                        + ",iterations=" + NetworkAdmin.SCRAM_ITERATIONS + "]");
    }
}
