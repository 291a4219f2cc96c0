package org.certbench.api.dut;

import java.util.Locale;

/**
 * The transport of a declared port.
 *
 * <pre>{@code
 * network.declaredPorts(Transport.UDP)
 * }</pre>
 */
public enum Transport {
    TCP,
    UDP;

    /** As written in profiles: {@code tcp} or {@code udp}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
