package org.certbench.api.dut;

import java.util.Objects;

/**
 * A port the device is declared to listen on (IXIT 15-Intf).
 *
 * <pre>{@code
 * new DeclaredPort(443, Transport.TCP, "https")
 * }</pre>
 *
 * @param port 1–65535
 * @param transport TCP or UDP
 * @param service the service the manufacturer says is behind it
 */
public record DeclaredPort(int port, Transport transport, String service) {
    public DeclaredPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(service, "service");
    }
}
