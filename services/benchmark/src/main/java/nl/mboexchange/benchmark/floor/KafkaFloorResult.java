package nl.mboexchange.benchmark.floor;

import java.util.List;
import nl.mboexchange.benchmark.measure.LatencySummary;

/**
 * What Kafka alone does with the nodes' bytes.
 *
 * @param records records of the throughput run
 * @param valueBytes size of each record's value: a serialised {@code CourseResultRecorded}
 * @param partitions partitions of the topic
 * @param producerSettings the producer's settings that matter for the figures
 * @param produceRecordsPerSecond records acknowledged per second, producing as fast as possible
 * @param consumeRecordsPerSecond records per second reading the whole topic from the start
 * @param steady send-to-receive latency at each steady rate, measured from when each record was due
 */
public record KafkaFloorResult(
        int records,
        int valueBytes,
        int partitions,
        String producerSettings,
        double produceRecordsPerSecond,
        double consumeRecordsPerSecond,
        List<RateLatency> steady) {

    /**
     * The latency at one offered rate.
     *
     * @param rate records per second offered
     * @param achievedRate records per second actually sent
     * @param latency send-to-receive, from when each record was due
     */
    public record RateLatency(int rate, double achievedRate, LatencySummary latency) {}
}
