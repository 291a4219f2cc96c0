package org.certbench.api.dut;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The device's network interface: its address on the bench and every port it is declared to listen on.
 *
 * <pre>{@code
 * Set<Integer> declared = dut.interfaces().network().orElseThrow().declaredPorts(Transport.TCP);
 * }</pre>
 *
 * @param host IP address or host name of the device on the bench
 * @param ports declared listening ports
 */
public record NetworkInterface(String host, List<DeclaredPort> ports) {
    public NetworkInterface {
        Objects.requireNonNull(host, "host");
        ports = List.copyOf(ports);
    }

    /** Declared port numbers for one transport, sorted. */
    public Set<Integer> declaredPorts(Transport transport) {
        Set<Integer> result = new TreeSet<>();
        for (DeclaredPort port : ports) {
            if (port.transport() == transport) {
                result.add(port.port());
            }
        }
        return result;
    }

    /** The declaration of one port, if any. */
    public Optional<DeclaredPort> declared(int port, Transport transport) {
        return ports.stream().filter(p -> p.port() == port && p.transport() == transport).findFirst();
    }
}
