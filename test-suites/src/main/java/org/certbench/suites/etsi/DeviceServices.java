package org.certbench.suites.etsi;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.api.dut.NetworkInterface;
import org.certbench.api.dut.Transport;
import org.certbench.probes.Probes;
import org.certbench.probes.net.PortRange;
import org.certbench.probes.net.PortScan;
import org.certbench.probes.net.ServiceGuess;

/**
 * The services a device answers with on its declared TCP ports (and on any others a case names), told
 * by speaking to them. The bench's own serial server is left out when it sits on the device's address:
 * it is the lab's instrument, not the device's service.
 */
final class DeviceServices {

    private DeviceServices() {
    }

    /** Every reachable service among the declared TCP ports and {@code extraPorts}, in port order. */
    static List<ServiceGuess> identify(Dut dut, Bench bench, Probes probes, Collection<Integer> extraPorts) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        Set<Integer> ports = new TreeSet<>(network.declaredPorts(Transport.TCP));
        ports.addAll(extraPorts);
        ports.removeAll(benchPorts(network, bench));
        return probes.net().identify(network.host(), ports).stream().filter(ServiceGuess::reachable).toList();
    }

    /**
     * Every TCP service of the device, on any port: an all-port scan, then each open port (the bench's own
     * serial server aside) identified.
     *
     * @param scan the scan, to tell whether it was complete
     * @param services what answered on the open ports
     */
    record Scanned(PortScan scan, List<ServiceGuess> services) {
    }

    static Scanned scanAll(Dut dut, Bench bench, Probes probes) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        PortScan scan = probes.net().scanTcp(network.host(), PortRange.ALL);
        Set<Integer> open = new TreeSet<>(scan.open());
        open.removeAll(benchPorts(network, bench));
        return new Scanned(scan, probes.net().identify(network.host(), open).stream().filter(ServiceGuess::reachable).toList());
    }

    /** The TCP ports of the bench's serial servers that sit on the device's own address. */
    static Set<Integer> benchPorts(NetworkInterface network, Bench bench) {
        Set<Integer> ports = new TreeSet<>();
        for (String value : bench.serialPorts().values()) {
            URI uri = URI.create(value);
            if (network.host().equals(uri.getHost()) && uri.getPort() > 0) {
                ports.add(uri.getPort());
            }
        }
        return ports;
    }

    /** {@code https://host:port} of an HTTP(S) service, IPv6 literals in brackets. */
    static String baseUri(String host, ServiceGuess service) {
        return service.service() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + service.port();
    }
}
