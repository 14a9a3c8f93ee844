package nl.mboexchange.benchmark.faults;

import java.util.List;

/** Every fault of the suite, in the order it runs them. */
final class FaultCatalogue {

    private static final List<Fault> FAULTS = List.of(
            // First, while the nodes have not yet asked the registry for any schema, so that they must during the
            // outage.
            new RegistryUnreachable(),
            new BrokerRestart(),
            new PostgresStopped(),
            new NodeKilled(),
            new DuplicateDeliveries(),
            new PoisonAndForged(),
            new PublisherRoleKill(),
            new ChannelTruncation());

    private FaultCatalogue() {}

    static List<String> names() {
        return FAULTS.stream().map(Fault::name).toList();
    }

    static Fault named(String name) {
        return FAULTS.stream()
                .filter(fault -> fault.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault " + name));
    }
}
