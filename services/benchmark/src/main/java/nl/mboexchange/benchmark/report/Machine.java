package nl.mboexchange.benchmark.report;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The machine a run measured, and how busy it was besides: a load average well above zero before the run started
 * means other work shared the cores, and the figures are lower than the machine's own.
 *
 * @param cores processors available to the JVM
 * @param memoryMb physical memory
 * @param os operating system and version
 * @param java the JVM's version and vendor
 * @param loadAverageBefore one-minute load average when the run started
 * @param loadAverageAfter one-minute load average when it ended
 */
public record Machine(
        int cores, long memoryMb, String os, String java, double loadAverageBefore, double loadAverageAfter) {

    /** This machine now; the load average after is filled in by {@link #ended()}. */
    public static Machine now() {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024 * 1024),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                os.getSystemLoadAverage(),
                -1);
    }

    public Machine ended() {
        return new Machine(
                cores,
                memoryMb,
                os,
                java,
                loadAverageBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
