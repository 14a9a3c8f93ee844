package nl.mboexchange.serde;

import static nl.mboexchange.serde.CourseResultFixture.passedCourseResult;
import static nl.mboexchange.serde.CourseResultFixture.passedCourseResultInVersion1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import nl.mboexchange.serde.test.CourseResult;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaAvroSerializerTest {

    private static final String TOPIC = "course-results";
    private static final String VALUE_SUBJECT = TOPIC + "-value";

    private FakeSchemaRegistry registry;

    @BeforeEach
    void startRegistry() {
        registry = FakeSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void writesTheMagicByteTheBigEndianSchemaIdAndThePlainAvroBody() throws IOException {
        registry.register("some-other-subject", CourseResultFixture.VERSION_1);
        registry.register("yet-another-subject", CourseResultFixture.WITHOUT_DEFAULT);

        byte[] bytes = valueSerializer().serialize(TOPIC, passedCourseResult());

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
                .isEqualTo(3)
                .isEqualTo(registry.register(VALUE_SUBJECT, CourseResult.getClassSchema()));
        assertThat(Arrays.copyOfRange(bytes, WireFormat.HEADER_SIZE, bytes.length))
                .isEqualTo(plainAvro(passedCourseResult()));
    }

    @Test
    void registersValuesUnderTopicValueAndKeysUnderTopicKeyByDefault() {
        valueSerializer().serialize(TOPIC, passedCourseResult());
        KafkaAvroSerializer keys = new KafkaAvroSerializer();
        keys.configure(registry.config(), true);
        keys.serialize(TOPIC, "25LX-000123");

        assertThat(registry.subjects()).containsExactlyInAnyOrder("course-results-value", "course-results-key");
    }

    @Test
    void registersUnderTheRecordsFullNameWithConfluentsRecordNameStrategy() {
        valueSerializer(
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .serialize(TOPIC, passedCourseResult());

        assertThat(registry.subjects()).containsExactly("nl.mboexchange.serde.test.CourseResult");
    }

    @Test
    void registersUnderTopicAndRecordNameWithTopicRecordNameStrategy() {
        valueSerializer(
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "nl.mboexchange.serde.subject.TopicRecordNameStrategy")
                .serialize(TOPIC, passedCourseResult());

        assertThat(registry.subjects()).containsExactly("course-results-nl.mboexchange.serde.test.CourseResult");
    }

    @Test
    void callsTheRegistryOnlyForTheFirstRecordOfASchema() {
        KafkaAvroSerializer serializer = valueSerializer();

        byte[] first = serializer.serialize(TOPIC, passedCourseResult());
        byte[] second = serializer.serialize(TOPIC, passedCourseResult());

        assertThat(second).isEqualTo(first);
        assertThat(registry.requests()).containsExactly("POST /subjects/course-results-value/versions");
    }

    @Test
    void reportsASchemaTheRegistryRefusesAsIncompatible() {
        registry.register(VALUE_SUBJECT, CourseResultFixture.VERSION_1);

        GenericRecord withoutDefault = new GenericData.Record(CourseResultFixture.WITHOUT_DEFAULT);
        withoutDefault.put("studentId", "25LX-000123");
        withoutDefault.put("courseCode", "K0080");
        withoutDefault.put("grade", "7.5");
        withoutDefault.put("recordedAt", 0L);
        withoutDefault.put("examiner", "J. de Vries");

        assertThatThrownBy(() -> valueSerializer().serialize(TOPIC, withoutDefault))
                .isInstanceOf(IncompatibleSchema.class)
                .hasMessageContaining("409");
    }

    @Test
    void looksTheSchemaUpInsteadOfRegisteringItWhenAutoRegisterIsOff() {
        int id = registry.register(VALUE_SUBJECT, CourseResult.getClassSchema());

        byte[] bytes =
                valueSerializer(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false").serialize(TOPIC, passedCourseResult());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(registry.requests()).containsExactly("POST /subjects/course-results-value");
    }

    @Test
    void refusesToWriteASchemaThatIsNotRegisteredWhenAutoRegisterIsOff() {
        registry.register(VALUE_SUBJECT, CourseResultFixture.VERSION_1);

        assertThatThrownBy(() -> valueSerializer(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)
                        .serialize(TOPIC, passedCourseResult()))
                .isInstanceOf(SchemaNotRegistered.class)
                .hasMessageContaining(VALUE_SUBJECT);
        assertThat(registry.subjects()).containsExactly(VALUE_SUBJECT);
    }

    @Test
    void writesWithTheLatestVersionResolvingAnOlderRecordIntoIt() {
        registry.register(VALUE_SUBJECT, CourseResultFixture.VERSION_1);
        int latestId = registry.register(VALUE_SUBJECT, CourseResult.getClassSchema());

        byte[] bytes = valueSerializer(
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true)
                .serialize(TOPIC, passedCourseResultInVersion1());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latestId);
        assertThat(registry.requests()).containsExactly("GET /subjects/course-results-value/versions/latest");
        CourseResult read = (CourseResult) specificDeserializer().deserialize(TOPIC, bytes);
        assertThat(read.getAttempt()).isEqualTo(1);
        assertThat(read.getRecordedAt()).isEqualTo(CourseResultFixture.RECORDED_AT);
    }

    @Test
    void refusesALatestVersionThatCannotReadTheRecord() {
        registry.register(VALUE_SUBJECT, CourseResultFixture.VERSION_1);
        registry.register(VALUE_SUBJECT, CourseResultFixture.WITHOUT_DEFAULT);

        assertThatThrownBy(() -> valueSerializer(
                                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true)
                        .serialize(TOPIC, passedCourseResultInVersion1()))
                .isInstanceOf(IncompatibleSchema.class)
                .hasMessageContaining("examiner");
    }

    @Test
    void passesATombstoneThroughWithoutCallingTheRegistry() {
        assertThat(valueSerializer().serialize(TOPIC, null)).isNull();
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void reportsARecordThatDoesNotFitItsSchemaAsInvalid() {
        GenericRecord missingGrade = passedCourseResultInVersion1();
        missingGrade.put("grade", null);

        assertThatThrownBy(() -> valueSerializer().serialize(TOPIC, missingGrade))
                .isInstanceOf(InvalidRecord.class)
                .hasMessageContaining("grade");
    }

    @Test
    void refusesAValueThatIsNotAvro() {
        assertThatThrownBy(() -> valueSerializer().serialize(TOPIC, new Object()))
                .isInstanceOf(UnsupportedValueType.class)
                .hasMessageContaining("java.lang.Object");
    }

    private KafkaAvroSerializer valueSerializer(Object... config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(config), false);
        return serializer;
    }

    private KafkaAvroDeserializer specificDeserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(registry.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        return deserializer;
    }

    private static byte[] plainAvro(CourseResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(CourseResult.class).write(result, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
