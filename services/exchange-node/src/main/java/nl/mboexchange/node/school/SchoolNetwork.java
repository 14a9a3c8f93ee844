package nl.mboexchange.node.school;

/**
 * The schools this node exchanges with: the members of the network, as the operator lists them. A school that is not
 * one gets no enrolment requests from this node, and what it sends is refused.
 */
public interface SchoolNetwork {

    /**
     * Whether the school is a member now.
     *
     * @throws MembershipUnknown while the node does not know the members yet (it has not read their list since it
     *     started); the caller tries again later rather than refuse a member
     */
    boolean isMember(SchoolCode school);

    /** The node does not know the members of the network yet. */
    final class MembershipUnknown extends RuntimeException {
        public MembershipUnknown(String message) {
            super(message);
        }
    }
}
