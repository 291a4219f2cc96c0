package org.certbench.lab.virtual;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A virtual device's TCP listener: accepts on one address and port and serves each connection on its
 * own daemon thread; closing it closes the listener and every open connection.
 */
final class TcpListener implements AutoCloseable {

    /** Serves one connection. */
    interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Handler serve;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /**
     * @param serve handles one connection; the listener closes the socket afterwards
     */
    TcpListener(String address, int port, String threadName, Handler serve) throws IOException {
        this.serve = serve;
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port), 16);
        workers.execute(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                try {
                    workers.execute(() -> {
                        try (socket) {
                            serve.serve(socket);
                        } catch (IOException e) {
                            // the client went away: a device just drops the connection
                        } finally {
                            open.remove(socket);
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // accepted while closing (a rebooting device): dropped, as a device going down drops it
                    socket.close();
                    return;
                }
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket: nothing to recover
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        workers.shutdownNow();
    }
}
