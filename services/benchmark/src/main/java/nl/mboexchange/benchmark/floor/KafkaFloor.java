package nl.mboexchange.benchmark.floor;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import nl.mboexchange.benchmark.measure.Latencies;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka alone: produces already-serialised records of the nodes' size with {@code acks=all} and idempotence, and
 * consumes them, on the broker the nodes use. Three figures: records acknowledged per second producing as fast as
 * possible, records per second reading them back, and the end-to-end latency at each steady rate the nodes are
 * offered.
 *
 * <p>Each record carries the {@link System#nanoTime()} at which it was due in a header of eight bytes; producer and
 * consumer share this JVM, so the difference is the end-to-end latency.
 */
public final class KafkaFloor {

    private static final String SENT_AT = "floor-due-nanos";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int THROUGHPUT_LINGER_MS = 5;
    private static final int THROUGHPUT_BATCH_BYTES = 256 * 1024;

    private final Map<String, Object> login;
    private final byte[] value;
    private final int partitions;

    /**
     * @param login what a client needs to reach the broker: bootstrap servers and login (the operator's)
     * @param value the bytes of every record's value
     * @param partitions partitions of the floor's topics, as many as an exchange channel has
     */
    public KafkaFloor(Map<String, Object> login, byte[] value, int partitions) {
        this.login = Map.copyOf(login);
        this.value = value.clone();
        this.partitions = partitions;
    }

    public KafkaFloorResult run(int records, List<Integer> rates, Duration perRate) throws Exception {
        String topic = createTopic();
        int warmup = Math.min(Math.max(records / 10, 1), 20_000);
        produce(topic, warmup);
        double produced = produce(topic, records);
        double consumed = consumeFromStart(topic, warmup + records);

        List<KafkaFloorResult.RateLatency> steady = new ArrayList<>();
        for (int rate : rates) {
            steady.add(paced(createTopic(), rate, perRate));
        }
        return new KafkaFloorResult(
                records,
                value.length,
                partitions,
                "acks=all, enable.idempotence=true; throughput: linger.ms=" + THROUGHPUT_LINGER_MS + ", batch.size="
                        + THROUGHPUT_BATCH_BYTES + "; latency: linger.ms=0",
                produced,
                consumed,
                steady);
    }

    /** Produces as fast as the producer takes them; returns records acknowledged per second. */
    private double produce(String topic, int records) {
        try (KafkaProducer<byte[], byte[]> producer = producer(THROUGHPUT_LINGER_MS, THROUGHPUT_BATCH_BYTES)) {
            byte[][] keys = keys(records);
            AtomicLong lastAck = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(record(topic, keys[i], System.nanoTime()), (metadata, error) -> {
                    if (error == null) {
                        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("the Kafka floor could not produce", failure.get());
            }
            return perSecond(records, lastAck.get() - start);
        }
    }

    /** Reads the whole topic from the start; returns records per second. */
    private double consumeFromStart(String topic, int records) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> assigned = partitionsOf(topic);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long start = System.nanoTime();
            long end = consume(consumer, records, null).get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return perSecond(records, end - start);
        }
    }

    /** Offers the rate for the duration, each record sent when it is due. */
    private KafkaFloorResult.RateLatency paced(String topic, int rate, Duration duration) throws Exception {
        int records = (int) Math.max(1, rate * duration.toMillis() / 1000);
        Latencies latencies = new Latencies();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                KafkaProducer<byte[], byte[]> producer = producer(0, 16_384)) {
            assignAtEnd(consumer, topic);
            CompletableFuture<Long> consumed = consume(consumer, records, latencies);
            byte[][] keys = keys(records);
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                long due = start + i * intervalNanos;
                waitUntil(due);
                producer.send(record(topic, keys[i], due));
            }
            long sent = System.nanoTime() - start;
            producer.flush();
            consumed.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new KafkaFloorResult.RateLatency(rate, perSecond(records - 1, sent), latencies.summary());
        }
    }

    /** Polls until {@code records} arrived; completes with the nano time of the last one. */
    private static CompletableFuture<Long> consume(
            KafkaConsumer<byte[], byte[]> consumer, int records, Latencies latencies) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            int received = 0;
            long last = System.nanoTime();
            while (received < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka floor received " + received + " of " + records);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    last = System.nanoTime();
                    if (latencies != null) {
                        Header due = record.headers().lastHeader(SENT_AT);
                        latencies.record((last - ByteBuffer.wrap(due.value()).getLong()) / 1_000);
                    }
                    received++;
                }
            }
            return last;
        });
    }

    private ProducerRecord<byte[], byte[]> record(String topic, byte[] key, long dueNanos) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers()
                .add(SENT_AT, ByteBuffer.allocate(Long.BYTES).putLong(dueNanos).array());
        return record;
    }

    private static byte[][] keys(int records) {
        byte[][] keys = new byte[records][];
        for (int i = 0; i < records; i++) {
            keys[i] = SamplePayload.key(UUID.randomUUID());
        }
        return keys;
    }

    private void assignAtEnd(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> assigned = partitionsOf(topic);
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        // Resolves the positions now, so that records produced from here on are all read.
        assigned.forEach(consumer::position);
    }

    private List<TopicPartition> partitionsOf(String topic) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            assigned.add(new TopicPartition(topic, p));
        }
        return assigned;
    }

    private String createTopic() throws ExecutionException, InterruptedException {
        String topic = "benchmark.floor." + UUID.randomUUID();
        try (Admin admin = Admin.create(login)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        }
        return topic;
    }

    private KafkaProducer<byte[], byte[]> producer(int lingerMillis, int batchBytes) {
        return new KafkaProducer<>(with(Map.of(
                ProducerConfig.BATCH_SIZE_CONFIG,
                batchBytes,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMillis,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class)));
    }

    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> config = new java.util.HashMap<>(login);
        config.putAll(settings);
        return config;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class)));
    }

    private static void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos);
    }
}
