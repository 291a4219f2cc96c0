package org.certbench.probes.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How a TCP connect scan behaves.
 *
 * <pre>{@code
 * ScanOptions options = ScanOptions.DEFAULT.withConcurrency(256).withConnectTimeout(Duration.ofSeconds(2));
 * }</pre>
 *
 * @param concurrency connects in flight at once; the scan's speed is bound by this, not the wire
 * @param connectTimeout how long an unanswered connect waits before the port counts as filtered
 */
public record ScanOptions(int concurrency, Duration connectTimeout) {

    /** 512 connects in flight, 1.5 s per unanswered connect. */
    public static final ScanOptions DEFAULT = new ScanOptions(512, Duration.ofMillis(1500));

    public ScanOptions {
        if (concurrency < 1 || concurrency > 16_384) {
            throw new IllegalArgumentException("scan concurrency must be 1-16384: " + concurrency);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
    }

    public ScanOptions withConcurrency(int concurrency) {
        return new ScanOptions(concurrency, connectTimeout);
    }

    public ScanOptions withConnectTimeout(Duration connectTimeout) {
        return new ScanOptions(concurrency, connectTimeout);
    }
}
