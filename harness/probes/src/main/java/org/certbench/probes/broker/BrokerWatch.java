package org.certbench.probes.broker;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a campaign first watched the lab broker for each thing a device should do there (open a session, try the
 * rogue listener). The broker's log keeps everything since the campaign began, so a device that did it is seen at
 * once by every later case; one that has not done it by the end of the first case's wait is not waited for again,
 * for as long again, by each case after it. Each case's evidence says since when, and for which case, the device
 * has been watched.
 *
 * <pre>{@code
 * BrokerWatch watch = new BrokerWatch();
 * BrokerWatch.Watched first = watch.watch("sessions 10.0.0.2", "case 5.5-1-2 on camera-01");
 * Duration left = wait.minus(Duration.between(first.since(), Instant.now()));
 * }</pre>
 */
public final class BrokerWatch {

    /** Remembers nothing: every case waits the whole time itself (probes used outside a campaign). */
    public static final BrokerWatch NONE = new BrokerWatch(false);

    private final boolean remembers;
    private final Map<String, Watched> first = new ConcurrentHashMap<>();

    /** A watch that remembers, for one campaign. */
    public BrokerWatch() {
        this(true);
    }

    private BrokerWatch(boolean remembers) {
        this.remembers = remembers;
    }

    /**
     * Since when something has been watched for.
     *
     * @param since when the first case began to watch
     * @param byCase that case, as the evidence names it
     */
    public record Watched(Instant since, String byCase) {
    }

    /** The first watch for {@code what}: begun now by {@code byCase} unless an earlier case began it. */
    public Watched watch(String what, String byCase) {
        Watched now = new Watched(Instant.now(), byCase);
        return remembers ? first.computeIfAbsent(what, w -> now) : now;
    }
}
