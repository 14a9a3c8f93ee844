package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.ConflictWithState;

/** A result version that is not the next one of its attempt: based on an outdated version, or out of order. */
public final class StaleResultVersion extends ConflictWithState {

    private final int latestVersion;

    private StaleResultVersion(String message, int latestVersion) {
        super(message);
        this.latestVersion = latestVersion;
    }

    /** A version arrived that is not the latest plus one: a replay, or one that overtook another. */
    public static StaleResultVersion offered(int attempt, int latestVersion, int offeredVersion) {
        return new StaleResultVersion(
                "attempt " + attempt + " is at version " + latestVersion + "; version " + offeredVersion
                        + " is not the next one",
                latestVersion);
    }

    /** A change was based on a version that is no longer the latest. */
    public static StaleResultVersion basedOn(int attempt, int latestVersion, int expectedVersion) {
        return new StaleResultVersion(
                "attempt " + attempt + " is at version " + latestVersion + ", not at version " + expectedVersion,
                latestVersion);
    }

    /** The latest version the attempt has, for a caller that wants to retry on top of it. */
    public int latestVersion() {
        return latestVersion;
    }
}
