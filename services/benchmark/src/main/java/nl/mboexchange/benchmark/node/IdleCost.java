package nl.mboexchange.benchmark.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.mboexchange.benchmark.measure.ResourceSampler;
import nl.mboexchange.benchmark.measure.ResourceUsage;

/**
 * What a network costs with nothing to do: after the nodes have settled, each node's CPU and heap (sampled inside its
 * JVM, as in every phase) and the resident memory of its process, and beside them the servers they share: the
 * driver's JVM, which runs the Kafka broker, the schema registry's process and PostgreSQL (the postmaster and every
 * process it started). The servers' CPU is read from the operating system's per-process counters, so a PostgreSQL
 * backend that came and went during the sample is not in it; their memory is the resident set, for PostgreSQL the
 * proportional share of each process, so that its shared buffers count once.
 *
 * @param sampleSeconds how long the nodes were sampled
 * @param nodes per node, host first
 * @param servers per shared server, where the operating system let it be read
 */
public record IdleCost(double sampleSeconds, List<ProcessCost> nodes, List<ProcessCost> servers) {

    /**
     * How long the nodes settle after seeding, and how long they are then sampled.
     *
     * @param settle time for the nodes to finish starting up (JIT, first polls) before sampling
     * @param sample how long they are sampled
     */
    public record Plan(Duration settle, Duration sample) {

        public static final Plan NONE = new Plan(Duration.ZERO, Duration.ZERO);

        public boolean measured() {
            return !sample.isZero();
        }
    }

    /**
     * What one process cost.
     *
     * @param name the school's code, or the server's name
     * @param pid its process id (PostgreSQL: the postmaster's)
     * @param cores CPU time over the sample's wall time: 1.0 is one core busy all the time
     * @param heapUsedMb the most heap in use at a sample (JVMs of nodes only, else -1)
     * @param heapCommittedMb the heap the JVM had reserved at the end (nodes only, else -1)
     * @param rssMb resident memory of the process (PostgreSQL: its processes' proportional shares) at the end
     */
    public record ProcessCost(
            String name, long pid, double cores, double heapUsedMb, double heapCommittedMb, double rssMb) {}

    /** Average of the nodes' figures. */
    public ProcessCost nodeAverage() {
        return new ProcessCost(
                "average",
                0,
                round(nodes.stream().mapToDouble(ProcessCost::cores).average().orElse(0)),
                round(nodes.stream()
                        .mapToDouble(ProcessCost::heapUsedMb)
                        .average()
                        .orElse(0)),
                round(nodes.stream()
                        .mapToDouble(ProcessCost::heapCommittedMb)
                        .average()
                        .orElse(0)),
                round(nodes.stream().mapToDouble(ProcessCost::rssMb).average().orElse(0)));
    }

    /**
     * Lets the nodes settle, then samples them and the servers for the plan's time.
     *
     * @param nodes the started nodes
     * @param database any node's database, to find the PostgreSQL server's processes by
     */
    static IdleCost measure(List<NodeHandle> nodes, Plan plan, ExchangeVerification.DatabaseAccess database)
            throws Exception {
        Thread.sleep(plan.settle().toMillis());
        Set<Long> nodePids = nodes.stream().map(NodeHandle::pid).collect(Collectors.toSet());
        Map<String, List<ProcessHandle>> servers = servers(nodePids, database);
        Map<String, Long> cpuBefore = new LinkedHashMap<>();
        servers.forEach((name, processes) -> cpuBefore.put(name, cpuNanos(processes)));
        try (ResourceSampler driver = new ResourceSampler()) {
            driver.start();
            for (NodeHandle node : nodes) {
                node.startPhase();
            }
            long start = System.nanoTime();
            Thread.sleep(plan.sample().toMillis());
            List<ProcessCost> nodeCosts = new ArrayList<>();
            for (NodeHandle node : nodes) {
                ResourceUsage usage = node.endPhase(0, 0).usage();
                nodeCosts.add(new ProcessCost(
                        node.school(),
                        node.pid(),
                        usage.averageCores(),
                        usage.peakHeapMb(),
                        usage.heapCommittedMb(),
                        round(memoryKb(node.pid(), "VmRSS:") / 1024.0)));
            }
            ResourceUsage driverUsage = driver.stop();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<ProcessCost> serverCosts = new ArrayList<>();
            serverCosts.add(new ProcessCost(
                    "driver JVM (Kafka broker)",
                    ProcessHandle.current().pid(),
                    driverUsage.averageCores(),
                    driverUsage.peakHeapMb(),
                    driverUsage.heapCommittedMb(),
                    round(memoryKb(ProcessHandle.current().pid(), "VmRSS:") / 1024.0)));
            servers.forEach((name, processes) -> {
                long cpu = cpuNanos(processes) - cpuBefore.get(name);
                String field = name.equals(POSTGRES) ? "Pss:" : "VmRSS:";
                long kb = processes.stream()
                        .mapToLong(process -> memoryKb(process.pid(), field))
                        .sum();
                serverCosts.add(new ProcessCost(
                        name, processes.get(0).pid(), round(cpu / 1e9 / seconds), -1, -1, round(kb / 1024.0)));
            });
            return new IdleCost(round(seconds), nodeCosts, serverCosts);
        }
    }

    private static final String POSTGRES = "PostgreSQL";

    /**
     * The servers' processes: the driver's other child JVM (the schema registry), and PostgreSQL, found as
     * the parent of a connection's backend, with every process it started.
     */
    private static Map<String, List<ProcessHandle>> servers(
            Set<Long> nodePids, ExchangeVerification.DatabaseAccess database) {
        Map<String, List<ProcessHandle>> servers = new LinkedHashMap<>();
        ProcessHandle.current()
                .children()
                .filter(child -> !nodePids.contains(child.pid()))
                .filter(child -> child.info().command().orElse("").endsWith("java"))
                .findFirst()
                .ifPresent(registry -> servers.put(
                        "schema registry",
                        Stream.concat(Stream.of(registry), registry.descendants())
                                .toList()));
        try {
            long backend = database.count("select pg_backend_pid()");
            ProcessHandle.of(backend)
                    .flatMap(ProcessHandle::parent)
                    .ifPresent(postmaster -> servers.put(
                            POSTGRES,
                            Stream.concat(Stream.of(postmaster), postmaster.descendants())
                                    .toList()));
        } catch (java.sql.SQLException e) {
            // Not found: the table leaves PostgreSQL out.
        }
        return servers;
    }

    private static long cpuNanos(List<ProcessHandle> processes) {
        return processes.stream()
                .mapToLong(process ->
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** A memory figure of {@code /proc/<pid>/status} (or {@code smaps_rollup} for {@code Pss:}) in kB, or 0. */
    private static long memoryKb(long pid, String field) {
        Path file = Path.of("/proc", Long.toString(pid), field.equals("Pss:") ? "smaps_rollup" : "status");
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
