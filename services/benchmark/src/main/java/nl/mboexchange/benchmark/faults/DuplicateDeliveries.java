package nl.mboexchange.benchmark.faults;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Every record of the slice delivered a second time: once the slice has arrived, its results and receipts are read
 * from both channels and produced onto them again, with each sender's own login. The nodes must drop every copy.
 */
final class DuplicateDeliveries implements Fault {

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws InterruptedException {
        network.sis().recordThenCorrect(slice.from(), slice.count());
        if (!network.awaitComplete(slice)) {
            throw new IllegalStateException("the slice did not arrive before its records were to be delivered again");
        }
        var operator = network.servers().kafkaOperator();
        int copies = 0;
        for (String[] direction : List.of(
                new String[] {FaultNetwork.HOST, FaultNetwork.HOME},
                new String[] {FaultNetwork.HOME, FaultNetwork.HOST})) {
            String channel = FaultNetwork.channel(direction[0], direction[1]);
            List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record :
                    ChannelRecords.read(operator, channel, key -> inSlice(network, slice, key))) {
                again.add(ChannelRecords.again(record));
            }
            ChannelRecords.produce(network.nodeLogin(direction[0]), again);
            copies += again.size();
        }
        return new Injection(
                copies + " records of both channels delivered again, each with its sender's login",
                System.nanoTime(),
                0,
                copies,
                "");
    }

    static boolean inSlice(FaultNetwork network, Slice slice, String key) {
        int index;
        try {
            index = network.ids().indexOf(java.util.UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return index >= slice.from() && index <= slice.last();
    }
}
