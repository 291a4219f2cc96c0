package org.certbench.probes.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A separate network host for tests: a Linux network namespace with its own loopback, joined to this
 * machine by a veth pair on a private /30. Scanning it sees only what the test started inside, unlike
 * this machine's loopback, where other services listen.
 *
 * <p>Needs root and iproute2. When they are missing the test is aborted, except under CI
 * ({@code CI=true}), where it fails: CI must never count a skipped network test as passing.
 *
 * <pre>{@code
 * try (NamespaceHost host = NamespaceHost.create()) {
 *     host.listenTcp(8443, 9999);
 *     scan(host.address());
 * }
 * }</pre>
 */
public final class NamespaceHost implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String namespace;
    private final String deviceLink;
    private final String hostLink;
    private final String hostAddress;
    private final String deviceAddress;
    private final List<Process> processes = new ArrayList<>();

    private NamespaceHost(String namespace, String deviceLink, String hostLink, String hostAddress, String deviceAddress) {
        this.namespace = namespace;
        this.deviceLink = deviceLink;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
        this.deviceAddress = deviceAddress;
    }

    /** Creates a namespace with a veth link to this machine; aborts (or fails under CI) where impossible. */
    public static NamespaceHost create() {
        long pid = ProcessHandle.current().pid();
        int n = COUNTER.getAndIncrement();
        // 10.213.A.B/30: A and B derived from pid and counter so parallel JVMs do not collide.
        return create("cbtest-" + pid + "-" + n, "cbh" + pid % 100000 + "x" + n, "cbd" + pid % 100000 + "x" + n,
                (int) (pid % 250) + 1, (n % 63) * 4);
    }

    /**
     * Creates the namespace at a fixed address, {@code 10.213.0.(4·slot+2)}, for a profile that must name
     * the device's address before the test starts (a suite discovered ahead of its {@code @BeforeSuite}).
     * A namespace left over from a killed run at the same slot is replaced.
     */
    public static NamespaceHost createFixed(int slot) {
        String namespace = "cbfixed-" + slot;
        runQuietly("ip", "link", "del", "cbhfixed" + slot);
        runQuietly("ip", "netns", "del", namespace);
        return create(namespace, "cbhfixed" + slot, "cbdfixed" + slot, 0, slot * 4);
    }

    private static NamespaceHost create(String namespace, String hostLink, String deviceLink, int a, int b) {
        requireNamespaces();
        String hostAddress = "10.213." + a + "." + (b + 1);
        String deviceAddress = "10.213." + a + "." + (b + 2);
        NamespaceHost host = new NamespaceHost(namespace, deviceLink, hostLink, hostAddress, deviceAddress);
        try {
            run("ip", "netns", "add", namespace);
            run("ip", "link", "add", hostLink, "type", "veth", "peer", "name", deviceLink, "netns", namespace);
            run("ip", "addr", "add", hostAddress + "/30", "dev", hostLink);
            run("ip", "link", "set", hostLink, "up");
            run("ip", "netns", "exec", namespace, "ip", "addr", "add", deviceAddress + "/30", "dev", deviceLink);
            run("ip", "netns", "exec", namespace, "ip", "link", "set", deviceLink, "up");
            run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        return host;
    }

    /** Whether namespaces can be made here; under CI their absence fails the test instead. */
    public static void requireNamespaces() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean ip = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip"));
        String why = !root ? "network namespaces need root" : !ip ? "iproute2's ip command is missing" : null;
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI must run network tests, but " + why);
            }
            Assumptions.abort(why);
        }
    }

    /** The device's address, reachable from this machine. */
    public String address() {
        return deviceAddress;
    }

    /** This machine's address on the link to the device. */
    public String hostAddress() {
        return hostAddress;
    }

    /** The device's network interface inside the namespace. */
    public String deviceLink() {
        return deviceLink;
    }

    /** The namespace's name, for {@code ip netns exec}. */
    public String namespace() {
        return namespace;
    }

    /** Starts real listening TCP sockets on these ports inside the namespace; returns once all are bound. */
    public void listenTcp(int... ports) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PortListener.class.getName()));
        for (int port : ports) {
            command.add(Integer.toString(port));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            processes.add(process);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"READY".equals(line)) {
                throw new IllegalStateException("listener in " + namespace + " did not start: " + line);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start listener in " + namespace, e);
        }
    }

    /** Starts a daemon inside the namespace; up once {@code address():tcpPort} accepts from this machine. */
    public Daemon start(Path directory, String name, int tcpPort, String... command) {
        String[] inNamespace = new String[command.length + 4];
        inNamespace[0] = "ip";
        inNamespace[1] = "netns";
        inNamespace[2] = "exec";
        inNamespace[3] = namespace;
        System.arraycopy(command, 0, inNamespace, 4, command.length);
        return Daemon.startOn(directory, name, deviceAddress, tcpPort, inNamespace);
    }

    /** Starts a daemon inside the namespace that serves UDP only; up once it listens on {@code udpPort}. */
    public Daemon startUdp(Path directory, String name, int udpPort, String... command) {
        List<String> inNamespace = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        inNamespace.addAll(List.of(command));
        return Daemon.startWhen(directory, name, inNamespace.toArray(String[]::new), () -> {
            try {
                Process ss = new ProcessBuilder("ip", "netns", "exec", namespace, "ss", "-Hlun", "sport = :" + udpPort).start();
                return !new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Stops the listeners started so far, leaving the host up. */
    public void stopListeners() {
        for (Process process : processes) {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    @Override
    public void close() {
        stopListeners();
        runQuietly("ip", "link", "del", hostLink);
        runQuietly("ip", "netns", "del", namespace);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void runQuietly(String... command) {
        try {
            run(command);
        } catch (IllegalStateException ignored) {
            // Cleaning up what may not exist.
        }
    }
}
