package nl.mboexchange.node.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchMessageListener;

/** A batch listener whose polls an {@link IntakeMonitor} watches, with the consumer's lag after each. */
public final class MonitoredListener<K, V> implements BatchConsumerAwareMessageListener<K, V> {

    private final BatchMessageListener<K, V> listener;
    private final IntakeMonitor monitor;

    public MonitoredListener(BatchMessageListener<K, V> listener, IntakeMonitor monitor) {
        this.listener = listener;
        this.monitor = monitor;
    }

    @Override
    public void onMessage(List<ConsumerRecord<K, V>> records, Consumer<?, ?> consumer) {
        monitor.received(records);
        try {
            listener.onMessage(records);
        } catch (RuntimeException e) {
            monitor.failed(records, e);
            throw e;
        } finally {
            monitor.lag(lagOf(consumer));
        }
        monitor.completed(records);
    }

    /** Records behind the end of each assigned partition, as far as the consumer knows without asking the broker. */
    private static Map<TopicPartition, Long> lagOf(Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(records -> lag.put(partition, records));
        }
        return lag;
    }
}
