package nl.mboexchange.benchmark.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records deleted from the channel from the host to home while the slice's results are on it and home has not read
 * them: home is stopped, the host's SIS records the results and corrections, the host sends them all, and the operator
 * deletes the first half of the slice's records in each partition ({@code deleteRecords}). Home is started again,
 * reads what is left (holding a correction whose first version was deleted) and, on its operator's request, asks the
 * host to reconcile; the host sends again, from the events it keeps, what home has not received without a gap: the
 * deleted records, and each held correction again after its first version, a copy home must drop.
 */
final class ChannelTruncation implements Fault {

    /** The consumer group of the home node's exchange listener. */
    private static final String HOME_GROUP = "exchange-node-" + FaultNetwork.HOME;

    @Override
    public String name() {
        return "channel-truncation";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws Exception {
        String channel = FaultNetwork.channel(FaultNetwork.HOST, FaultNetwork.HOME);
        Duration settle = network.parameters().settleTimeout();
        SliceCounts counts = network.counts();
        network.stopHome();
        network.sis().recordThenCorrect(slice.from(), slice.count());
        long results = 2L * slice.count();
        long deadline = System.nanoTime() + settle.toNanos();
        while (counts.resultsSent(slice) < results || counts.outboxAtHost() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the host did not send the slice's results within " + settle);
            }
            Thread.sleep(250);
        }
        var operator = network.servers().kafkaOperator();
        List<ConsumerRecord<String, byte[]>> onChannel =
                ChannelRecords.read(operator, channel, key -> DuplicateDeliveries.inSlice(network, slice, key));
        if (onChannel.size() != results) {
            throw new IllegalStateException(
                    "the channel holds " + onChannel.size() + " records of the slice, not " + results);
        }
        Truncation truncation = Truncation.firstHalfPerPartition(onChannel);
        Map<TopicPartition, Long> ends;
        long unreadBefore;
        try (Admin admin = Admin.create(operator)) {
            Set<TopicPartition> partitions = truncation.deleteBefore().keySet();
            ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(HOME_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            // Records before the slice's that home had not read would go too: say so rather than count them as none.
            unreadBefore = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata read = committed.get(partition);
                long from = Math.max(starts.get(partition), read == null ? 0 : read.offset());
                unreadBefore += Math.max(0, truncation.firstOfSlice().get(partition) - from);
            }
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            truncation
                    .deleteBefore()
                    .forEach((partition, offset) -> delete.put(partition, RecordsToDelete.beforeOffset(offset)));
            admin.deleteRecords(delete).all().get();
        }
        network.progress("deleted " + truncation.deleted() + " of the slice's " + results + " records from " + channel);
        network.relaunchHome();
        awaitRead(network, ends, settle);
        String answer = network.reconcileAtHome(FaultNetwork.HOST);
        long reconciledAt = System.nanoTime();
        network.progress("reconciliation requested at " + FaultNetwork.HOME + ": " + answer);
        String resent;
        if (network.awaitComplete(slice)) {
            long again =
                    ChannelRecords.read(operator, channel, key -> DuplicateDeliveries.inSlice(network, slice, key))
                            .stream()
                            .filter(record ->
                                    record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition())))
                            .count();
            resent = String.format(
                    Locale.ROOT,
                    "%d sent again by the host on reconciliation, expected %d (the deleted and the corrections held)",
                    again,
                    truncation.deleted() + truncation.firstOnlyLost());
        } else {
            resent = "the slice did not arrive after reconciliation";
        }
        return new Injection(
                truncation.deleted() + " of the slice's " + results + " results deleted from " + channel
                        + " before home read them (first half of each partition); home started again; reconciliation",
                reconciledAt,
                0,
                // A correction home held is sent again after its first version: a copy home must drop.
                truncation.firstOnlyLost(),
                String.format(
                        Locale.ROOT,
                        "deleted %d: %d enrolments lost both versions, %d the first only; %s%s",
                        truncation.deleted(),
                        truncation.bothLost(),
                        truncation.firstOnlyLost(),
                        resent,
                        unreadBefore == 0 ? "" : "; " + unreadBefore + " unread records before the slice deleted too"));
    }

    /** Waits until home's consumer group has read the channel to the offsets it had when the records were deleted. */
    private static void awaitRead(FaultNetwork network, Map<TopicPartition, Long> ends, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(network.servers().kafkaOperator())) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(HOME_GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean read = ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    return offset != null && offset.offset() >= end.getValue();
                });
                if (read) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("home did not read what was left on the channel within " + timeout);
                }
                Thread.sleep(250);
            }
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /**
     * What is deleted: in each partition, the first half (rounded up) of the slice's records.
     *
     * @param deleteBefore per partition, the offset before which every record goes
     * @param firstOfSlice per partition, the offset of the slice's first record
     * @param deleted the slice's records deleted
     * @param bothLost enrolments whose result and correction were both deleted
     * @param firstOnlyLost enrolments whose result was deleted and correction kept: home holds the correction
     */
    record Truncation(
            Map<TopicPartition, Long> deleteBefore,
            Map<TopicPartition, Long> firstOfSlice,
            long deleted,
            long bothLost,
            long firstOnlyLost) {

        static Truncation firstHalfPerPartition(List<ConsumerRecord<String, byte[]>> records) {
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = records.stream()
                    .collect(Collectors.groupingBy(record -> new TopicPartition(record.topic(), record.partition())));
            Map<TopicPartition, Long> deleteBefore = new HashMap<>();
            Map<TopicPartition, Long> firstOfSlice = new HashMap<>();
            Map<String, Integer> deletedPerKey = new HashMap<>();
            Map<String, Integer> perKey = new HashMap<>();
            long deleted = 0;
            for (var partition : byPartition.entrySet()) {
                List<ConsumerRecord<String, byte[]>> inOrder = new ArrayList<>(partition.getValue());
                inOrder.sort(Comparator.comparingLong(ConsumerRecord::offset));
                int cut = (inOrder.size() + 1) / 2;
                firstOfSlice.put(partition.getKey(), inOrder.get(0).offset());
                deleteBefore.put(partition.getKey(), inOrder.get(cut - 1).offset() + 1);
                for (int i = 0; i < inOrder.size(); i++) {
                    perKey.merge(inOrder.get(i).key(), 1, Integer::sum);
                    if (i < cut) {
                        deletedPerKey.merge(inOrder.get(i).key(), 1, Integer::sum);
                        deleted++;
                    }
                }
            }
            long both = deletedPerKey.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(perKey.get(entry.getKey())))
                    .count();
            return new Truncation(deleteBefore, firstOfSlice, deleted, both, deletedPerKey.size() - both);
        }
    }
}
