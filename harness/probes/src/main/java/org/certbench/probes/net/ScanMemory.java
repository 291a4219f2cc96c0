package org.certbench.probes.net;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The complete TCP scans a campaign has made, so that the cases of one device that each need every open
 * port read one scan instead of scanning all 65,535 ports again (five EN 303 645 cases do). A scan is
 * reused only while it is younger than the campaign's {@code certbench.scan.reuse}; one cut short by a
 * deadline is never kept. Each case that reuses a scan still records it in its own evidence, with when it
 * was made and for which case, so every verdict stays traceable to the scan it stands on.
 *
 * <pre>{@code
 * ScanMemory scans = ScanMemory.keepingFor(Duration.ofMinutes(30));
 * NetProbe net = new NetProbe(evidence, deadline, ScanOptions.DEFAULT, scans, "5.6-1-2 on camera-01");
 * }</pre>
 */
public final class ScanMemory {

    /** Remembers nothing: every scan is made afresh (probes used outside a campaign). */
    public static final ScanMemory NONE = new ScanMemory(Duration.ZERO);

    private final Duration keep;
    private final Map<String, Remembered> scans = new ConcurrentHashMap<>();

    private ScanMemory(Duration keep) {
        this.keep = Objects.requireNonNull(keep, "keep");
        if (keep.isNegative()) {
            throw new IllegalArgumentException("a scan cannot be kept for a negative time: " + keep);
        }
    }

    /** A memory whose scans are reused while younger than {@code keep}; zero reuses none. */
    public static ScanMemory keepingFor(Duration keep) {
        return keep.isZero() ? NONE : new ScanMemory(keep);
    }

    /**
     * A complete scan made for an earlier case.
     *
     * @param scan the scan
     * @param madeFor the case it was made for, as its evidence names it
     */
    public record Remembered(PortScan scan, String madeFor) {
    }

    /** The scan of {@code range} on {@code host} still young enough at {@code now}, if any. */
    public Optional<Remembered> recall(String host, PortRange range, Instant now) {
        if (keep.isZero()) {
            return Optional.empty();
        }
        Remembered remembered = scans.get(key(host, range));
        if (remembered == null) {
            return Optional.empty();
        }
        Instant ended = remembered.scan().started().plus(remembered.scan().elapsed());
        return Duration.between(ended, now).compareTo(keep) < 0 ? Optional.of(remembered) : Optional.empty();
    }

    /** Keeps {@code scan} for the next cases, if it is complete (a partial scan would hide open ports). */
    public void remember(PortScan scan, String madeFor) {
        if (!keep.isZero() && scan.complete()) {
            scans.put(key(scan.host(), scan.range()), new Remembered(scan, madeFor));
        }
    }

    private static String key(String host, PortRange range) {
        return host + " " + range.first() + "-" + range.last();
    }
}
