package org.certbench.probes.net;

import java.io.IOException;
import java.util.Locale;
import org.certbench.api.Evidence;
import org.certbench.api.Transcript;
import org.certbench.api.Verdicts;
import org.certbench.probes.Deadline;

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
     * TCP connect scan of {@code range} on {@code host}, recorded as {@code tcp-scan-HOST.txt}. Ends the
     * case INCONCLUSIVE when the host cannot be scanned at all (the name does not resolve).
     */
    public PortScan scanTcp(String host, PortRange range) {
        String name = "tcp-scan-" + host.replaceAll("[^A-Za-z0-9.\\-]", "_") + ".txt";
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
