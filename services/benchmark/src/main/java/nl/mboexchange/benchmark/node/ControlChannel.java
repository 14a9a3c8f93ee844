package nl.mboexchange.benchmark.node;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import nl.mboexchange.benchmark.measure.ResourceUsage;

/**
 * The connection between the driver and a node process: a request is a command name and its numbers, an answer is
 * {@code ok} and its numbers or {@code error} and a message. Plain data streams on loopback, so that nothing but
 * numbers crosses it.
 */
final class ControlChannel implements AutoCloseable {

    static final String OK = "ok";
    static final String ERROR = "error";

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    ControlChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
    }

    DataInputStream in() {
        return in;
    }

    DataOutputStream out() {
        return out;
    }

    void flush() throws IOException {
        out.flush();
    }

    void writeLongs(long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    long[] readLongs() throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    void writeUsage(ResourceUsage usage) throws IOException {
        out.writeDouble(usage.wallSeconds());
        out.writeDouble(usage.cpuSeconds());
        out.writeDouble(usage.averageCores());
        out.writeDouble(usage.peakCores());
        out.writeDouble(usage.peakHeapMb());
        out.writeDouble(usage.heapCommittedMb());
        out.writeLong(usage.gcCount());
        out.writeDouble(usage.gcSeconds());
        out.writeDouble(usage.jitSeconds());
    }

    ResourceUsage readUsage() throws IOException {
        return new ResourceUsage(
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readLong(),
                in.readDouble(),
                in.readDouble());
    }

    /** Reads the answer's status; throws with the node's message when it is an error. */
    void expectOk(String command) throws IOException {
        String status = in.readUTF();
        if (!OK.equals(status)) {
            throw new IllegalStateException("the node failed '" + command + "': " + in.readUTF());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
