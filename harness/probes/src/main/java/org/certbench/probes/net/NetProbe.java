package org.certbench.probes.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.certbench.api.Evidence;
import org.certbench.api.Transcript;
import org.certbench.api.Verdicts;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;
import org.certbench.probes.Workers;

/**
 * Network probes bound to one test case: each scan is written to the case's evidence as a transcript.
 *
 * <pre>{@code
 * PortScan scan = probes.net().scanTcp(network.host(), PortRange.ALL);
 * }</pre>
 */
public final class NetProbe {

    private final Evidence evidence;
    private final Deadline deadline;
    private final ScanOptions scanOptions;

    private final ScanMemory scans;
    private final String caseLabel;

    public NetProbe(Evidence evidence, Deadline deadline, ScanOptions scanOptions) {
        this(evidence, deadline, scanOptions, ScanMemory.NONE, "");
    }

    /**
     * A probe whose complete scans are shared with the campaign's other cases through {@code scans}.
     *
     * @param caseLabel the case this probe serves, as a later case's evidence names it when it reuses a scan
     */
    public NetProbe(Evidence evidence, Deadline deadline, ScanOptions scanOptions, ScanMemory scans, String caseLabel) {
        this.evidence = evidence;
        this.deadline = deadline;
        this.scanOptions = scanOptions;
        this.scans = scans;
        this.caseLabel = caseLabel;
    }

    /**
     * Speaks to UDP ports in their own protocols (CoAP, DTLS, DNS, mDNS, NTP, SNMP, SSDP), recorded as
     * {@code udp-probe-HOST.txt}.
     */
    public List<UdpPortResult> probeUdp(String host, Collection<Integer> ports) {
        try (Transcript transcript = evidence.transcript("udp-probe-" + Transcripts.safe(host) + ".txt")) {
            transcript.sent("UDP probes of " + host + " ports " + ports);
            List<UdpPortResult> results;
            try {
                results = new UdpProber(Duration.ofSeconds(1)).probe(host, ports, deadline);
            } catch (IOException e) {
                transcript.note("probe impossible: " + e);
                throw Verdicts.inconclusive("cannot probe UDP on %s: %s", host, e.getMessage());
            }
            for (UdpPortResult result : results) {
                transcript.received(result.port() + "/udp " + result.state() + ": " + result.summary());
            }
            return results;
        }
    }

    /** How many ports {@link #identify} speaks to at once. */
    private static final int IDENTIFY_AT_ONCE = 4;

    /** Tells the service on each open TCP port by speaking to it, recorded as {@code services-HOST.txt}. */
    public List<ServiceGuess> identify(String host, Collection<Integer> ports) {
        try (Transcript transcript = Transcripts.shared(evidence.transcript("services-" + Transcripts.safe(host) + ".txt"))) {
            List<Integer> asked = List.copyOf(ports);
            ServiceGuess[] guesses = new ServiceGuess[asked.size()];
            ServiceIdentifier identifier = new ServiceIdentifier(Duration.ofMillis(800));
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < guesses.length; i = next.getAndIncrement()) {
                    int port = asked.get(i);
                    transcript.sent("identify " + host + ":" + port + "/tcp");
                    ServiceGuess guess = identifier.identify(host, port, deadline);
                    transcript.received(port + "/tcp " + guess.service() + (guess.tls() ? " (TLS)" : "") + ": " + guess.banner());
                    guesses[i] = guess;
                }
            };
            // Most of identifying is waiting for a service to speak first; a few ports at once wait together, as nmap's
            // service scan does. A few, not all: a small device's TCP stack may hold only a handful of connections.
            try {
                Workers.run("certbench-identify", Math.min(IDENTIFY_AT_ONCE, guesses.length), worker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Verdicts.inconclusive("interrupted while identifying the services of %s", host);
            }
            return java.util.Arrays.asList(guesses);
        }
    }

    /**
     * TCP connect scan of {@code range} on {@code host}, recorded as {@code tcp-scan-HOST.txt}. Ends the
     * case INCONCLUSIVE when the host cannot be scanned at all (the name does not resolve). A complete scan
     * of the same ports that an earlier case of the campaign made recently ({@link ScanMemory}) is reused, and
     * the transcript says so: when it was made and for which case, then what it found.
     */
    public PortScan scanTcp(String host, PortRange range) {
        String name = "tcp-scan-" + Transcripts.safe(host) + ".txt";
        try (Transcript transcript = evidence.transcript(name)) {
            java.util.Optional<ScanMemory.Remembered> remembered = scans.recall(host, range, java.time.Instant.now());
            if (remembered.isPresent()) {
                PortScan scan = remembered.get().scan();
                transcript.note(String.format(Locale.ROOT, "reusing the complete TCP connect scan of %s ports %s made at %s for %s "
                        + "(%d in flight, connect timeout %d ms; its evidence is that case's %s)", host, range, scan.started(),
                        remembered.get().madeFor(), scan.options().concurrency(), scan.options().connectTimeout().toMillis(), name));
                record(transcript, scan, false);
                return scan;
            }
            transcript.sent(String.format(Locale.ROOT, "TCP connect scan of %s ports %s, %d in flight, connect timeout %d ms",
                    host, range, scanOptions.concurrency(), scanOptions.connectTimeout().toMillis()));
            PortScan scan;
            try {
                scan = new TcpPortScanner(scanOptions).scan(host, range, deadline);
            } catch (IOException e) {
                transcript.note("scan impossible: " + e);
                throw Verdicts.inconclusive("cannot scan %s: %s", host, e.getMessage());
            }
            record(transcript, scan, true);
            scans.remember(scan, caseLabel);
            return scan;
        }
    }

    /** How long one try of a watched port waits for its connection: a powered-off device answers nothing at all. */
    private static final int WATCH_CONNECT_MILLIS = 700;

    /**
     * Watches which of {@code ports} on {@code host} take a TCP connection: a round tries each once, a round a second,
     * until {@code done} accepts the ports open in a round or {@code wait} (never past the case's deadline) runs out;
     * a wait of zero is one round.
     * What changed from round to round is recorded in {@code tcp-watch-HOST.txt}, with when.
     *
     * @param done given the ports open in a round, whether that is what the case waits for
     */
    public PortWatch watchTcp(String host, Collection<Integer> ports, Duration wait, Predicate<Set<Integer>> done) {
        String name = "tcp-watch-" + Transcripts.safe(host) + ".txt";
        try (Transcript transcript = evidence.transcript(name)) {
            List<Integer> watched = List.copyOf(new TreeSet<>(ports));
            transcript.sent(String.format(Locale.ROOT, "watching %s ports %s for up to %d s, a round a second, connect timeout %d ms",
                    host, watched, wait.toSeconds(), WATCH_CONNECT_MILLIS));
            Deadline until = Deadline.in(wait.compareTo(deadline.remaining()) < 0 ? wait : deadline.remaining());
            long started = System.nanoTime();
            Set<Integer> previous = null;
            int rounds = 0;
            while (true) {
                long round = System.nanoTime();
                Set<Integer> open = new TreeSet<>();
                for (int port : watched) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis(WATCH_CONNECT_MILLIS));
                        open.add(port);
                    } catch (IOException e) {
                        // refused, unreachable or no answer: the port is not up
                    }
                }
                rounds++;
                Duration at = Duration.ofNanos(System.nanoTime() - started);
                if (!open.equals(previous)) {
                    transcript.received(String.format(Locale.ROOT, "after %.1f s: %s", at.toMillis() / 1000.0,
                            open.isEmpty() ? "no port takes a connection" : "open " + open));
                    previous = open;
                }
                if (done.test(open)) {
                    transcript.note(String.format(Locale.ROOT, "settled after %.1f s, %d rounds", at.toMillis() / 1000.0, rounds));
                    return new PortWatch(new TreeSet<>(open), true, at, rounds);
                }
                if (until.expired()) {
                    transcript.note(String.format(Locale.ROOT, "not settled in %.1f s, %d rounds", at.toMillis() / 1000.0, rounds));
                    return new PortWatch(new TreeSet<>(open), false, at, rounds);
                }
                long pause = 1000 - (System.nanoTime() - round) / 1_000_000;
                if (pause > 0) {
                    try {
                        Thread.sleep(Math.min(pause, Math.max(1, until.remaining().toMillis())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw Verdicts.inconclusive("interrupted while watching the ports of %s", host);
                    }
                }
            }
        }
    }

    /** What a scan found: as received when made now, as notes when reused (nothing was received from the device now). */
    private static void record(Transcript transcript, PortScan scan, boolean made) {
        java.util.function.Consumer<String> line = made ? transcript::received : transcript::note;
        for (int port : scan.open()) {
            line.accept(port + "/tcp open");
        }
        if (!scan.filtered().isEmpty()) {
            line.accept("filtered (no answer within the connect timeout): " + scan.filtered());
        }
        transcript.note(String.format(Locale.ROOT, "%d open, %d closed, %d filtered; %d of %d ports decided in %d ms%s",
                scan.open().size(), scan.closed(), scan.filtered().size(), scan.scanned(), scan.range().size(),
                scan.elapsed().toMillis(), scan.complete() ? "" : " (cut short by the case deadline)"));
    }

    /**
     * Sends each of {@link MalformedInput#tcp}'s bursts for {@code service} to a TCP port, one connection
     * each, and after each checks that the port still takes a connection (twice, a second apart, as a
     * restarting service may need); stops at the first burst after which it does not. Recorded as
     * {@code malformed-HOST-PORT-tcp.txt}.
     */
    public BurstResult malformedTcp(String host, int port, String service, long seed) {
        try (Transcript transcript = evidence.transcript("malformed-" + Transcripts.safe(host) + "-" + port + "-tcp.txt")) {
            transcript.note("malformed input for " + service + " on " + host + ":" + port + "/tcp, seed " + seed);
            List<String> sent = new ArrayList<>();
            for (MalformedInput.Burst burst : MalformedInput.tcp(service, seed)) {
                if (deadline.expired()) {
                    return new BurstResult(port, "tcp", sent, null, seed, true);
                }
                sent.add(burst.name());
                transcript.sent(burst.name() + " (" + burst.bytes().length + " bytes)");
                transcript.received(tcpBurst(host, port, burst.bytes()));
                if (!alive(() -> tcpAlive(host, port), transcript)) {
                    return new BurstResult(port, "tcp", sent, burst.name(), seed, false);
                }
            }
            return new BurstResult(port, "tcp", sent, null, seed, false);
        }
    }

    /**
     * As {@link #malformedTcp} for a UDP port that answered in {@code protocol}: after each burst the
     * port must still answer that protocol's own probe. Recorded as {@code malformed-HOST-PORT-udp.txt}.
     */
    public BurstResult malformedUdp(String host, int port, UdpProtocol protocol, long seed) {
        try (Transcript transcript = evidence.transcript("malformed-" + Transcripts.safe(host) + "-" + port + "-udp.txt")) {
            transcript.note("malformed input for " + protocol + " on " + host + ":" + port + "/udp, seed " + seed);
            List<String> sent = new ArrayList<>();
            UdpProber prober = new UdpProber(Duration.ofSeconds(1));
            for (MalformedInput.Burst burst : MalformedInput.udp(protocol, seed)) {
                if (deadline.expired()) {
                    return new BurstResult(port, "udp", sent, null, seed, true);
                }
                sent.add(burst.name());
                transcript.sent(burst.name() + " (" + burst.bytes().length + " bytes)");
                transcript.received(udpBurst(host, port, burst.bytes()));
                if (!alive(() -> prober.probe(host, Set.of(port), deadline).stream()
                        .anyMatch(r -> r.state() == UdpPortResult.State.ANSWERED), transcript)) {
                    return new BurstResult(port, "udp", sent, burst.name(), seed, false);
                }
            }
            return new BurstResult(port, "udp", sent, null, seed, false);
        }
    }

    private interface LivenessCheck {
        boolean answers() throws IOException;
    }

    private boolean alive(LivenessCheck check, Transcript transcript) {
        for (int attempt = 0; attempt < 2 && !deadline.expired(); attempt++) {
            try {
                if (check.answers()) {
                    transcript.note("still answers");
                    return true;
                }
            } catch (IOException e) {
                transcript.note("liveness check: " + e.getMessage());
            }
            sleep(1000);
        }
        transcript.note("no longer answers");
        return false;
    }

    private boolean tcpAlive(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis(2000));
            return true;
        } catch (java.net.ConnectException | SocketTimeoutException e) {
            return false;
        }
    }

    /** Sends the bytes on a fresh connection and reads what comes back within 300 ms. */
    private String tcpBurst(String host, int port, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoLinger(true, 0);
            socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis(2000));
            socket.setSoTimeout(300);
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return "closed while sending: " + e.getMessage();
            }
            return answer(socket.getInputStream());
        } catch (IOException e) {
            return "no connection: " + e.getMessage();
        }
    }

    private static String answer(InputStream in) {
        byte[] buffer = new byte[512];
        int total = 0;
        try {
            int n;
            while (total < buffer.length && (n = in.read(buffer, total, buffer.length - total)) > 0) {
                total += n;
            }
            return total == 0 ? "closed without an answer" : "answered " + total + " bytes: " + printable(buffer, total);
        } catch (SocketTimeoutException e) {
            return total == 0 ? "no answer within 300 ms" : "answered " + total + " bytes: " + printable(buffer, total);
        } catch (IOException e) {
            return "connection " + e.getMessage();
        }
    }

    private String udpBurst(String host, int port, byte[] bytes) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(host), port));
            byte[] buffer = new byte[1500];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
                return "answered " + reply.getLength() + " bytes: " + printable(buffer, reply.getLength());
            } catch (SocketTimeoutException e) {
                return "no answer within 300 ms";
            }
        } catch (IOException e) {
            return "not sent: " + e.getMessage();
        }
    }

    private static String printable(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(length, 80); i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : ".");
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
