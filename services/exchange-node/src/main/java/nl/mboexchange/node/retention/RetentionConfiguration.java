package nl.mboexchange.node.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The removal of personal data that retention and erasure share, the retention job, and its own thread that runs it every {@link RetentionProperties#interval()}. The thread is kept
 * out of the context as an executor bean, which would take the place of the executor Spring Boot otherwise provides.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    PersonalDataRemoval personalDataRemoval(JdbcTemplate jdbc) {
        return new PersonalDataRemoval(jdbc);
    }

    @Bean
    RetentionJob retentionJob(
            JdbcTemplate jdbc,
            PersonalDataRemoval removal,
            TransactionTemplate transactions,
            RetentionProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new RetentionJob(jdbc, removal, transactions, properties, clock, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "mbo.retention.enabled", havingValue = "true", matchIfMissing = true)
    RetentionSchedule retentionSchedule(RetentionJob job, RetentionProperties properties) {
        return new RetentionSchedule(job, properties);
    }

    /** The thread that runs the job, until the node stops. */
    static final class RetentionSchedule implements AutoCloseable {

        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread retention = new Thread(runnable, "retention");
            retention.setDaemon(true);
            return retention;
        });

        RetentionSchedule(RetentionJob job, RetentionProperties properties) {
            long every = properties.interval().toMillis();
            thread.scheduleWithFixedDelay(job::runScheduled, every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }
}
