package org.certbench.api.dut;

import java.util.Locale;
import java.util.Objects;

/**
 * The device's CoAP endpoint (UDP) and how it is secured.
 *
 * <pre>{@code
 * new CoapEndpoint(5684, CoapEndpoint.Security.PSK)
 * }</pre>
 *
 * @param port 1–65535
 * @param security none (plain CoAP), or the DTLS credential type
 */
public record CoapEndpoint(int port, Security security) {

    /** How a CoAP endpoint is secured. */
    public enum Security {
        NONE,
        PSK,
        RPK,
        X509;

        /** As written in profiles. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CoapEndpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
    }
}
