package nl.mboexchange.networkadmin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a school, as narrow as the design allows. Its node writes the channels it sends on ({@code
 * exchange.<self>.*}), reads each channel addressed to it (one literal ACL per member, so that nobody can open a
 * channel to a school by naming a topic), reads and writes its own {@code school.<self>.*} topics, uses only its own
 * consumer groups, and reads the members list. Its SIS writes the school's commands topic, reads its events topic and
 * uses its own consumer groups; nothing else. Nothing here allows creating a topic: the operator creates them.
 */
public final class SchoolAcls {

    private SchoolAcls() {}

    /** Everything the school's node and SIS may do, given the other members at the time it joins. */
    public static List<AclBinding> of(NetworkTopics topics, String code, Collection<String> otherMembers) {
        List<AclBinding> acls = new ArrayList<>();
        String node = SchoolLogins.nodePrincipal(code);
        acls.add(allow(node, ResourceType.TOPIC, topics.channelsFrom(code), PatternType.PREFIXED, AclOperation.WRITE));
        for (String other : otherMembers) {
            acls.add(readChannel(topics, other, code));
        }
        acls.add(allow(node, ResourceType.TOPIC, topics.schoolTopics(code), PatternType.PREFIXED, AclOperation.READ));
        acls.add(allow(node, ResourceType.TOPIC, topics.schoolTopics(code), PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow(
                node, ResourceType.GROUP, SchoolLogins.nodeGroups(code), PatternType.PREFIXED, AclOperation.READ));
        acls.add(allow(node, ResourceType.TOPIC, topics.members(), PatternType.LITERAL, AclOperation.READ));

        String sis = SchoolLogins.sisPrincipal(code);
        acls.add(allow(sis, ResourceType.TOPIC, topics.commands(code), PatternType.LITERAL, AclOperation.WRITE));
        acls.add(allow(sis, ResourceType.TOPIC, topics.events(code), PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(sis, ResourceType.GROUP, SchoolLogins.sisGroups(code), PatternType.PREFIXED, AclOperation.READ));
        return acls;
    }

    /** The right of {@code to}'s node to read the channel from {@code from}. */
    public static AclBinding readChannel(NetworkTopics topics, String from, String to) {
        return allow(
                SchoolLogins.nodePrincipal(to),
                ResourceType.TOPIC,
                topics.channel(from, to),
                PatternType.LITERAL,
                AclOperation.READ);
    }

    static AclBinding allow(
            String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
