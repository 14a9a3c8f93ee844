package nl.mboexchange.benchmark.node;

import java.util.UUID;

/**
 * The enrolments of a run, numbered from 0: the id of enrolment {@code i} carries the run's salt and {@code i}, so
 * either node turns an id it sees back into the number without a lookup, and ids of another run never match.
 */
public final class EnrolmentIds {

    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long INDEX_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final long salt;

    public EnrolmentIds(long salt) {
        // Version 4 in the high half, like a random UUID.
        this.salt = (salt & 0xFFFF_FFFF_FFFF_0FFFL) | 0x4000L;
    }

    long salt() {
        return salt;
    }

    public UUID of(int index) {
        return new UUID(salt, VARIANT | index);
    }

    /** The number of an enrolment of this run, or -1 for any other id. */
    public int indexOf(UUID id) {
        if (id.getMostSignificantBits() != salt) {
            return -1;
        }
        long index = id.getLeastSignificantBits() & INDEX_BITS;
        return index > Integer.MAX_VALUE ? -1 : (int) index;
    }
}
