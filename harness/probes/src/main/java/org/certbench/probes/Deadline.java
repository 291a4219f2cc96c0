package org.certbench.probes;

import java.time.Duration;

/**
 * The moment a probe must give up by: the end of the running test case. Probes check it between
 * network waits and cap every wait with {@link #remaining()}.
 *
 * <pre>{@code
 * Deadline deadline = Deadline.in(Duration.ofSeconds(30));
 * socket.setSoTimeout(deadline.remainingMillis(5_000));
 * }</pre>
 */
public final class Deadline {

    /** A deadline that never expires, for probes used on their own. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code duration} from now. */
    public static Deadline in(Duration duration) {
        long now = System.nanoTime();
        long nanos = duration.toNanos();
        return new Deadline(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    /** Whether the deadline has passed (or the thread was told to stop). */
    public boolean expired() {
        return Thread.currentThread().isInterrupted() || (endNanos != Long.MAX_VALUE && System.nanoTime() >= endNanos);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return endNanos == Long.MAX_VALUE
                ? Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)
                : Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Time left in milliseconds, capped at {@code cap}; at least 1 so it can be a socket timeout. */
    public int remainingMillis(int cap) {
        long left = endNanos == Long.MAX_VALUE ? cap : remaining().toMillis();
        return (int) Math.max(1, Math.min(cap, left));
    }
}
