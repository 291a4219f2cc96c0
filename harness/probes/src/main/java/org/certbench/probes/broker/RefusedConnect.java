package org.certbench.probes.broker;

import java.time.Instant;
import java.util.Objects;

/**
 * A CONNECT the lab broker refused because the harness told it to turn a device away for a while
 * ({@link BrokerLog#refuse}): the times of these show how a device comes back (EN 303 645 5.9-3).
 *
 * <pre>{@code
 * log.refusedConnects().stream().filter(c -> c.remoteAddress().equals(host)).map(RefusedConnect::at).toList();
 * }</pre>
 *
 * @param remoteAddress the client's address
 * @param clientId its client id
 * @param at when its CONNECT arrived
 */
public record RefusedConnect(String remoteAddress, String clientId, Instant at) {

    public RefusedConnect {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(at, "at");
    }
}
