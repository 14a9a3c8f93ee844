package nl.mboexchange.node.support;

import java.time.Clock;
import java.util.Map;

/** Two schools' nodes on the shared broker and registry: home school {@value #HOME} and host school {@value #HOST}. */
public final class TwoSchools implements AutoCloseable {

    public static final String HOME = "25LX";
    public static final String HOST = "30GH";

    private final RunningNode home;
    private final RunningNode host;

    private TwoSchools(RunningNode home, RunningNode host) {
        this.home = home;
        this.host = host;
    }

    /**
     * Starts both, each on a database of its own named after {@code databases}, with the same further settings, and on
     * {@code clock} if it is given.
     */
    public static TwoSchools start(String databases, Map<String, Object> settings, Clock clock) {
        RunningNode home = RunningNode.start(HOME, databases + "_home_25lx", settings, clock);
        try {
            return new TwoSchools(home, RunningNode.start(HOST, databases + "_host_30gh", settings, clock));
        } catch (RuntimeException e) {
            home.close();
            throw e;
        }
    }

    public RunningNode home() {
        return home;
    }

    public RunningNode host() {
        return host;
    }

    @Override
    public void close() {
        try {
            home.close();
        } finally {
            host.close();
        }
    }
}
