package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * duplicate by event id. How long messages waited is the timer {@code mbo.outbox.wait}. One publisher thread keeps the outbox order, so the events of one enrolment arrive in order.
 */
class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
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
            Clock clock) {
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
        while (worker == Thread.currentThread()) {
            try {
                int sent = publishBatch();
                if (sent < properties.publishBatchSize()) {
                    signal.await(properties.publishIdleInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (worker != Thread.currentThread()) {
                    return;
                }
                log.warn("Publishing the outbox failed; trying again in {}", RETRY_DELAY, e);
                try {
                    Thread.sleep(RETRY_DELAY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Publishes one batch; returns how many messages it sent. */
    int publishBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxMessage> batch = outbox.claimBatch(properties.publishBatchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                channels.ensure(message.topic());
                var headers = new RecordHeaders();
                headers.add(EVENT_TYPE_HEADER, message.eventType().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                acks.add(producer.send(new ProducerRecord<>(
                        message.topic(),
                        null,
                        message.key(),
                        codec.encode(message.topic(), message.record()),
                        headers)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                awaitAck(ack);
            }
            outbox.removePublished(batch.stream().map(OutboxMessage::id).toList());
            Instant now = clock.instant();
            for (OutboxMessage message : batch) {
                meters.counter("mbo.events.published", "type", message.eventType())
                        .increment();
                waited.record(Duration.between(message.createdAt(), now));
            }
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the batch", e);
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
