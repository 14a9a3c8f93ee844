package nl.mboexchange.node.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics this node writes, the first time it writes them. A channel appears when two schools first
 * exchange something, so nobody has to set up every pair in advance. Where ACLs forbid creating topics (on every
 * secured cluster: the operator's tool creates a school's topics and channels), the refusal is expected.
 */
public class ChannelAdmin implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelAdmin.class);

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Function<String, Map<String, String>> defaults;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    ChannelAdmin(Admin admin, int partitions, short replicationFactor) {
        this(admin, partitions, replicationFactor, topic -> Map.of());
    }

    /** As above, and a topic this node creates gets the configs {@code defaults} gives it (e.g. its retention). */
    ChannelAdmin(Admin admin, int partitions, short replicationFactor, Function<String, Map<String, String>> defaults) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.defaults = defaults;
    }

    /** Makes sure the topic exists before it is written. */
    public void ensure(String topic) {
        ensure(topic, Map.of());
    }

    /**
     * Makes sure the topic exists before it is written; when this creates it, with the given topic configs (e.g.
     * {@code retention.ms}) over the defaults for the topic. A topic that exists keeps the configs the operator gave it.
     */
    public void ensure(String topic, Map<String, String> configs) {
        if (ensured.contains(topic)) {
            return;
        }
        Map<String, String> created = new HashMap<>(defaults.apply(topic));
        created.putAll(configs);
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(created)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            log.info("Created topic {}", topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException
                    || e.getCause() instanceof ClusterAuthorizationException) {
                // As it should be on a secured cluster: the operator's tool created the topic with the school.
                log.debug("Not allowed to create topic {}; the operator provides it", topic);
            } else if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn(
                        "Could not create topic {} ({}); assuming the operator provides it",
                        topic,
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer whether topic " + topic + " exists", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ensured.add(topic);
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
