package nl.mboexchange.serde;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.mboexchange.serde.subject.RecordNameStrategy;
import nl.mboexchange.serde.subject.SubjectNameStrategy;
import nl.mboexchange.serde.subject.TopicNameStrategy;
import nl.mboexchange.serde.subject.TopicRecordNameStrategy;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys of {@link KafkaAvroSerializer} and {@link KafkaAvroDeserializer}, read from the map Kafka
 * hands to {@code configure}. The keys, values and meanings are those of Confluent's
 * {@code AbstractKafkaSchemaSerDeConfig}, so a deployment can switch between this library and Confluent's
 * serializers by changing only the serializer class names. Keys that Confluent does not have are marked.
 *
 * <p>Values may be strings, as in a properties file, or typed objects (booleans, numbers, lists, classes).
 */
public final class AvroSerdeConfig {

    /** Comma-separated base URLs of the registry; each may have a path. Required. */
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";

    /** Whether the serializer registers the record's schema; {@code true} by default. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    /**
     * Whether the serializer writes with the subject's latest version instead of looking the record's own schema
     * up; {@code false} by default. Takes effect only when {@link #AUTO_REGISTER_SCHEMAS} is {@code false}, as in
     * Confluent's. On the deserializer it makes the latest version the reader schema of generic records.
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";

    /**
     * With {@link #USE_LATEST_VERSION}, whether the serializer refuses a latest version that cannot read the
     * record's own schema; {@code true} by default.
     */
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";

    /** Seconds the latest version of a subject is cached; -1 (the default) caches it for the client's life. */
    public static final String LATEST_CACHE_TTL = "latest.cache.ttl.sec";

    /** Whether the deserializer returns generated classes instead of generic records; {@code false} by default. */
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";

    /** Generated class the key deserializer reads into, whatever the writer schema's name. Optional. */
    public static final String SPECIFIC_AVRO_KEY_TYPE_CONFIG = "specific.avro.key.type";

    /** Generated class the value deserializer reads into, whatever the writer schema's name. Optional. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE_CONFIG = "specific.avro.value.type";

    /** Whether generic records use Java types for logical types (Instant, BigDecimal, UUID...); false by default. */
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG = "avro.use.logical.type.converters";

    /**
     * Subject name strategy for keys: a class name, ours or Confluent's (see {@link #subjectNameStrategy}).
     * {@code TopicNameStrategy} by default.
     */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

    /** Subject name strategy for values, as {@link #KEY_SUBJECT_NAME_STRATEGY}. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /** Where basic-auth credentials come from: {@code URL} (the default, the URL's user info) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

    /** {@code user:password} used when {@link #BASIC_AUTH_CREDENTIALS_SOURCE} is {@code USER_INFO}. */
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";

    /** Alias of {@link #USER_INFO_CONFIG} that Confluent also accepts. */
    public static final String SCHEMA_REGISTRY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";

    /** Retries of a registry request that failed for want of a registry; 3 by default, 0 for none. */
    public static final String MAX_RETRIES_CONFIG = "max.retries";

    /** Milliseconds before the first retry, doubled before each further one; 200 by default (Confluent: 1000). */
    public static final String RETRIES_WAIT_MS_CONFIG = "retries.wait.ms";

    /** Longest wait in milliseconds between two attempts; 2000 by default (Confluent: 20000). */
    public static final String RETRIES_MAX_WAIT_MS_CONFIG = "retries.max.wait.ms";

    /** Milliseconds to wait for a connection to the registry; 5000 by default (Confluent: 60000). */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

    /** Milliseconds to wait for the registry's answer; 10000 by default (Confluent: 60000). */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    /**
     * Not in Confluent's. Comma-separated packages whose generated classes the deserializer may instantiate;
     * {@code nl.mboexchange} by default; an empty value adds none. Applied only with the specific reader. See
     * {@link AvroClassTrust}.
     */
    public static final String AVRO_TRUSTED_PACKAGES_CONFIG = "avro.trusted.packages";

    /** The package trusted when {@link #AVRO_TRUSTED_PACKAGES_CONFIG} is not set. */
    public static final String DEFAULT_TRUSTED_PACKAGE = "nl.mboexchange";

    private static final String CONFLUENT_STRATEGIES = "io.confluent.kafka.serializers.subject.";

    private final Map<String, ?> originals;

    /**
     * @param originals the configuration map, as Kafka passes it to {@code configure}
     */
    public AvroSerdeConfig(Map<String, ?> originals) {
        this.originals = Map.copyOf(withoutNullValues(originals));
    }

    /** @return how to reach the registry */
    public RegistrySettings registrySettings() {
        List<URI> urls = list(SCHEMA_REGISTRY_URL_CONFIG).stream()
                .map(AvroSerdeConfig::uri)
                .toList();
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG + " is required");
        }
        String source = string(BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        String userInfo = switch (source) {
            case "URL" -> null;
            case "USER_INFO" ->
                string(USER_INFO_CONFIG)
                        .or(() -> string(SCHEMA_REGISTRY_USER_INFO_CONFIG))
                        .orElseThrow(() -> new ConfigException(USER_INFO_CONFIG + " is required when "
                                + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO"));
            default ->
                throw new ConfigException(
                        BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported values are URL and USER_INFO");
        };
        try {
            return new RegistrySettings(
                    urls,
                    userInfo,
                    Duration.ofMillis(
                            number(HTTP_CONNECT_TIMEOUT_MS, RegistrySettings.DEFAULT_CONNECT_TIMEOUT.toMillis())),
                    Duration.ofMillis(
                            number(HTTP_READ_TIMEOUT_MS, RegistrySettings.DEFAULT_REQUEST_TIMEOUT.toMillis())),
                    (int) number(MAX_RETRIES_CONFIG, RegistrySettings.DEFAULT_MAX_RETRIES),
                    Duration.ofMillis(number(RETRIES_WAIT_MS_CONFIG, RegistrySettings.DEFAULT_RETRY_WAIT.toMillis())),
                    Duration.ofMillis(
                            number(RETRIES_MAX_WAIT_MS_CONFIG, RegistrySettings.DEFAULT_RETRY_MAX_WAIT.toMillis())),
                    Duration.ofSeconds(number(LATEST_CACHE_TTL, -1)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid schema registry settings: " + e.getMessage());
        }
    }

    /** @return value of {@link #AUTO_REGISTER_SCHEMAS} */
    public boolean autoRegisterSchemas() {
        return bool(AUTO_REGISTER_SCHEMAS, true);
    }

    /** @return value of {@link #USE_LATEST_VERSION} */
    public boolean useLatestVersion() {
        return bool(USE_LATEST_VERSION, false);
    }

    /** @return value of {@link #LATEST_COMPATIBILITY_STRICT} */
    public boolean latestCompatibilityStrict() {
        return bool(LATEST_COMPATIBILITY_STRICT, true);
    }

    /** @return value of {@link #SPECIFIC_AVRO_READER_CONFIG} */
    public boolean specificAvroReader() {
        return bool(SPECIFIC_AVRO_READER_CONFIG, false);
    }

    /** @return value of {@link #AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG} */
    public boolean useLogicalTypeConverters() {
        return bool(AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, false);
    }

    /**
     * @param isKey whether for the key deserializer
     * @return the class name of {@link #SPECIFIC_AVRO_KEY_TYPE_CONFIG} or {@link #SPECIFIC_AVRO_VALUE_TYPE_CONFIG}
     */
    public Optional<String> specificAvroType(boolean isKey) {
        return string(isKey ? SPECIFIC_AVRO_KEY_TYPE_CONFIG : SPECIFIC_AVRO_VALUE_TYPE_CONFIG);
    }

    /** @return the packages of {@link #AVRO_TRUSTED_PACKAGES_CONFIG}, {@code nl.mboexchange} if not set */
    public List<String> trustedPackages() {
        return originals.containsKey(AVRO_TRUSTED_PACKAGES_CONFIG)
                ? list(AVRO_TRUSTED_PACKAGES_CONFIG)
                : List.of(DEFAULT_TRUSTED_PACKAGE);
    }

    /**
     * @param isKey whether for keys
     * @return the strategy configured for keys or values
     */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return subjectNameStrategy(originals.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
    }

    /**
     * Resolves a configured strategy. Confluent's {@code io.confluent.kafka.serializers.subject.TopicNameStrategy},
     * {@code RecordNameStrategy} and {@code TopicRecordNameStrategy} map to the classes of the same simple name in
     * {@code nl.mboexchange.serde.subject}; any other value must name a {@link SubjectNameStrategy} with a public
     * no-argument constructor, or be a {@code Class} or an instance of one.
     *
     * @param value the configured value; {@code null} for the default
     * @return the strategy
     */
    public static SubjectNameStrategy subjectNameStrategy(Object value) {
        if (value == null) {
            return new TopicNameStrategy();
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        String name = value instanceof Class<?> type
                ? type.getName()
                : value.toString().trim();
        if (name.isEmpty()) {
            return new TopicNameStrategy();
        }
        String simpleName = name.startsWith(CONFLUENT_STRATEGIES) ? name.substring(CONFLUENT_STRATEGIES.length()) : "";
        if (simpleName.equals("TopicNameStrategy") || name.equals(TopicNameStrategy.class.getName())) {
            return new TopicNameStrategy();
        }
        if (simpleName.equals("RecordNameStrategy") || name.equals(RecordNameStrategy.class.getName())) {
            return new RecordNameStrategy();
        }
        if (simpleName.equals("TopicRecordNameStrategy") || name.equals(TopicRecordNameStrategy.class.getName())) {
            return new TopicRecordNameStrategy();
        }
        try {
            Class<?> type = Class.forName(name, true, classLoader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(
                        "subject name strategy", name, "must implement " + SubjectNameStrategy.class.getName());
            }
            return (SubjectNameStrategy) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigException("subject name strategy", name, "no such class");
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new ConfigException("subject name strategy", name, "cannot be instantiated: " + cause);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AvroSerdeConfig.class.getClassLoader();
    }

    private Optional<String> string(String key) {
        Object value = originals.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof Class<?> type
                ? type.getName()
                : value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private boolean bool(String key, boolean defaultValue) {
        Object value = originals.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(key, value, "expected true or false");
    }

    private long number(String key, long defaultValue) {
        Object value = originals.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
    }

    private List<String> list(String key) {
        Object value = originals.get(key);
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item)));
        } else if (value != null) {
            items.addAll(List.of(value.toString().split(",")));
        }
        return items.stream().map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, text, "not a URL");
        }
    }

    private static Map<String, ?> withoutNullValues(Map<String, ?> originals) {
        Map<String, Object> copy = new HashMap<>();
        originals.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
