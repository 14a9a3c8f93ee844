package nl.mboexchange.node.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one listener take its polls in: which partitions hold records it has not yet taken in, since when, and how
 * often a poll failed on the infrastructure. It feeds the metrics ({@code mbo.intake.*}, per topic), the node's
 * readiness ({@link IntakeHealthIndicator}) and the log: one WARN line at the first failure, then at most one per
 * {@code mbo.intake.log-interval} while it lasts, and one INFO line when the listener is through. Log lines name the
 * topic, partition, offset and key (an enrolment id), never what the record says.
 */
public final class IntakeMonitor {

    private static final Logger log = LoggerFactory.getLogger(IntakeMonitor.class);

    private final String listener;
    private final MeterRegistry meters;
    private final Clock clock;
    private final IntakeProperties properties;
    private final Map<TopicPartition, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauged = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private Failing failing;

    public IntakeMonitor(String listener, MeterRegistry meters, Clock clock, IntakeProperties properties) {
        this.listener = listener;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
    }

    public String listener() {
        return listener;
    }

    /** A poll arrived: its partitions hold records from now on, unless they did already. */
    public void received(List<? extends ConsumerRecord<?, ?>> records) {
        Instant now = clock.instant();
        for (ConsumerRecord<?, ?> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            waiting.compute(
                    partition,
                    (key, before) -> before != null
                            ? before.including(record.timestamp())
                            : new Waiting(now, record.timestamp()));
            gauge(record.topic());
        }
    }

    /** The poll was taken in: applied, refused or dead-lettered, and its offsets may be committed. */
    public synchronized void completed(List<? extends ConsumerRecord<?, ?>> records) {
        for (ConsumerRecord<?, ?> record : records) {
            waiting.remove(new TopicPartition(record.topic(), record.partition()));
        }
        if (failing != null) {
            log.info(
                    "Listener {} takes records in again, after {} failed attempts since {}",
                    listener,
                    failing.attempts,
                    failing.since);
            failing = null;
        }
    }

    /** The poll failed as a whole; the container retries it after a back-off. */
    public synchronized void failed(List<? extends ConsumerRecord<?, ?>> records, RuntimeException failure) {
        Instant now = clock.instant();
        boolean infrastructure = Faults.isInfrastructure(failure);
        ConsumerRecord<?, ?> first = records.isEmpty() ? null : records.get(0);
        String topic = first == null ? "none" : first.topic();
        meters.counter(
                        "mbo.intake.retries",
                        "listener",
                        listener,
                        "topic",
                        topic,
                        "cause",
                        infrastructure ? "infrastructure" : "other")
                .increment();
        if (failing == null) {
            failing = new Failing(now);
        }
        failing.attempts++;
        if (failing.lastLogged == null || !now.isBefore(failing.lastLogged.plus(properties.logInterval()))) {
            failing.lastLogged = now;
            log.warn(
                    "Listener {} cannot take in {} (first record {}-{}@{}, key {}): {}; {} failed attempts since {},"
                            + " retrying with back-off up to {}",
                    listener,
                    infrastructure ? "its poll, the infrastructure is away" : "its poll",
                    topic,
                    first == null ? -1 : first.partition(),
                    first == null ? -1 : first.offset(),
                    first == null ? null : first.key(),
                    Faults.describe(failure),
                    failing.attempts,
                    failing.since,
                    properties.retryMaxInterval());
        }
    }

    /**
     * The consumer's lag after a poll, per partition: records on the broker that the listener has not yet fetched.
     * The records of the poll itself, until taken in, count in {@code mbo.intake.oldest.waiting}.
     */
    public void lag(Map<TopicPartition, Long> byPartition) {
        lag.putAll(byPartition);
        byPartition.keySet().forEach(partition -> gauge(partition.topic()));
    }

    /** How long records have waited without being taken in, on the partition that waited longest. */
    public Optional<Duration> longestWait() {
        Instant now = clock.instant();
        return waiting.values().stream()
                .map(w -> Duration.between(w.since, now))
                .max(Duration::compareTo);
    }

    /** Whether the listener holds records it has not taken in for longer than {@code mbo.intake.stall-after}. */
    public boolean isStalled() {
        return longestWait()
                .filter(wait -> wait.compareTo(properties.stallAfter()) > 0)
                .isPresent();
    }

    /** The partitions with records waiting, and since when, for the health details. */
    public Map<String, Instant> waitingSince() {
        Map<String, Instant> since = new java.util.TreeMap<>();
        waiting.forEach((partition, w) -> since.put(partition.toString(), w.since));
        return since;
    }

    private void gauge(String topic) {
        if (gauged.putIfAbsent(topic, Boolean.TRUE) == null) {
            Gauge.builder("mbo.intake.oldest.waiting", this, monitor -> monitor.oldestWaitingSeconds(topic))
                    .description("Age of the oldest record that the listener holds and has not yet taken in")
                    .baseUnit("seconds")
                    .tags("listener", listener, "topic", topic)
                    .register(meters);
            Gauge.builder("mbo.intake.lag", this, monitor -> monitor.lagOf(topic))
                    .description("Records on the topic's partitions that the listener has not yet fetched")
                    .baseUnit("records")
                    .tags("listener", listener, "topic", topic)
                    .register(meters);
            Gauge.builder("mbo.intake.stalled", this, monitor -> monitor.stalledOn(topic) ? 1 : 0)
                    .description("1 while the listener holds records of the topic without progress for too long")
                    .tags("listener", listener, "topic", topic)
                    .register(meters);
        }
    }

    private double lagOf(String topic) {
        return lag.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private double oldestWaitingSeconds(String topic) {
        long now = clock.millis();
        return waiting.entrySet().stream()
                        .filter(entry -> entry.getKey().topic().equals(topic))
                        .mapToLong(entry -> now - entry.getValue().oldestTimestamp)
                        .max()
                        .orElse(0)
                / 1000.0;
    }

    private boolean stalledOn(String topic) {
        Instant now = clock.instant();
        return waiting.entrySet().stream()
                .anyMatch(entry -> entry.getKey().topic().equals(topic)
                        && Duration.between(entry.getValue().since, now).compareTo(properties.stallAfter()) > 0);
    }

    /** Records wait on a partition: since when the listener holds them, and the oldest record's timestamp. */
    private record Waiting(Instant since, long oldestTimestamp) {
        Waiting including(long timestamp) {
            return timestamp < oldestTimestamp ? new Waiting(since, timestamp) : this;
        }
    }

    private static final class Failing {
        private final Instant since;
        private int attempts;
        private Instant lastLogged;

        Failing(Instant since) {
            this.since = since;
        }
    }
}
