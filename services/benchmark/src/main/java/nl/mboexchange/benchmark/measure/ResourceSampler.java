package nl.mboexchange.benchmark.measure;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples the CPU time and heap of this JVM while a phase runs. The CPU figure is the process's own CPU time
 * (all threads, JIT and GC included), so it does not depend on how often it is sampled; only the peak does.
 */
public final class ResourceSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 100;
    private static final double MB = 1024.0 * 1024.0;

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ScheduledFuture<?> sampling;
    private long startNanos;
    private long startCpuNanos;
    private long startGcCount;
    private long startGcMillis;
    private long startJitMillis;
    private long lastNanos;
    private long lastCpuNanos;
    private volatile double peakCores;
    private volatile long peakHeapBytes;

    /** Starts a phase: forgets the peaks and takes the CPU and GC counters as they are now. */
    public synchronized void start() {
        stopSampling();
        startNanos = System.nanoTime();
        startCpuNanos = os.getProcessCpuTime();
        startGcCount = gcCount();
        startGcMillis = gcMillis();
        startJitMillis = jitMillis();
        lastNanos = startNanos;
        lastCpuNanos = startCpuNanos;
        peakCores = 0;
        peakHeapBytes = memory.getHeapMemoryUsage().getUsed();
        sampling = timer.scheduleAtFixedRate(this::sample, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Ends the phase and returns what the process used since {@link #start}. */
    public synchronized ResourceUsage stop() {
        stopSampling();
        sample();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (os.getProcessCpuTime() - startCpuNanos) / 1e9;
        return new ResourceUsage(
                round(wall),
                round(cpu),
                round(wall > 0 ? cpu / wall : 0),
                round(peakCores),
                round(peakHeapBytes / MB),
                round(memory.getHeapMemoryUsage().getCommitted() / MB),
                gcCount() - startGcCount,
                round((gcMillis() - startGcMillis) / 1000.0),
                round((jitMillis() - startJitMillis) / 1000.0));
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        if (now - lastNanos >= INTERVAL_MILLIS * 500_000L) {
            peakCores = Math.max(peakCores, (cpu - lastCpuNanos) / (double) (now - lastNanos));
            lastNanos = now;
            lastCpuNanos = cpu;
        }
        peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
    }

    private void stopSampling() {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(count -> count > 0)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(millis -> millis > 0)
                .sum();
    }

    /** Milliseconds the JIT compilers have spent compiling since the JVM started. */
    public static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime()
                : 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
