package nl.mboexchange.networkadmin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Adds a school to the network and removes one, logged in as the cluster's operator (a super user). Adding is one
 * call and can be repeated: it creates or updates the school's two logins, creates its own topics and the channels
 * to and from every member, grants the ACLs of {@link SchoolAcls} (and every member the right to read the new channel
 * to it), and lists the school on the members topic, which every node follows.
 */
public final class NetworkAdmin implements AutoCloseable {

    /** Iterations of the salted password: Kafka's minimum for SHA-512, as every SCRAM client handles it. */
    static final int SCRAM_ITERATIONS = 4096;

    /**
     * How long a school's events topic keeps what its node told the SIS: four weeks, as the SIS contract promises,
     * so that a SIS that was down for a holiday still finds every update.
     */
    public static final java.time.Duration EVENTS_RETENTION = java.time.Duration.ofDays(28);

    /**
     * How long a channel and a commands topic keep their records: as long as a node recognises an event or command
     * delivered again (the node's {@code mbo.retention.channel-topic-retention} and {@code commands-topic-retention}),
     * so that nothing personal stays in Kafka longer than the node keeps its contact data.
     */
    public static final java.time.Duration CHANNEL_RETENTION = java.time.Duration.ofDays(28);

    /** How long a dead-letter topic keeps its records: as long as the node keeps its dead letters. */
    public static final java.time.Duration DEAD_LETTER_RETENTION = java.time.Duration.ofDays(30);

    private static final long TIMEOUT_SECONDS = 60;

    private final Map<String, Object> operator;
    private final NetworkTopics topics;
    private final int partitions;
    private final short replicationFactor;
    private final Admin admin;

    /**
     * @param operator the Kafka client properties of the operator's login ({@code bootstrap.servers}, {@code
     *     security.protocol}, {@code sasl.*}, {@code ssl.*})
     * @param partitions of each topic created
     * @param replicationFactor of each topic created
     */
    public NetworkAdmin(Map<String, Object> operator, NetworkTopics topics, int partitions, short replicationFactor) {
        this.operator = Map.copyOf(operator);
        this.topics = topics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.admin = Admin.create(operator);
    }

    public NetworkTopics topics() {
        return topics;
    }

    /** The members topic, created when missing: compacted, one partition, so that the list has one order. */
    public void prepare() {
        NewTopic members = new NewTopic(topics.members(), 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        createMissing(List.of(members));
    }

    /** Adds the school, or brings it up to date; its logins are the given ones. */
    public void addSchool(Member school, Credentials node, Credentials sis) {
        String code = school.code();
        if (!node.username().equals(SchoolLogins.node(code)) || !sis.username().equals(SchoolLogins.sis(code))) {
            throw new IllegalArgumentException(
                    "the logins of " + code + " are " + SchoolLogins.node(code) + " and " + SchoolLogins.sis(code));
        }
        prepare();
        List<String> others = members().keySet().stream()
                .filter(other -> !other.equals(code))
                .sorted()
                .toList();
        upsertLogins(List.of(node, sis));

        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(topic(topics.commands(code), CHANNEL_RETENTION));
        wanted.add(topic(topics.events(code), EVENTS_RETENTION));
        wanted.add(topic(topics.deadLetters(code), DEAD_LETTER_RETENTION));
        for (String other : others) {
            wanted.add(topic(topics.channel(code, other), CHANNEL_RETENTION));
            wanted.add(topic(topics.channel(other, code), CHANNEL_RETENTION));
        }
        createMissing(wanted);

        var acls = new ArrayList<>(SchoolAcls.of(topics, code, others));
        for (String other : others) {
            acls.add(SchoolAcls.readChannel(topics, code, other));
        }
        await(admin.createAcls(acls).all(), "grant the ACLs of " + code);

        publish(code, school.toValue());
    }

    private NewTopic topic(String name, java.time.Duration retention) {
        return new NewTopic(name, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
    }

    /**
     * Gives Confluent's schema registry, which keeps its schemas in Kafka, a login and what it needs: its topic
     * ({@code _schemas} by default), created compacted with one partition, and its consumer group; nothing else.
     */
    public void addRegistry(Credentials login, String topic, String group) {
        upsertLogins(List.of(login));
        createMissing(List.of(new NewTopic(topic, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        List<org.apache.kafka.common.acl.AclBinding> acls = new ArrayList<>();
        for (var operation : List.of(
                org.apache.kafka.common.acl.AclOperation.READ,
                org.apache.kafka.common.acl.AclOperation.WRITE,
                org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(SchoolAcls.allow(login.principal(), ResourceType.TOPIC, topic, PatternType.LITERAL, operation));
        }
        acls.add(SchoolAcls.allow(
                login.principal(),
                ResourceType.GROUP,
                group,
                PatternType.PREFIXED,
                org.apache.kafka.common.acl.AclOperation.READ));
        await(admin.createAcls(acls).all(), "grant the registry's ACLs");
    }

    /**
     * Takes the school out of the network: its logins and every ACL naming it or its channels are deleted, and the
     * members topic no longer lists it, so that every node refuses what it still sends. Its topics and their data
     * stay until the operator deletes them.
     */
    public void removeSchool(String code) {
        prepare();
        List<AclBindingFilter> filters = new ArrayList<>();
        for (String principal : List.of(SchoolLogins.nodePrincipal(code), SchoolLogins.sisPrincipal(code))) {
            filters.add(new AclBindingFilter(
                    ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(
                            principal,
                            null,
                            org.apache.kafka.common.acl.AclOperation.ANY,
                            org.apache.kafka.common.acl.AclPermissionType.ANY)));
        }
        filters.add(new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.TOPIC, topics.channelsFrom(code), PatternType.PREFIXED),
                AccessControlEntryFilter.ANY));
        for (String other : members().keySet()) {
            filters.add(new AclBindingFilter(
                    new ResourcePatternFilter(ResourceType.TOPIC, topics.channel(other, code), PatternType.LITERAL),
                    AccessControlEntryFilter.ANY));
        }
        await(admin.deleteAcls(filters).all(), "delete the ACLs of " + code);
        List<UserScramCredentialAlteration> deletions = new ArrayList<>();
        for (String user : List.of(SchoolLogins.node(code), SchoolLogins.sis(code))) {
            deletions.add(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512));
        }
        try {
            await(admin.alterUserScramCredentials(deletions).all(), "delete the logins of " + code);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
        publish(code, null);
    }

    /** The members of the network, by code, as the members topic lists them now. */
    public Map<String, Member> members() {
        Map<String, Object> config = new HashMap<>(operator);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Member> members = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.members(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics.members() + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        members.remove(record.key());
                    } else {
                        members.put(record.key(), Member.fromRecord(record.key(), record.value()));
                    }
                }
            }
        }
        return members;
    }

    private void upsertLogins(List<Credentials> logins) {
        List<UserScramCredentialAlteration> upsertions = logins.stream()
                .<UserScramCredentialAlteration>map(login -> new UserScramCredentialUpsertion(
                        login.username(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                        login.password()))
                .toList();
        await(admin.alterUserScramCredentials(upsertions).all(), "store the logins");
    }

    private void createMissing(List<NewTopic> wanted) {
        Set<String> existing = await(admin.listTopics().names(), "list the topics");
        List<NewTopic> missing = wanted.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .collect(Collectors.toList());
        if (missing.isEmpty()) {
            return;
        }
        try {
            await(
                    admin.createTopics(missing).all(),
                    "create " + missing.stream().map(NewTopic::name).toList());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void publish(String code, byte[] value) {
        Map<String, Object> config = new HashMap<>(operator);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            await(producer.send(new ProducerRecord<>(topics.members(), code, value)), "list " + code);
        }
    }

    private static <T> T await(java.util.concurrent.Future<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}
