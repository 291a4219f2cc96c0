package org.certbench.engine.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.certbench.api.Bench;
import org.certbench.probes.power.Outlet;
import org.certbench.probes.power.PowerProbe;

/**
 * Asks every resource of a bench whether it answers: the broker (a TCP connect to an external one), each
 * serial port (the device node opens for reading and writing, or the ser2net / RFC 2217 port accepts a
 * connection) and each power outlet (it reports its state). Checks run in parallel, each bounded by a
 * timeout, so a bench with a dead plug is checked in seconds.
 *
 * <pre>{@code
 * List<BenchCheck.Result> results = BenchCheck.check(bench, Duration.ofSeconds(3));
 * results.stream().filter(r -> r.status() == BenchCheck.Status.DEAD).forEach(System.out::println);
 * }</pre>
 */
public final class BenchCheck {

    private BenchCheck() {
    }

    /** What a check found. */
    public enum Status {
        /** The resource answered. */
        OK,
        /** The resource did not answer; {@link Result#detail()} says what was tried. */
        DEAD,
        /** Nothing to ask before the run: certbench starts it, or a person works it. */
        NOT_CHECKED
    }

    /**
     * One resource's check.
     *
     * @param kind {@code broker}, {@code serial} or {@code outlet}
     * @param name the bench's name for it
     * @param target where it is (URI or device path)
     * @param status what the check found
     * @param detail what was seen, for the table and the report
     */
    public record Result(String kind, String name, String target, Status status, String detail) {
    }

    /** Checks every resource of the bench, in the bench's order: broker, serial ports, outlets. */
    public static List<Result> check(Bench bench, Duration timeout) {
        List<CompletableFuture<Result>> checks = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "certbench-bench-check");
            t.setDaemon(true);
            return t;
        });
        try {
            checks.add(CompletableFuture.supplyAsync(() -> broker(bench.broker(), timeout), pool));
            for (Map.Entry<String, String> port : new java.util.TreeMap<>(bench.serialPorts()).entrySet()) {
                checks.add(CompletableFuture.supplyAsync(() -> serial(port.getKey(), port.getValue(), timeout), pool));
            }
            for (Map.Entry<String, String> outlet : new java.util.TreeMap<>(bench.outlets()).entrySet()) {
                checks.add(CompletableFuture.supplyAsync(() -> outlet(outlet.getKey(), outlet.getValue(), timeout), pool));
            }
            return checks.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    static Result broker(String broker, Duration timeout) {
        if (broker.startsWith("embedded") || broker.startsWith("container")) {
            return new Result("broker", "broker", broker, Status.NOT_CHECKED, "started by certbench for the run");
        }
        URI uri = URI.create(broker);
        boolean tls = List.of("ssl", "mqtts", "tls").contains(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        return tcp("broker", "broker", broker, uri.getHost(), port, timeout);
    }

    static Result serial(String name, String target, Duration timeout) {
        if (target.startsWith("telnet://") || target.startsWith("rfc2217://")) {
            URI uri = URI.create(target);
            return tcp("serial", name, target, uri.getHost(), uri.getPort(), timeout);
        }
        Path device = Path.of(target);
        if (!Files.exists(device)) {
            return new Result("serial", name, target, Status.DEAD, target + " does not exist (adapter unplugged?)");
        }
        if (!Files.isReadable(device) || !Files.isWritable(device)) {
            return new Result("serial", name, target, Status.DEAD, target + " cannot be opened for reading and writing by this user");
        }
        return new Result("serial", name, target, Status.OK, "present, readable and writable");
    }

    static Result outlet(String name, String driver, Duration timeout) {
        if (driver.startsWith("manual:")) {
            return new Result("outlet", name, driver, Status.NOT_CHECKED, "switched by the operator when a case asks");
        }
        try {
            Outlet outlet = PowerProbe.outlet(driver, null);
            Optional<Boolean> state = CompletableFuture.supplyAsync(() -> {
                try {
                    return outlet.state();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return new Result("outlet", name, driver, Status.OK, state.map(on -> on ? "answers: on" : "answers: off").orElse("answers"));
        } catch (java.util.concurrent.TimeoutException e) {
            return new Result("outlet", name, driver, Status.DEAD, "no answer within " + timeout.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            return new Result("outlet", name, driver, Status.DEAD, String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("outlet", name, driver, Status.DEAD, "check interrupted");
        } catch (IllegalArgumentException e) {
            return new Result("outlet", name, driver, Status.DEAD, e.getMessage());
        }
    }

    private static Result tcp(String kind, String name, String target, String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return new Result(kind, name, target, Status.OK, "accepts connections on " + host + ":" + port);
        } catch (IOException e) {
            return new Result(kind, name, target, Status.DEAD, host + ":" + port + ": " + e.getMessage());
        }
    }
}
