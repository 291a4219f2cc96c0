package org.certbench.lab.virtual;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The device's status service: a line in, {@code ok <device id>} out, the connection closed. The
 * fragile variant's parser has a fixed 256-byte line buffer and takes the whole service down when a
 * longer line arrives, as a crashing daemon would ({@link Flaw#FRAGILE_INPUT}).
 */
final class StatusService implements AutoCloseable {

    /** The line a fragile parser can hold. */
    static final int FRAGILE_LIMIT = 256;
    private static final int MAX_LINE = 4096;

    private final ServerSocket server;
    private final String deviceId;
    private final boolean fragile;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "certbench-virtual-status");
        thread.setDaemon(true);
        return thread;
    });

    StatusService(String address, int port, String deviceId, boolean fragile) throws IOException {
        this.deviceId = deviceId;
        this.fragile = fragile;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port), 16);
        workers.execute(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
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
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket: nothing to recover
        }
        workers.shutdownNow();
    }
}
