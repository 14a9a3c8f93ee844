package nl.mboexchange.node.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the REST API reads requests. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * A date in a request is a date and nothing else. Leniently, Jackson reads {@code 2025-09-01T23:30:00} as
     * 2025-09-01, dropping the time, and a number as a count of days since 1970; both would store a value the client
     * did not write.
     */
    @Bean
    JsonMapperBuilderCustomizer strictDates() {
        return builder -> builder.withConfigOverride(
                LocalDate.class, override -> override.setFormat(JsonFormat.Value.forLeniency(false)));
    }
}
