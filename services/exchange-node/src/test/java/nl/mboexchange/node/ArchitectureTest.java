package nl.mboexchange.node;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain free of frameworks, the adapters apart, the outbox free of the domain and the features acyclic. */
@AnalyzeClasses(packages = "nl.mboexchange.node", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain packages: the feature packages themselves, not their adapter subpackages. */
    private static final String[] DOMAIN = {
        "nl.mboexchange.node.shared",
        "nl.mboexchange.node.school",
        "nl.mboexchange.node.course",
        "nl.mboexchange.node.result",
        "nl.mboexchange.node.enrolment",
        "nl.mboexchange.node.enrolment.timeline"
    };

    @ArchTest
    static final ArchRule domain_uses_no_framework = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "org.apache.avro..",
                    "com.fasterxml.jackson..",
                    "tools.jackson..",
                    "jakarta..",
                    "io.micrometer..",
                    "java.sql..")
            .as("the domain is free of Spring, Kafka, Avro, Jackson, Jakarta, Micrometer and JDBC");

    @ArchTest
    static final ArchRule domain_knows_no_adapter = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..application..", "..persistence..", "..web..", "..json..", "..messaging..", "..outbox..")
            .as("the domain does not know its adapters");

    @ArchTest
    static final ArchRule web_does_not_reach_into_persistence = noClasses()
            .that()
            .resideInAnyPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..persistence..", "..outbox..", "org.springframework.jdbc..", "org.springframework.data..")
            .as("the REST API goes through the application services, never to the database");

    @ArchTest
    static final ArchRule persistence_does_not_call_web = noClasses()
            .that()
            .resideInAnyPackage("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..")
            .as("persistence does not know the REST API");

    @ArchTest
    static final ArchRule application_knows_no_web_or_database = noClasses()
            .that()
            .resideInAnyPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "..persistence..", "org.springframework.jdbc..", "org.springframework.web..")
            .as("the application services use ports, not adapters");

    @ArchTest
    static final ArchRule ooapi_reads_through_the_queries = noClasses()
            .that()
            .resideInAPackage("nl.mboexchange.node.ooapi..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..persistence..",
                    "..outbox..",
                    "..messaging..",
                    "..sis..",
                    "nl.mboexchange.node.enrolment.web..",
                    "nl.mboexchange.node.enrolment.json..",
                    "nl.mboexchange.exchange..",
                    "nl.mboexchange.sis..",
                    "org.apache.avro..",
                    "org.apache.kafka..",
                    "org.springframework.jdbc..")
            .as("the OOAPI view reads through the enrolment queries, never the database, the wire or /api/v1");

    @ArchTest
    static final ArchRule nothing_depends_on_the_ooapi_view = noClasses()
            .that()
            .resideOutsideOfPackage("nl.mboexchange.node.ooapi..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.mboexchange.node.ooapi..")
            .as("the OOAPI view is an adapter on its own: nothing else uses it");

    @ArchTest
    static final ArchRule console_uses_the_application_services = noClasses()
            .that()
            .resideInAPackage("..console..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..persistence..",
                    "..outbox..",
                    "..messaging..",
                    "..enrolment.web..",
                    "org.springframework.jdbc..",
                    "org.springframework.web.client..")
            .as("the console goes through the application services, as the REST API does, and never calls the API");

    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices().matching("nl.mboexchange.node.(*)..")
            .should()
            .beFreeOfCycles()
            .as("the node's feature packages depend on each other in one direction only");

    @ArchTest
    static final ArchRule outbox_knows_no_domain = noClasses()
            .that()
            .resideInAPackage("nl.mboexchange.node.outbox..")
            .should()
            .dependOnClassesThat(
                    resideInAnyPackage("nl.mboexchange.node..", "nl.mboexchange.exchange..", "nl.mboexchange.sis..")
                            .and(resideOutsideOfPackage("nl.mboexchange.node.outbox..")))
            .as("the outbox stores and sends records, and knows no domain type, contract or adapter");

    @ArchTest
    static final ArchRule exchange_messaging_calls_no_other_adapter = noClasses()
            .that()
            .resideInAPackage("nl.mboexchange.node.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("nl.mboexchange.node.sis..", "..web..", "nl.mboexchange.node.console..")
            .as("the exchange's Kafka adapter does not call the SIS or web adapters");

    @ArchTest
    static final ArchRule sis_calls_no_other_adapter = noClasses()
            .that()
            .resideInAPackage("nl.mboexchange.node.sis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("nl.mboexchange.node.messaging..", "..web..", "nl.mboexchange.node.console..")
            .as("the SIS adapter does not call the exchange's Kafka adapter or the web adapters");

    @ArchTest
    static final ArchRule web_calls_no_kafka_adapter = noClasses()
            .that()
            .resideInAnyPackage("..web..", "nl.mboexchange.node.console..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("nl.mboexchange.node.messaging..", "nl.mboexchange.node.sis..")
            .as("the REST API and the console do not call the Kafka adapters");
}
