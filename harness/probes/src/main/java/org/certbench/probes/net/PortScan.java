package org.certbench.probes.net;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a TCP connect scan found on one host.
 *
 * <pre>{@code
 * PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT).scan("10.0.0.2", PortRange.ALL, Deadline.NONE);
 * scan.open();      // [22, 443]
 * scan.complete();  // false if the deadline cut it short
 * }</pre>
 *
 * @param host the host scanned, as given
 * @param range the ports asked for
 * @param open ports that accepted a connection
 * @param filtered ports that neither accepted nor refused before the connect timeout, or were unreachable
 * @param closed how many ports refused the connection
 * @param scanned how many ports got an answer or timed out (equals the range size when complete)
 * @param started when the scan began
 * @param elapsed how long it took
 * @param options the options it ran with
 */
public record PortScan(
        String host,
        PortRange range,
        SortedSet<Integer> open,
        SortedSet<Integer> filtered,
        int closed,
        int scanned,
        Instant started,
        Duration elapsed,
        ScanOptions options) {

    public PortScan {
        Objects.requireNonNull(host, "host");
        open = Collections.unmodifiableSortedSet(new TreeSet<>(open));
        filtered = Collections.unmodifiableSortedSet(new TreeSet<>(filtered));
    }

    /** Whether every port of the range was decided (the deadline did not cut the scan short). */
    public boolean complete() {
        return scanned == range.size();
    }
}
