package org.certbench.suites.etsi;

import java.util.Map;
import java.util.TreeMap;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.probes.Probes;
import org.certbench.probes.net.ServiceGuess;
import org.certbench.probes.tls.CertificateInfo;
import org.certbench.probes.tls.HandshakeFacts;
import org.certbench.probes.tls.TlsScanOptions;

/**
 * The leaf certificates a unit's TLS services present on its declared TCP ports, for comparing units
 * (5.4-4). Reading them is a handshake per service: harmless to a unit whose own lane is busy.
 */
final class UnitKeys {

    private UnitKeys() {
    }

    /** Each TLS service's leaf certificate, by port; a service that completed no handshake is left out. */
    static Map<Integer, CertificateInfo> read(Dut unit, Bench bench, Probes probes) {
        String host = unit.interfaces().network().orElseThrow().host();
        Map<Integer, CertificateInfo> leaves = new TreeMap<>();
        for (ServiceGuess service : DeviceServices.identify(unit, bench, probes, java.util.List.of())) {
            if (!service.tls()) {
                continue;
            }
            HandshakeFacts facts = probes.tls().certificates(host, service.port(), TlsScanOptions.DEFAULT);
            if (!facts.chain().isEmpty()) {
                leaves.put(service.port(), facts.chain().get(0));
            }
        }
        return leaves;
    }

    /** A line of the {@code unit-keys.csv} evidence. */
    static String row(Dut unit, int port, CertificateInfo leaf) {
        return String.join(", ", unit.id(), unit.interfaces().network().orElseThrow().host(), port + "/tcp",
                leaf.keyType() + " " + leaf.keyBits(), leaf.publicKeySha256()) + "\n";
    }
}
