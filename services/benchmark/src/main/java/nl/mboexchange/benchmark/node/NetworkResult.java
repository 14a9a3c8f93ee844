package nl.mboexchange.benchmark.node;

import java.util.List;
import nl.mboexchange.benchmark.measure.ResourceUsage;
import nl.mboexchange.node.school.SchoolCode;

/**
 * What a network of one host and several homes adds to the figures of a run.
 *
 * @param host the host's school code
 * @param homes the homes' school codes
 * @param idle what every node and server cost with nothing to do, or {@code null} when not measured
 * @param burstAtHomes CPU and heap of each home during the burst, in the order of {@code homes}
 */
public record NetworkResult(String host, List<String> homes, IdleCost idle, List<ResourceUsage> burstAtHomes) {

    NetworkResult(Network network, IdleCost idle, List<ResourceUsage> burstAtHomes) {
        this(
                network.host().value(),
                network.homes().stream().map(SchoolCode::value).toList(),
                idle,
                burstAtHomes);
    }
}
