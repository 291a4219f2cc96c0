package org.certbench.probes.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import org.certbench.probes.Deadline;

/**
 * TCP connect scan of one host, the way {@code nmap -sT} does it, with non-blocking connects on one
 * thread per core (each with a slice of the ports; the scan is bound by the system calls of each
 * connect): up to {@link ScanOptions#concurrency()} connects are in flight at once, each either
 * accepted (open), refused (closed) or unanswered until the connect timeout (filtered).
 *
 * <p>Sockets close with {@code SO_LINGER 0} (a reset, as nmap does) so a full scan leaves no
 * TIME_WAIT sockets behind to exhaust the local ports of a bench that scans many devices.
 *
 * <pre>{@code
 * PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT)
 *         .scan("192.0.2.10", PortRange.ALL, Deadline.in(Duration.ofMinutes(5)));
 * }</pre>
 */
public final class TcpPortScanner {

    private final ScanOptions options;

    public TcpPortScanner(ScanOptions options) {
        this.options = options;
    }

    /**
     * Scans the range. Stops early, with {@link PortScan#complete()} false, when the deadline passes or
     * the thread is interrupted.
     *
     * @throws IOException when the host name does not resolve or no socket can be opened at all
     */
    public PortScan scan(String host, PortRange range, Deadline deadline) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        // Each connect costs a few system calls: the scan is bound by the CPU, so each core takes a slice.
        int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), range.size() / 1024));
        int perSlice = (range.size() + slices - 1) / slices;
        Slice[] parts = new Slice[slices];
        Thread[] threads = new Thread[slices];
        IOException[] failure = new IOException[1];
        for (int i = 0; i < slices; i++) {
            int first = range.first() + i * perSlice;
            int last = Math.min(range.last(), first + perSlice - 1);
            Slice slice = new Slice(first, last);
            parts[i] = slice;
            threads[i] = new Thread(() -> {
                try {
                    slice.scan(address, Math.max(1, options.concurrency() / slices), options.connectTimeout().toNanos(), deadline);
                } catch (IOException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "certbench-tcp-scan-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (Thread other : threads) {
                    other.interrupt();
                }
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        SortedSet<Integer> open = new TreeSet<>();
        SortedSet<Integer> filtered = new TreeSet<>();
        int closed = 0;
        int decided = 0;
        for (Slice slice : parts) {
            open.addAll(slice.open);
            filtered.addAll(slice.filtered);
            closed += slice.closed;
            decided += slice.decided;
        }
        return new PortScan(host, range, open, filtered, closed, decided, started,
                Duration.ofNanos(System.nanoTime() - startNanos), options);
    }

    /** One core's share of the ports, scanned with its own selector. */
    private static final class Slice {
        final int first;
        final int last;
        final SortedSet<Integer> open = new TreeSet<>();
        final SortedSet<Integer> filtered = new TreeSet<>();
        int closed;
        int decided;

        Slice(int first, int last) {
            this.first = first;
            this.last = last;
        }

        void scan(InetAddress address, int concurrency, long timeoutNanos, Deadline deadline) throws IOException {
            int next = first;
            // A socket of the address's own family: the JDK's default, a dual-stack IPv6 socket, costs an IPv4 target a
            // setsockopt and the kernel's v4-mapped path on every port.
            ProtocolFamily family = address instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
            // Oldest first, so time-outs are found at the head; decided entries are dropped lazily.
            ArrayDeque<Pending> inFlight = new ArrayDeque<>();
            int active = 0;
            try (Selector selector = Selector.open()) {
                while ((next <= last || active > 0) && !deadline.expired() && !Thread.currentThread().isInterrupted()) {
                    while (next <= last && active < concurrency) {
                        int port = next++;
                        SocketChannel channel = SocketChannel.open(family);
                        try {
                            channel.configureBlocking(false);
                            if (channel.connect(new InetSocketAddress(address, port))) {
                                open.add(port);
                                decided++;
                                closeAbruptly(channel);
                            } else {
                                Pending pending = new Pending(port, channel, System.nanoTime());
                                channel.register(selector, SelectionKey.OP_CONNECT, pending);
                                inFlight.addLast(pending);
                                active++;
                            }
                        } catch (ConnectException refused) {
                            closed++;
                            decided++;
                            channel.close();
                        } catch (IOException unreachable) {
                            filtered.add(port);
                            decided++;
                            channel.close();
                        }
                    }
                    selector.select(50);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Pending pending = (Pending) key.attachment();
                        if (pending.done) {
                            continue;
                        }
                        try {
                            if (!pending.channel.finishConnect()) {
                                continue;
                            }
                            open.add(pending.port);
                            closeAbruptly(pending.channel);
                        } catch (ConnectException refused) {
                            closed++;
                        } catch (IOException unreachable) {
                            filtered.add(pending.port);
                        }
                        pending.done = true;
                        active--;
                        decided++;
                        pending.channel.close();
                    }
                    long now = System.nanoTime();
                    while (!inFlight.isEmpty()) {
                        Pending oldest = inFlight.peekFirst();
                        if (oldest.done) {
                            inFlight.removeFirst();
                        } else if (now - oldest.startNanos >= timeoutNanos) {
                            inFlight.removeFirst();
                            oldest.done = true;
                            active--;
                            filtered.add(oldest.port);
                            decided++;
                            oldest.channel.close();
                        } else {
                            break;
                        }
                    }
                }
                for (Pending pending : inFlight) {
                    if (!pending.done) {
                        pending.channel.close();
                    }
                }
            }
        }
    }

    /** Closes a connected socket with a reset (SO_LINGER 0), so a full scan leaves no TIME_WAIT behind on either side. */
    private static void closeAbruptly(SocketChannel channel) throws IOException {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } finally {
            channel.close();
        }
    }

    private static final class Pending {
        final int port;
        final SocketChannel channel;
        final long startNanos;
        boolean done;

        Pending(int port, SocketChannel channel, long startNanos) {
            this.port = port;
            this.channel = channel;
            this.startNanos = startNanos;
        }
    }
}
