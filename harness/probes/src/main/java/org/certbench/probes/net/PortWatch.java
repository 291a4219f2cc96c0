package org.certbench.probes.net;

import java.time.Duration;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What watching a device's TCP ports saw ({@link NetProbe#watchTcp}): the ports that took a connection in the
 * last round, whether that was the state the case waited for, and how long it took to get there.
 *
 * <pre>{@code
 * PortWatch back = probes.net().watchTcp(host, up, Duration.ofMinutes(2), open -> open.containsAll(up));
 * Verdicts.failIf(!back.settled(), "%s did not come back within 2 min: %s answer", host, back.open());
 * }</pre>
 *
 * @param open the ports that took a connection in the last round
 * @param settled whether the state waited for was seen before the wait ran out
 * @param elapsed from the first round to the last
 * @param rounds how many times every port was tried
 */
public record PortWatch(SortedSet<Integer> open, boolean settled, Duration elapsed, int rounds) {

    public PortWatch {
        open = new TreeSet<>(open);
    }

    /** The ports of {@code expected} that did not take a connection in the last round. */
    public Set<Integer> missing(Set<Integer> expected) {
        Set<Integer> missing = new TreeSet<>(expected);
        missing.removeAll(open);
        return missing;
    }
}
