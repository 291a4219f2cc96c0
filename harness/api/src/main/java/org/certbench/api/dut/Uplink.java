package org.certbench.api.dut;

import java.util.Objects;

/**
 * A connection the device makes out to a broker ({@code interfaces.uplink}): the bench points the
 * device's broker name at the lab broker, which records what it sends, and at the rogue listener.
 *
 * <pre>{@code
 * dut.interfaces().uplink().filter(Uplink::tls).isPresent()   // the manufacturer says it uses TLS
 * }</pre>
 *
 * @param protocol {@code mqtt}
 * @param tls whether the manufacturer says the connection uses TLS
 */
public record Uplink(String protocol, boolean tls) {
    public Uplink {
        Objects.requireNonNull(protocol, "protocol");
    }
}
