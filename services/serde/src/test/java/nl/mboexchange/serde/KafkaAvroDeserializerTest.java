package nl.mboexchange.serde;

import static nl.mboexchange.serde.CourseResultFixture.passedCourseResult;
import static nl.mboexchange.serde.CourseResultFixture.passedCourseResultAs;
import static nl.mboexchange.serde.CourseResultFixture.passedCourseResultInVersion1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import nl.mboexchange.serde.test.CourseResult;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaAvroDeserializerTest {

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
    void readsAGeneratedRecordBackAsAGenericRecordByDefault() {
        byte[] bytes = serialize(passedCourseResult());

        Object read = deserializer().deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        GenericRecord record = (GenericRecord) read;
        assertThat(record.get("courseCode")).hasToString("K0080");
        assertThat(record.get("recordedAt")).isEqualTo(CourseResultFixture.RECORDED_AT.toEpochMilli());
        assertThat(record.get("attempt")).isEqualTo(2);
    }

    @Test
    void readsTheGeneratedClassWithTheSpecificReader() {
        byte[] bytes = serialize(passedCourseResult());

        Object read = deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true")
                .deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(passedCourseResult());
    }

    @Test
    void resolvesARecordWrittenWithAnOlderSchemaIntoTheCurrentGeneratedClass() {
        byte[] bytes = serialize(passedCourseResultInVersion1());

        CourseResult read = (CourseResult)
                deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true).deserialize(TOPIC, bytes);

        assertThat(read.getStudentId()).isEqualTo("25LX-000123");
        assertThat(read.getRecordedAt()).isEqualTo(CourseResultFixture.RECORDED_AT);
        assertThat(read.getAttempt())
                .as("default of the field added in version 2")
                .isEqualTo(1);
    }

    @Test
    void readsIntoTheConfiguredValueTypeAWriterSchemaOfAnotherNameThatItAliases() {
        Schema partnerResult = new Schema.Parser()
                .parse(CourseResultFixture.VERSION_1.toString().replace("\"CourseResult\"", "\"PartnerResult\""));
        byte[] bytes = serialize(passedCourseResultAs(partnerResult));

        Object read = deserializer(
                        AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
                        true,
                        AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG,
                        CourseResult.class.getName())
                .deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(CourseResult.class);
        assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)
                        .deserialize(TOPIC, bytes))
                .isInstanceOf(SpecificClassNotFound.class);
    }

    @Test
    void readsAsTheLatestVersionWithUseLatestVersion() {
        byte[] bytes = serialize(passedCourseResultInVersion1());
        registry.register(VALUE_SUBJECT, CourseResult.getClassSchema());

        GenericRecord read = (GenericRecord)
                deserializer(AvroSerdeConfig.USE_LATEST_VERSION, true).deserialize(TOPIC, bytes);

        assertThat(read.getSchema().getField("attempt")).isNotNull();
        assertThat(read.get("attempt")).isEqualTo(1);
    }

    @Test
    void reportsAGeneratedClassThatCannotReadTheWriterSchemaAsIncompatible() {
        Schema numericGrade = new Schema.Parser()
                .parse(CourseResultFixture.VERSION_1
                        .toString()
                        .replace("\"name\":\"grade\",\"type\":\"string\"", "\"name\":\"grade\",\"type\":\"double\""));
        GenericRecord record = passedCourseResultAs(numericGrade);
        record.put("grade", 7.5);
        byte[] bytes = serialize(record);

        assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)
                        .deserialize(TOPIC, bytes))
                .isInstanceOf(IncompatibleSchema.class)
                .hasMessageContaining("grade");
    }

    @Test
    void readsPrimitivesAsJavaValuesAndBytesRawAsConfluentWritesThem() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(), true);
        byte[] key = serializer.serialize(TOPIC, "25LX-000123");
        byte[] raw = serializer.serialize(TOPIC, new byte[] {1, 2, 3});
        KafkaAvroDeserializer keys = new KafkaAvroDeserializer();
        keys.configure(registry.config(), true);

        assertThat(keys.deserialize(TOPIC, key)).isEqualTo("25LX-000123");
        assertThat(Arrays.copyOfRange(raw, WireFormat.HEADER_SIZE, raw.length)).containsExactly(1, 2, 3);
        assertThat(keys.deserialize(TOPIC, raw)).isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void readsATombstoneAsNull() {
        assertThat(deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(registry.requestCount()).isZero();
    }

    @Test
    void refusesBytesWithAnotherMagicByte() {
        byte[] bytes = serialize(passedCourseResult());
        bytes[0] = 1;

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(UnknownMagicByte.class)
                .hasMessageContaining("0x01");
        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, "{\"json\": true}".getBytes()))
                .isInstanceOf(UnknownMagicByte.class);
    }

    @Test
    void refusesBytesShorterThanTheHeader() {
        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(TruncatedRecord.class)
                .hasMessageContaining("3");
        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[0])).isInstanceOf(TruncatedRecord.class);
    }

    @Test
    void refusesABodyThatEndsEarly() {
        byte[] bytes = serialize(passedCourseResult());

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(TruncatedRecord.class);
    }

    @Test
    void refusesABodyWithBytesLeftOver() {
        byte[] bytes = serialize(passedCourseResult());

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length + 2)))
                .isInstanceOf(MalformedRecord.class)
                .hasMessageContaining("left over");
    }

    @Test
    void refusesABodyThatIsNotAvro() {
        byte[] bytes = {0, 0, 0, 0, 1, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x7f};
        registry.register(VALUE_SUBJECT, CourseResultFixture.VERSION_1);

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(MalformedRecord.class)
                .isNotInstanceOf(TruncatedRecord.class);
    }

    @Test
    void reportsAnIdTheRegistryDoesNotKnow() {
        byte[] bytes = {0, 0, 0, 0, 42, 2, 'x'};

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(UnknownSchemaId.class)
                .hasMessageContaining("42")
                .satisfies(
                        e -> assertThat(((AvroSerdeException) e).isRetriable()).isFalse());
    }

    @Test
    void fetchesEachWriterSchemaOnce() {
        byte[] bytes = serialize(passedCourseResult());
        int before = registry.requestCount();
        KafkaAvroDeserializer deserializer = deserializer();

        deserializer.deserialize(TOPIC, bytes);
        deserializer.deserialize(TOPIC, bytes);

        assertThat(registry.requests().subList(before, registry.requestCount())).containsExactly("GET /schemas/ids/1");
    }

    @Test
    void reportsAMissingGeneratedClassForTheSpecificReader() {
        Schema unknown = new Schema.Parser().parse("""
                {"type": "record", "name": "NoSuchClass", "namespace": "nl.mboexchange.serde.test",
                 "fields": [{"name": "id", "type": "string"}]}
                """);
        GenericRecord record = new GenericData.Record(unknown);
        record.put("id", "x");
        byte[] bytes = serialize(record);

        assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)
                        .deserialize(TOPIC, bytes))
                .isInstanceOf(SpecificClassNotFound.class)
                .hasMessageContaining("nl.mboexchange.serde.test.NoSuchClass");
    }

    @Test
    void refusesAGeneratedClassOutsideTheTrustedPackages() {
        byte[] bytes = serialize(new org.example.partner.refused.Badge("visitor"));

        assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)
                        .deserialize(TOPIC, bytes))
                .isInstanceOf(UntrustedClass.class)
                .hasMessageContaining("org.example.partner.refused.Badge")
                .hasMessageContaining(AvroSerdeConfig.AVRO_TRUSTED_PACKAGES_CONFIG);
        assertThat(AvroClassTrust.isTrusted(org.example.partner.refused.Badge.class))
                .isFalse();
    }

    @Test
    void trustsTheConfiguredPackagesOnly() {
        byte[] bytes = serialize(new org.example.partner.trusted.Badge("visitor"));

        Object read = deserializer(
                        AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
                        true,
                        AvroSerdeConfig.AVRO_TRUSTED_PACKAGES_CONFIG,
                        "nl.mboexchange, org.example.partner.trusted")
                .deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(new org.example.partner.trusted.Badge("visitor"));
        assertThat(AvroClassTrust.isTrusted(org.example.partner.refused.Badge.class))
                .isFalse();
        assertThat(AvroClassTrust.isTrusted(CourseResult.class)).isTrue();
    }

    @Test
    void trustsNoWildcard() {
        assertThatThrownBy(() -> AvroClassTrust.trustPackages(List.of("*")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAnUnreachableRegistryAsRetriable() {
        byte[] bytes = serialize(passedCourseResult());
        KafkaAvroDeserializer deserializer = deserializer();
        registry.failNext(3, 503, 50003);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(RegistryUnavailable.class)
                .satisfies(
                        e -> assertThat(((AvroSerdeException) e).isRetriable()).isTrue());
    }

    private byte[] serialize(Object value) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(), false);
        return serializer.serialize(TOPIC, value);
    }

    private KafkaAvroDeserializer deserializer(Object... config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(registry.config(config), false);
        return deserializer;
    }
}
