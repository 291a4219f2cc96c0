package org.certbench.lab.virtual;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A smart plug for a virtual device, speaking the Tasmota HTTP API ({@code /cm?cmnd=Power%20Off}) on loopback: the
 * bench file names it {@code tasmota+http://127.0.0.1:PORT}, and certbench's power probe switches it as it switches a
 * lab's real plug. No real plug can be reached from these machines; what a switch does is the device's business
 * (the container bench kills and starts the device's container).
 *
 * <pre>{@code
 * try (VirtualOutlet outlet = VirtualOutlet.serve(() -> kill(container), () -> start(container))) {
 *     bench.append("  " + name + ": " + outlet.driver() + "\n");
 * }
 * }</pre>
 */
public final class VirtualOutlet implements AutoCloseable {

    private final HttpServer server;
    private final Runnable off;
    private final Runnable on;
    private boolean powered = true;

    private VirtualOutlet(HttpServer server, Runnable off, Runnable on) {
        this.server = server;
        this.off = off;
        this.on = on;
    }

    /**
     * Starts a plug that is on, on a free loopback port.
     *
     * @param off what switching it off does to the device behind it
     * @param on what switching it on again does
     */
    public static VirtualOutlet serve(Runnable off, Runnable on) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        VirtualOutlet outlet = new VirtualOutlet(server, off, on);
        server.createContext("/cm", outlet::handle);
        server.start();
        return outlet;
    }

    /** The driver URI a bench file gives this plug. */
    public String driver() {
        return "tasmota+http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String command = String.valueOf(exchange.getRequestURI().getQuery()).replace("cmnd=", "").trim();
        boolean state;
        try {
            state = switchTo(command);
        } catch (RuntimeException e) {
            // a plug whose relay failed says nothing useful: the probe then reports the outlet as unreadable
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        byte[] body = ("{\"POWER\":\"" + (state ? "ON" : "OFF") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private synchronized boolean switchTo(String command) {
        if (command.equalsIgnoreCase("Power Off") && powered) {
            off.run();
            powered = false;
        } else if (command.equalsIgnoreCase("Power On") && !powered) {
            on.run();
            powered = true;
        }
        return powered;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
