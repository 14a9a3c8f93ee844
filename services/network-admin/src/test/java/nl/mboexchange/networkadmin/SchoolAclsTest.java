package nl.mboexchange.networkadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

/** What a school's two logins may do, as ACLs: nothing beyond its own channels, topics and groups. */
class SchoolAclsTest {

    private final NetworkTopics topics = new NetworkTopics("mbo.");

    @Test
    void a_node_writes_its_own_channels_reads_those_to_it_and_uses_its_own_topics_and_groups() {
        List<String> node = describe(SchoolAcls.of(topics, "25LX", List.of("30GH", "41KM")), "User:node-25LX");

        assertThat(node)
                .containsExactlyInAnyOrder(
                        "WRITE TOPIC mbo.exchange.25LX. PREFIXED",
                        "READ TOPIC mbo.exchange.30GH.25LX LITERAL",
                        "READ TOPIC mbo.exchange.41KM.25LX LITERAL",
                        "READ TOPIC mbo.school.25LX. PREFIXED",
                        "WRITE TOPIC mbo.school.25LX. PREFIXED",
                        "READ GROUP exchange-node-25LX PREFIXED",
                        "READ TOPIC mbo.network.members LITERAL");
    }

    @Test
    void a_sis_writes_its_commands_reads_its_events_and_nothing_else() {
        List<String> sis = describe(SchoolAcls.of(topics, "25LX", List.of("30GH")), "User:sis-25LX");

        assertThat(sis)
                .containsExactlyInAnyOrder(
                        "WRITE TOPIC mbo.school.25LX.commands LITERAL",
                        "READ TOPIC mbo.school.25LX.events LITERAL",
                        "READ GROUP sis-25LX PREFIXED");
    }

    @Test
    void no_acl_allows_creating_a_topic_or_anything_on_the_cluster() {
        assertThat(SchoolAcls.of(topics, "25LX", List.of("30GH")))
                .extracting(acl -> acl.entry().operation())
                .doesNotContain(AclOperation.CREATE, AclOperation.ALL, AclOperation.ALTER, AclOperation.DELETE);
        assertThat(SchoolAcls.of(topics, "25LX", List.of("30GH")))
                .extracting(acl -> acl.pattern().patternType())
                .containsOnly(PatternType.LITERAL, PatternType.PREFIXED);
    }

    private static List<String> describe(List<AclBinding> acls, String principal) {
        return acls.stream()
                .filter(acl -> acl.entry().principal().equals(principal))
                .map(acl -> acl.entry().operation() + " " + acl.pattern().resourceType() + " "
                        + acl.pattern().name() + " " + acl.pattern().patternType())
                .toList();
    }
}
