package org.certbench.probes.coap;

import java.util.Objects;

/**
 * A CoAP endpoint of a device and how to secure the exchange.
 *
 * <pre>{@code
 * CoapTarget plain = new CoapTarget("10.0.0.2", 5683, CoapSecurity.none());
 * CoapTarget dtls = new CoapTarget("10.0.0.2", 5684, CoapSecurity.psk("id", key));
 * }</pre>
 *
 * @param host the device's address
 * @param port the UDP port
 * @param security plain, PSK or X.509
 */
public record CoapTarget(String host, int port, CoapSecurity security) {

    public CoapTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The URI of a path on this target: {@code coap://} or {@code coaps://}. */
    public String uri(String path) {
        String scheme = security instanceof CoapSecurity.None ? "coap" : "coaps";
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + literal + ":" + port + (path.startsWith("/") ? path : "/" + path);
    }
}
