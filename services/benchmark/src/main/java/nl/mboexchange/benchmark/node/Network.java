package nl.mboexchange.benchmark.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.mboexchange.node.school.SchoolCode;

/**
 * The schools of a run: one host, which records the results, and the home schools whose students it teaches.
 * Enrolment {@code i} belongs to home {@code i mod homes}, so the enrolments, and with them the results of any run
 * of consecutive enrolments, are spread evenly over the homes; every node derives the same from the numbers alone.
 *
 * @param host the school that teaches the visiting students and records their results
 * @param homes the students' own schools
 */
public record Network(SchoolCode host, List<SchoolCode> homes) {

    /** The two-node network of the exchange benchmark: home {@code 25LX}, host {@code 30GH}. */
    public static final Network TWO_NODES = new Network(Seeder.HOST, List.of(Seeder.HOME));

    public Network {
        homes = List.copyOf(homes);
        if (homes.isEmpty() || homes.contains(host)) {
            throw new IllegalArgumentException("a network needs at least one home other than its host " + host);
        }
    }

    /**
     * A network of {@code schools} schools of its own (host {@code 60NH}, homes {@code 61NH}, {@code 62NH}, ...), apart
     * from the two-node network's, so that both can run on the same broker one after the other.
     */
    public static Network of(int schools) {
        if (schools < 2 || schools > 39) {
            throw new IllegalArgumentException("a network has 2 to 39 schools, not " + schools);
        }
        List<SchoolCode> homes = new ArrayList<>();
        for (int i = 1; i < schools; i++) {
            homes.add(SchoolCode.of((60 + i) + "NH"));
        }
        return new Network(SchoolCode.of("60NH"), homes);
    }

    /** The network {@link #encoded} describes. */
    public static Network decode(String encoded) {
        String[] parts = encoded.split(":", 2);
        return new Network(
                SchoolCode.of(parts[0]),
                Arrays.stream(parts[1].split(",")).map(SchoolCode::of).toList());
    }

    /** The host, a colon, then the homes separated by commas: how a node process is told its network. */
    public String encoded() {
        return host.value() + ":"
                + String.join(",", homes.stream().map(SchoolCode::value).toList());
    }

    /** The home school of enrolment {@code index}. */
    public SchoolCode homeOf(int index) {
        return homes.get(index % homes.size());
    }

    /** The host first, then the homes. */
    public List<String> schools() {
        List<String> schools = new ArrayList<>();
        schools.add(host.value());
        homes.forEach(home -> schools.add(home.value()));
        return schools;
    }
}
