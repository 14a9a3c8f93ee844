package nl.mboexchange.benchmark.node;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.benchmark.measure.ResourceUsage;

/** The driver's side of one node process: starts it, sends it commands, stops it. */
public final class NodeHandle implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String school;
    private final Process process;
    private final Path log;
    private ControlChannel channel;

    private NodeHandle(String school, Process process, Path log) {
        this.school = school;
        this.process = process;
        this.log = log;
    }

    /**
     * Launches a node JVM on this JVM's class path; it connects back to {@code control} once started.
     *
     * @param jvmOptions heap, profiling and other JVM options
     * @param settings the node's Spring settings, passed as system properties
     * @param arguments the arguments of {@link NodeProcess}, after the control port
     */
    public static NodeHandle launch(
            String school,
            ServerSocket control,
            List<String> jvmOptions,
            Map<String, String> settings,
            List<String> arguments,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NodeProcess.class.getName());
        command.add(String.valueOf(control.getLocalPort()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new NodeHandle(school, process, log);
    }

    /** Accepts the connections of the launched nodes and waits until each has started. */
    public static void connect(ServerSocket control, List<NodeHandle> nodes) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        control.setSoTimeout(1_000);
        int connected = 0;
        while (connected < nodes.size()) {
            for (NodeHandle node : nodes) {
                if (!node.process.isAlive()) {
                    throw new IllegalStateException("node " + node.school + " exited with " + node.process.exitValue()
                            + "; see " + node.log.toAbsolutePath());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes did not start within " + START_TIMEOUT);
            }
            try {
                ControlChannel channel = new ControlChannel(control.accept());
                String school = channel.in().readUTF();
                NodeHandle node = nodes.stream()
                        .filter(candidate -> candidate.school.equals(school))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("unknown node " + school));
                node.channel = channel;
                connected++;
            } catch (SocketTimeoutException e) {
                // Still starting.
            }
        }
        for (NodeHandle node : nodes) {
            node.channel.expectOk("start (see " + node.log.toAbsolutePath() + ")");
        }
    }

    public String school() {
        return school;
    }

    public long pid() {
        return process.pid();
    }

    public void seed(int from, int count) throws IOException {
        send(NodeCommands.SEED, from, count);
    }

    public void startPhase() throws IOException {
        send(NodeCommands.START_PHASE);
    }

    long[] feedBurst(int from, int count, int threads) throws IOException {
        send(NodeCommands.FEED_BURST, from, count, threads);
        return channel.readLongs();
    }

    long[] feedSteady(int from, int count, int rate, int threads) throws IOException {
        send(NodeCommands.FEED_STEADY, from, count, rate, threads);
        return channel.readLongs();
    }

    int visible(int from, int count) throws IOException {
        send(NodeCommands.VISIBLE, from, count);
        return channel.in().readInt();
    }

    long jitMillis() throws IOException {
        send(NodeCommands.JIT_MILLIS);
        return channel.in().readLong();
    }

    /** The port of the node's REST API and console. */
    public int httpPort() throws IOException {
        send(NodeCommands.HTTP_PORT);
        return channel.in().readInt();
    }

    public PhaseReport endPhase(int from, int count) throws IOException {
        send(NodeCommands.END_PHASE, from, count);
        ResourceUsage usage = channel.readUsage();
        long[] results = channel.readLongs();
        long[] receipts = channel.readLongs();
        return new PhaseReport(
                usage,
                results,
                receipts,
                channel.in().readLong(),
                channel.in().readLong(),
                channel.in().readLong());
    }

    /**
     * Arms the node's crash point: its JVM halts after the {@code batches}-th outbox batch Kafka acknowledges from now,
     * before the batch leaves the outbox. The node must run with {@code mbo.fault-injection.enabled=true}.
     */
    public void armHalt(int batches) throws IOException {
        send(NodeCommands.ARM_HALT, batches);
    }

    /** Waits for the node's process to end by itself; its exit status, or empty when it still runs. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.OptionalInt.of(process.exitValue());
        }
        return java.util.OptionalInt.empty();
    }

    /** Ends the node's process at once, as {@code kill -9} does (SIGKILL), and waits until it has ended. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + school + " (pid " + process.pid() + ") did not end when killed");
        }
    }

    private void send(String command, int... numbers) throws IOException {
        channel.out().writeUTF(command);
        for (int number : numbers) {
            channel.out().writeInt(number);
        }
        channel.flush();
        channel.expectOk(command + " at " + school);
    }

    /** Asks the node to stop, and ends its process if it does not. */
    @Override
    public void close() {
        if (channel == null) {
            process.destroy();
            return;
        }
        try {
            if (process.isAlive()) {
                send(NodeCommands.STOP);
                channel.close();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException | RuntimeException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a node observed during a phase.
     *
     * @param usage CPU and heap of the node's process
     * @param resultVisibleAt per enrolment, when its result was committed here (home), or 0
     * @param receiptVisibleAt per enrolment, when its receipt was committed here (host), or 0
     * @param duplicates deliveries of events received before, which changed nothing (since the node started)
     * @param refused events the node refused (since the node started)
     * @param doubled events applied a second time as if new (since the node started); must be zero
     */
    public record PhaseReport(
            ResourceUsage usage,
            long[] resultVisibleAt,
            long[] receiptVisibleAt,
            long duplicates,
            long refused,
            long doubled) {}
}
