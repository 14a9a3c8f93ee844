package nl.mboexchange.benchmark.measure;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch. The benchmark compares times taken in different processes (a
 * result recorded at the host, seen at home), so it uses the system's real-time clock, which all processes on the
 * machine share, and not {@code System.nanoTime}, whose origin is per JVM.
 */
public final class Clock {

    private Clock() {}

    public static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
