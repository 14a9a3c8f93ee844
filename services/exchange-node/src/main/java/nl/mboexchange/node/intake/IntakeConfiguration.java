package nl.mboexchange.node.intake;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The intake's settings, its readiness check, and how a failed poll is retried. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
public class IntakeConfiguration {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    IntakeHealthIndicator intakeHealthIndicator(ObjectProvider<IntakeMonitor> monitors) {
        return new IntakeHealthIndicator(monitors);
    }

    @Bean
    DatabaseProbe databaseProbe(JdbcTemplate jdbc) {
        return new DatabaseProbe(jdbc, PROBE_TIMEOUT);
    }

    /**
     * The error handler of a listener container: what reaches it is a poll that failed as a whole on the
     * infrastructure (a bad record is carved out by the listener itself), so it is retried, with a back-off that
     * doubles up to {@code mbo.intake.retry-max-interval}, for as long as the fault lasts; nothing is skipped.
     */
    public static DefaultErrorHandler retryingErrorHandler(IntakeProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        var handler = new DefaultErrorHandler(backOff);
        // The listener's monitor logs the fault, rate-limited; the handler's own line per attempt would flood the log.
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.DEBUG);
        return handler;
    }
}
