package nl.mboexchange.node.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.mboexchange.node.intake.Faults;
import nl.mboexchange.node.outbox.OutboxMessage;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.outbox.OutboxSignal;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox to Kafka after commit: claims a batch, sends it, waits for every acknowledgement ({@code
 * acks=all}) and takes the batch out of the outbox, in one database transaction. A crash anywhere before that commit
 * leaves the batch in the outbox, so it is sent again after a restart: at least once, and the receiver drops the
 * duplicate by event id. How long messages waited is the timer {@code mbo.outbox.wait}. One publisher thread keeps the
 * outbox order, so the events of one enrolment arrive in order; and where a school runs several instances of its node
 * on one database, only the one holding the {@link PublisherLease} publishes (gauge {@code
 * mbo.outbox.publisher.active}), while the others try to take it over every {@code
 * mbo.kafka.publish-lease-retry-interval}. A message that can never be sent is held and holds back only its own
 * enrolment; the broker or the registry away is waited out with a back-off that doubles up to
 * {@code mbo.kafka.publish-retry-max-interval}, with one WARN line at first and at most one a minute after.
 */
class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    /** Refusals by Kafka of one message, for a reason that is not the broker being away, before it is held. */
    private static final int ATTEMPTS_BEFORE_HOLDING = 3;

    static final String EVENT_TYPE_HEADER = "mbo.event.type";

    private final OutboxRepository outbox;
    private final OutboxSignal signal;
    private final TransactionTemplate transactions;
    private final Producer<String, byte[]> producer;
    private final AvroCodec codec;
    private final ChannelAdmin channels;
    private final MessagingProperties properties;
    private final MeterRegistry meters;
    private final Timer waited;
    private final Clock clock;
    private final PublishFailures failures;
    private final HaltAfterAcknowledgedSend crashPoint;
    private final PublisherLease lease;
    private final AtomicBoolean active = new AtomicBoolean();
    private volatile Thread worker;

    OutboxPublisher(
            OutboxRepository outbox,
            OutboxSignal signal,
            TransactionTemplate transactions,
            Producer<String, byte[]> producer,
            AvroCodec codec,
            ChannelAdmin channels,
            MessagingProperties properties,
            MeterRegistry meters,
            Clock clock,
            PublisherLease lease,
            HaltAfterAcknowledgedSend crashPoint) {
        this.outbox = outbox;
        this.signal = signal;
        this.transactions = transactions;
        this.producer = producer;
        this.codec = codec;
        this.channels = channels;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.waited = Timer.builder("mbo.outbox.wait")
                .description("From an event written to the outbox to Kafka acknowledging it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.failures = new PublishFailures(meters, clock, properties.publishLogInterval());
        this.crashPoint = crashPoint;
        this.lease = lease;
        Gauge.builder("mbo.outbox.publisher.active", active, a -> a.get() ? 1 : 0)
                .description("1 while this instance of the node publishes the outbox, 0 while another one does")
                .register(meters);
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "outbox-publisher");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        try {
            publishWhileLeased();
        } finally {
            active.set(false);
            lease.close();
        }
    }

    private void publishWhileLeased() {
        Duration backOff = properties.publishRetryInitialInterval();
        while (worker == Thread.currentThread()) {
            try {
                active.set(lease.holds());
                if (!active.get()) {
                    Thread.sleep(properties.publishLeaseRetryInterval().toMillis());
                    continue;
                }
                int claimed = publishBatch();
                failures.recovered();
                backOff = properties.publishRetryInitialInterval();
                if (claimed < properties.publishBatchSize() && !signal.await(properties.publishIdleInterval())) {
                    // Idle: a good moment to check the lease's session, rather than when the next event is waiting.
                    lease.check();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (worker != Thread.currentThread()) {
                    return;
                }
                if (e instanceof NotSent notSent && !Faults.isInfrastructure(notSent.getCause())) {
                    holdAfterRepeatedFailure(notSent);
                    continue;
                }
                failures.failed(e, backOff);
                try {
                    Thread.sleep(backOff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backOff = min(backOff.multipliedBy(2), properties.publishRetryMaxInterval());
            }
        }
    }

    /**
     * Publishes one batch, in the outbox's order; returns how many messages it claimed. A message that cannot be
     * serialised, or is larger than the broker takes, is held with why, and the later messages of its key stay in the
     * outbox behind it; the rest is sent.
     */
    int publishBatch() {
        Integer claimed = transactions.execute(status -> {
            List<OutboxMessage> batch = outbox.claimBatch(properties.publishBatchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            Set<String> heldKeys = new HashSet<>();
            List<OutboxMessage> sending = new ArrayList<>(batch.size());
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                if (heldKeys.contains(message.key())) {
                    continue;
                }
                byte[] value = serialise(message);
                if (value == null) {
                    heldKeys.add(message.key());
                    continue;
                }
                var headers = new RecordHeaders();
                headers.add(EVENT_TYPE_HEADER, message.eventType().getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(new ProducerRecord<>(message.topic(), null, message.key(), value, headers)));
                sending.add(message);
            }
            producer.flush();
            for (int i = 0; i < acks.size(); i++) {
                awaitAck(acks.get(i), sending.get(i));
            }
            crashPoint.acknowledged(sending.size());
            // Nothing is decided here but that Kafka has the messages: should the database lose this commit in a
            // crash, the messages are sent again and their receivers drop them by event id, as after a crash before
            // the delete. So this commit does not wait for the disk, unless the batch held a message, which is a
            // decision an operator sees.
            outbox.removePublished(sending.stream().map(OutboxMessage::id).toList(), heldKeys.isEmpty());
            Instant now = clock.instant();
            for (OutboxMessage message : sending) {
                meters.counter("mbo.events.published", "type", message.eventType())
                        .increment();
                waited.record(Duration.between(message.createdAt(), now));
            }
            return batch.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** The message's bytes on the wire, or {@code null} when it cannot be sent and is now held. */
    private byte[] serialise(OutboxMessage message) {
        if (!message.isReadable()) {
            hold(message, "its stored payload cannot be read as a " + message.eventType());
            return null;
        }
        byte[] value;
        try {
            channels.ensure(message.topic());
            value = codec.encode(message.topic(), message.record());
        } catch (RuntimeException e) {
            if (Faults.isInfrastructure(e)) {
                throw e;
            }
            // Serialising asks nothing but the registry, whose faults are the retriable ones: this is the record's.
            hold(message, "its record cannot be serialised: " + Faults.describe(e));
            return null;
        }
        if (value.length > properties.maxMessageBytes()) {
            hold(
                    message,
                    "its record is " + value.length + " bytes, more than the " + properties.maxMessageBytes()
                            + " bytes a message may have");
            return null;
        }
        return value;
    }

    private void hold(OutboxMessage message, String because) {
        outbox.hold(message.id(), because);
        meters.counter("mbo.outbox.holds", "type", message.eventType()).increment();
        log.warn(
                "Holding outbox message {} ({} of enrolment {} to {}): {}; the later messages of that enrolment wait"
                        + " behind it until an operator sends it again or releases it",
                message.id(),
                message.eventType(),
                message.key(),
                message.topic(),
                because);
    }

    /** Kafka refused a message for a reason of its own: after a few such refusals the message is held. */
    private void holdAfterRepeatedFailure(NotSent notSent) {
        OutboxMessage message = notSent.message;
        String because = "Kafka refused it: " + Faults.describe(notSent.getCause());
        Boolean held =
                transactions.execute(status -> outbox.recordFailure(message.id(), because, ATTEMPTS_BEFORE_HOLDING));
        if (Boolean.TRUE.equals(held)) {
            meters.counter("mbo.outbox.holds", "type", message.eventType()).increment();
            log.warn(
                    "Holding outbox message {} ({} of enrolment {}): {}",
                    message.id(),
                    message.eventType(),
                    message.key(),
                    because);
        }
    }

    private static void awaitAck(Future<RecordMetadata> ack, OutboxMessage message) {
        try {
            ack.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new NotSent(message, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch in time", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Kafka did not take a message; nothing of its batch is taken out of the outbox. */
    private static final class NotSent extends RuntimeException {
        private final transient OutboxMessage message;

        NotSent(OutboxMessage message, Throwable cause) {
            super("Kafka did not take outbox message " + message.id(), cause);
            this.message = message;
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.publishEnabled();
    }

    @Override
    public int getPhase() {
        // Stops before the database and Kafka clients it uses.
        return Integer.MAX_VALUE - 100;
    }
}
