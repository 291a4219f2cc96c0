package org.certbench.api.dut;

/**
 * A TCP service endpoint of the device (MQTT, HTTP), on the network interface's host.
 *
 * <pre>{@code
 * ServiceEndpoint http = dut.interfaces().http().orElseThrow(); // port 443, tls true
 * }</pre>
 *
 * @param port 1–65535
 * @param tls whether the service is spoken over TLS
 */
public record ServiceEndpoint(int port, boolean tls) {
    public ServiceEndpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
