package nl.mboexchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mboexchange.serde.subject.RecordNameStrategy;
import nl.mboexchange.serde.subject.SubjectNameStrategy;
import nl.mboexchange.serde.subject.TopicNameStrategy;
import nl.mboexchange.serde.subject.TopicRecordNameStrategy;
import nl.mboexchange.serde.test.CourseResult;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroSerdeConfigTest {

    @ParameterizedTest
    @CsvSource({
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, false, results-value",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, true, results-key",
        "nl.mboexchange.serde.subject.TopicNameStrategy, false, results-value",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, true, nl.mboexchange.serde.test.CourseResult",
        "nl.mboexchange.serde.subject.RecordNameStrategy, false, nl.mboexchange.serde.test.CourseResult",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, false, "
                + "results-nl.mboexchange.serde.test.CourseResult",
    })
    void namesSubjectsWithConfluentsOrOurStrategyClasses(String strategy, boolean isKey, String subject) {
        SubjectNameStrategy resolved = AvroSerdeConfig.subjectNameStrategy(strategy);

        assertThat(resolved.subjectName("results", isKey, CourseResult.getClassSchema()))
                .isEqualTo(subject);
    }

    @Test
    void usesTopicNameStrategyUnlessToldOtherwise() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                RecordNameStrategy.class,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                new TopicRecordNameStrategy()));

        assertThat(new AvroSerdeConfig(Map.of()).subjectNameStrategy(false)).isInstanceOf(TopicNameStrategy.class);
        assertThat(config.subjectNameStrategy(true)).isInstanceOf(RecordNameStrategy.class);
        assertThat(config.subjectNameStrategy(false)).isInstanceOf(TopicRecordNameStrategy.class);
    }

    @Test
    void refusesAStrategyThatIsNotOne() {
        assertThatThrownBy(() -> AvroSerdeConfig.subjectNameStrategy("com.example.NoSuchStrategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such class");
        assertThatThrownBy(() -> AvroSerdeConfig.subjectNameStrategy("java.lang.String"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must implement");
    }

    @Test
    void readsConfluentsDefaultsAndOurs() {
        AvroSerdeConfig config =
                new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:8081"));

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.latestCompatibilityStrict()).isTrue();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.trustedPackages()).containsExactly("nl.mboexchange");
        RegistrySettings settings = config.registrySettings();
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.userInfo()).isNull();
    }

    @Test
    void readsStringsAsAPropertiesFileGivesThem() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, " http://a:8081/apis/ccompat/v7 ,http://b:8081 ",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "FALSE",
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true",
                AvroSerdeConfig.MAX_RETRIES_CONFIG, "0",
                AvroSerdeConfig.AVRO_TRUSTED_PACKAGES_CONFIG, "nl.mboexchange.events, org.example",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.SCHEMA_REGISTRY_USER_INFO_CONFIG, "node:s3cret"));

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.trustedPackages()).containsExactly("nl.mboexchange.events", "org.example");
        assertThat(config.registrySettings().urls())
                .containsExactly(URI.create("http://a:8081/apis/ccompat/v7"), URI.create("http://b:8081"));
        assertThat(config.registrySettings().maxRetries()).isZero();
        assertThat(config.registrySettings().userInfo()).isEqualTo("node:s3cret");
        assertThat(config.registrySettings().toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesMissingOrMeaninglessSettings() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of()).registrySettings())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG);
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "ftp://x"))
                        .registrySettings())
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() ->
                        new AvroSerdeConfig(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")).autoRegisterSchemas())
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(
                                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                                List.of("http://a:8081"),
                                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                                "USER_INFO"))
                        .registrySettings())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.USER_INFO_CONFIG);
    }
}
