package org.certbench.probes.net;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.certbench.api.Evidence;
import org.certbench.api.Transcript;
import org.certbench.api.Verdicts;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;

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

    public NetProbe(Evidence evidence, Deadline deadline, ScanOptions scanOptions) {
        this.evidence = evidence;
        this.deadline = deadline;
        this.scanOptions = scanOptions;
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

    /** Tells the service on each open TCP port by speaking to it, recorded as {@code services-HOST.txt}. */
    public List<ServiceGuess> identify(String host, Collection<Integer> ports) {
        try (Transcript transcript = evidence.transcript("services-" + Transcripts.safe(host) + ".txt")) {
            List<ServiceGuess> guesses = new java.util.ArrayList<>();
            ServiceIdentifier identifier = new ServiceIdentifier(Duration.ofMillis(800));
            for (int port : ports) {
                transcript.sent("identify " + host + ":" + port + "/tcp");
                ServiceGuess guess = identifier.identify(host, port, deadline);
                transcript.received(port + "/tcp " + guess.service() + (guess.tls() ? " (TLS)" : "") + ": " + guess.banner());
                guesses.add(guess);
            }
            return guesses;
        }
    }

    /**
     * TCP connect scan of {@code range} on {@code host}, recorded as {@code tcp-scan-HOST.txt}. Ends the
     * case INCONCLUSIVE when the host cannot be scanned at all (the name does not resolve).
     */
    public PortScan scanTcp(String host, PortRange range) {
        String name = "tcp-scan-" + Transcripts.safe(host) + ".txt";
        try (Transcript transcript = evidence.transcript(name)) {
            transcript.sent(String.format(Locale.ROOT, "TCP connect scan of %s ports %s, %d in flight, connect timeout %d ms",
                    host, range, scanOptions.concurrency(), scanOptions.connectTimeout().toMillis()));
            PortScan scan;
            try {
                scan = new TcpPortScanner(scanOptions).scan(host, range, deadline);
            } catch (IOException e) {
                transcript.note("scan impossible: " + e);
                throw Verdicts.inconclusive("cannot scan %s: %s", host, e.getMessage());
            }
            for (int port : scan.open()) {
                transcript.received(port + "/tcp open");
            }
            if (!scan.filtered().isEmpty()) {
                transcript.received("filtered (no answer within the connect timeout): " + scan.filtered());
            }
            transcript.note(String.format(Locale.ROOT, "%d open, %d closed, %d filtered; %d of %d ports decided in %d ms%s",
                    scan.open().size(), scan.closed(), scan.filtered().size(), scan.scanned(), range.size(),
                    scan.elapsed().toMillis(), scan.complete() ? "" : " (cut short by the case deadline)"));
            return scan;
        }
    }
}
