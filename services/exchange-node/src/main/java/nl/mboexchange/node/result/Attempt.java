package nl.mboexchange.node.result;

import java.util.ArrayList;
import java.util.List;
import nl.mboexchange.node.shared.InvalidValue;

/**
 * Every version of the result of one attempt, oldest first. The latest version is the result that counts; a
 * revoked attempt takes no further versions.
 *
 * @param number the attempt number, from 1
 * @param versions the versions 1..n, without gaps, the first an assessment, only the last possibly a revocation
 */
public record Attempt(int number, List<ResultVersion> versions) {

    public Attempt {
        versions = List.copyOf(versions);
        if (versions.isEmpty() || !(versions.get(0) instanceof Assessment)) {
            throw new InvalidValue("versions", "attempt " + number + " must start with an assessment");
        }
        for (int i = 0; i < versions.size(); i++) {
            ResultVersion version = versions.get(i);
            if (version.attempt() != number || version.version() != i + 1) {
                throw new InvalidValue("versions", "attempt " + number + " has its versions out of order");
            }
            if (version instanceof Revocation && i < versions.size() - 1) {
                throw new InvalidValue("versions", "attempt " + number + " has versions after its revocation");
            }
        }
    }

    /** A new attempt with its first result. */
    public static Attempt first(Assessment assessment) {
        return new Attempt(assessment.attempt(), List.of(assessment));
    }

    public ResultVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public int latestVersion() {
        return versions.size();
    }

    public boolean isRevoked() {
        return latest() instanceof Revocation;
    }

    /** The version with this number; refuses one that does not exist. */
    public ResultVersion version(int version) {
        if (version < 1 || version > versions.size()) {
            throw new ResultVersionNotFound(number, version);
        }
        return versions.get(version - 1);
    }

    /**
     * This attempt with the next version added. Refuses a version that is not exactly the latest plus one (stale or
     * out of order), and any version after a revocation.
     */
    public Attempt with(ResultVersion next) {
        if (isRevoked()) {
            throw new AttemptRevoked(number);
        }
        if (next.attempt() != number || next.version() != latestVersion() + 1) {
            throw StaleResultVersion.offered(number, latestVersion(), next.version());
        }
        List<ResultVersion> all = new ArrayList<>(versions);
        all.add(next);
        return new Attempt(number, all);
    }

    /** This attempt with the receipt added to one version; refuses an unknown or already acknowledged version. */
    public Attempt acknowledged(int version, Receipt receipt) {
        ResultVersion acknowledged = version(version).acknowledgedBy(receipt);
        List<ResultVersion> all = new ArrayList<>(versions);
        all.set(version - 1, acknowledged);
        return new Attempt(number, all);
    }
}
