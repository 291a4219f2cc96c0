package org.certbench.probes.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real daemon (mosquitto, lighttpd, coap-server …) started by a test in the foreground, with its
 * output in a log file, considered up once its TCP port accepts connections, and stopped on close.
 *
 * <pre>{@code
 * try (Daemon lighttpd = Daemon.start(dir, "lighttpd", 18443, "lighttpd", "-D", "-f", conf.toString())) { ... }
 * }</pre>
 */
public final class Daemon implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the command and waits (10 s at most) until 127.0.0.1:{@code tcpPort} accepts. */
    public static Daemon start(Path directory, String name, int tcpPort, String... command) {
        return startOn(directory, name, "127.0.0.1", tcpPort, command);
    }

    /** Starts the command and waits (10 s at most) until {@code host:tcpPort} accepts. */
    public static Daemon startOn(Path directory, String name, String host, int tcpPort, String... command) {
        return startWhen(directory, name, command, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, tcpPort), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Starts the command and waits (10 s at most) until {@code ready} holds. */
    public static Daemon startWhen(Path directory, String name, String[] command, java.util.function.BooleanSupplier ready) {
        Path log = directory.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Daemon daemon = new Daemon(name, process, log);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited at start: " + Files.readString(log));
                }
                if (ready.getAsBoolean()) {
                    return daemon;
                }
                Thread.sleep(50);
            }
            daemon.close();
            throw new IllegalStateException(name + " was not ready within 10 s: " + Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the daemon printed so far. */
    public List<String> log() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() {
        // Children too: socat's program, a shell loop, a daemon behind ip netns exec or unshare.
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process.toHandle().descendants().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
