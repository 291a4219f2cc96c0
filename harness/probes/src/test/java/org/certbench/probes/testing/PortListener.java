package org.certbench.probes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that listens on the TCP ports named on its command line, accepts and closes every
 * connection, prints {@code READY} once all ports are bound, and exits when its standard input closes
 * (so it never outlives the test that started it).
 */
public final class PortListener {

    private PortListener() {
    }

    public static void main(String[] args) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        for (String arg : args) {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(Integer.parseInt(arg)), 512);
            sockets.add(socket);
        }
        for (ServerSocket socket : sockets) {
            Thread acceptor = new Thread(() -> {
                while (true) {
                    try (Socket ignored = socket.accept()) {
                        // Accepting is all a listening port has to do for a connect scan.
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }
        System.out.println("READY");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // Wait for the parent to close our standard input.
        }
        System.exit(0);
    }
}
