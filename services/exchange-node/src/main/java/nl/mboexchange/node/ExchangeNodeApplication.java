package nl.mboexchange.node;

import java.time.Clock;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The exchange node of one school: its enrolments and results, exchanged with the other schools' nodes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeNodeApplication.class, args);
    }

    /** The school this node is. */
    @Bean
    SchoolCode self(NodeProperties properties) {
        return properties.school();
    }

    /** The time of the node; a test that moves time supplies its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
