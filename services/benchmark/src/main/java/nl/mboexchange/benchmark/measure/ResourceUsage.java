package nl.mboexchange.benchmark.measure;

/**
 * What one process used during a phase.
 *
 * @param wallSeconds how long the phase lasted
 * @param cpuSeconds CPU time of the process, all threads
 * @param averageCores {@code cpuSeconds / wallSeconds}: 1.0 is one core busy all the time
 * @param peakCores the most cores used over one sampling interval
 * @param peakHeapMb the most heap in use at a sample, after or between collections
 * @param heapCommittedMb the heap the JVM had reserved at the end
 * @param gcCount collections during the phase
 * @param gcSeconds time spent in collections during the phase
 * @param jitSeconds time the JIT compilers spent compiling during the phase, part of {@code cpuSeconds}
 */
public record ResourceUsage(
        double wallSeconds,
        double cpuSeconds,
        double averageCores,
        double peakCores,
        double peakHeapMb,
        double heapCommittedMb,
        long gcCount,
        double gcSeconds,
        double jitSeconds) {}
