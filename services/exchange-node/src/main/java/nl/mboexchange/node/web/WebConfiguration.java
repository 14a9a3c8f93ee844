package nl.mboexchange.node.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** How the REST API reads requests: their size, and their dates. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * After the security filters (order -100), so that a client that is not a registrar learns nothing, not even the
     * limit, and before anything reads the body.
     */
    static final int BODY_LIMIT_ORDER = 0;

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

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            ApiProperties properties, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxRequestBody().toBytes(), problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
