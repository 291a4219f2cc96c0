package org.certbench.probes.net;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a port bore a run of malformed bursts.
 *
 * <pre>{@code
 * BurstResult result = probes.net().malformedTcp(host, 1883, "mqtt", 42);
 * result.killedBy();   // Optional["mqtt-bad-remaining-length"] when the port stopped answering after it
 * }</pre>
 *
 * @param port the port
 * @param transport {@code tcp} or {@code udp}
 * @param sent the bursts sent, in order, up to and including the one after which the port died
 * @param killer the burst after which the port stopped answering, or null if it kept answering
 * @param seed the seed of the random content, to send the same bytes again
 * @param cutShort whether the deadline ended the run before every burst was sent
 */
public record BurstResult(int port, String transport, List<String> sent, @Nullable String killer, long seed, boolean cutShort) {

    public BurstResult {
        sent = List.copyOf(sent);
    }

    /** The burst after which the port stopped answering. */
    public Optional<String> killedBy() {
        return Optional.ofNullable(killer);
    }
}
