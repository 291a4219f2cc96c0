package org.certbench.lab.virtual;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The device's status service: a line in, {@code ok <device id>} out, the connection closed. The
 * fragile variant's parser has a fixed 256-byte line buffer and takes the whole service down when a
 * longer line arrives, as a crashing daemon would ({@link Flaw#FRAGILE_INPUT}).
 */
final class StatusService implements AutoCloseable {

    /** The line a fragile parser can hold. */
    static final int FRAGILE_LIMIT = 256;
    private static final int MAX_LINE = 4096;

    private final TcpListener listener;
    private final String deviceId;
    private final boolean fragile;

    StatusService(String address, int port, String deviceId, boolean fragile) throws IOException {
        this.deviceId = deviceId;
        this.fragile = fragile;
        this.listener = new TcpListener(address, port, "certbench-virtual-status", this::serve);
    }

    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.size() <= MAX_LINE) {
            line.write(b);
            if (fragile && line.size() > FRAGILE_LIMIT) {
                close(); // the overflow takes the whole daemon with it
                return;
            }
        }
        socket.getOutputStream().write(("ok " + deviceId + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        listener.close();
    }
}
