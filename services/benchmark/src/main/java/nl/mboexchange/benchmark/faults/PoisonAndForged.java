package nl.mboexchange.benchmark.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.CourseResultRecorded;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroDeserializer;
import nl.mboexchange.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Bad records between the slice's good ones on the host's channel to home, written with the host's own login: poison
 * (bytes that are not a record in the Confluent wire format) and forgeries (copies of the slice's real results with a
 * new event id, claiming the bystander member as their sender). Home must dead-letter each of them, and apply every
 * good record once.
 */
final class PoisonAndForged implements Fault {

    @Override
    public String name() {
        return "poison-and-forged";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws InterruptedException {
        var parameters = network.parameters();
        String channel = FaultNetwork.channel(FaultNetwork.HOST, FaultNetwork.HOME);
        network.sis().recordThenCorrect(slice.from(), slice.count());
        List<ConsumerRecord<String, byte[]>> originals = awaitResults(network, slice, channel, parameters.forged());
        List<ProducerRecord<String, byte[]>> bad = new ArrayList<>();
        for (int i = 0; i < Math.max(parameters.poison(), parameters.forged()); i++) {
            if (i < parameters.poison()) {
                String key = network.ids().of(slice.from() + i % slice.count()).toString();
                byte[] poison = ("not an Avro record: poison " + i).getBytes(StandardCharsets.UTF_8);
                bad.add(new ProducerRecord<>(channel, key, poison));
            }
            if (i < parameters.forged()) {
                bad.add(forged(network, originals.get(i % originals.size())));
            }
        }
        ChannelRecords.produce(network.nodeLogin(FaultNetwork.HOST), bad);
        return new Injection(
                parameters.poison() + " poison and " + parameters.forged() + " forged records (sender "
                        + FaultNetwork.BYSTANDER + ") on " + channel + ", with " + FaultNetwork.HOST + "'s login",
                System.nanoTime(),
                parameters.poison() + parameters.forged(),
                0,
                "");
    }

    /** The slice's results on the channel so far, at least one, to forge from; waits for the host to send one. */
    private static List<ConsumerRecord<String, byte[]>> awaitResults(
            FaultNetwork network, Slice slice, String channel, int wanted) throws InterruptedException {
        if (wanted == 0) {
            return List.of();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> found = ChannelRecords.read(
                            network.servers().kafkaOperator(),
                            channel,
                            key -> DuplicateDeliveries.inSlice(network, slice, key))
                    .stream()
                    .filter(PoisonAndForged::isResult)
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the host sent no results to forge from within 5 minutes");
            }
            Thread.sleep(200);
        }
    }

    private static boolean isResult(ConsumerRecord<String, byte[]> record) {
        var type = record.headers().lastHeader("mbo.event.type");
        return type != null && "CourseResultRecorded".equals(new String(type.value(), StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> forged(
            FaultNetwork network, ConsumerRecord<String, byte[]> original) {
        Map<String, Object> serde = new HashMap<>();
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, network.servers().schemaRegistryUrl());
        serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        serde.put(
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        try (var deserializer = new KafkaAvroDeserializer();
                var serializer = new KafkaAvroSerializer()) {
            deserializer.configure(serde, false);
            serializer.configure(serde, false);
            var result = (CourseResultRecorded)
                    deserializer.deserialize(original.topic(), original.headers(), original.value());
            CourseResultRecorded forgery = CourseResultRecorded.newBuilder(result)
                    .setEventId(UUID.randomUUID())
                    .setSenderSchool(FaultNetwork.BYSTANDER)
                    .build();
            byte[] value = serializer.serialize(original.topic(), forgery);
            return new ProducerRecord<>(original.topic(), null, original.key(), value, original.headers());
        }
    }
}
