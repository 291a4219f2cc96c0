package org.certbench.suites.etsi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Finding;
import org.certbench.api.Units;
import org.certbench.api.Verdicts;
import org.certbench.api.dut.NetworkInterface;
import org.certbench.api.dut.ServiceEndpoint;
import org.certbench.api.dut.Transport;
import org.certbench.probes.Probes;
import org.certbench.probes.net.ServiceGuess;
import org.certbench.probes.tls.CertificateInfo;
import org.certbench.probes.tls.HandshakeFacts;
import org.certbench.probes.tls.TlsScanOptions;

/**
 * The leaf certificates a unit's TLS services present on its declared TCP ports, compared with every other unit's
 * of the campaign (5.4-3, 5.4-4): the other units' TLS ports as their profiles declare them, and any port where this
 * unit speaks TLS. Reading them is a handshake per port: harmless to a unit whose own lane is busy. Keys are compared
 * by the SHA-256 of their SubjectPublicKeyInfo, so a key reissued under another certificate still counts; all units
 * are compared, whatever their model; the same key on two ports of one unit is its own.
 */
final class UnitKeys {

    private UnitKeys() {
    }

    /**
     * What the comparison found.
     *
     * @param shared each of this unit's keys another unit presents too, naming the port, the key and where else it is
     * @param compared how many other units presented a key
     * @param unread the other units that presented none
     */
    record Comparison(List<String> shared, int compared, List<String> unread) {

        /** Ends the case INCONCLUSIVE when no other unit could be compared with. */
        void requireDecided() {
            if (compared == 0) {
                throw Verdicts.inconclusive("no other unit of the campaign presented a TLS certificate to compare with (%s)",
                        String.join(", ", unread));
            }
        }
    }

    /**
     * Reads this unit's keys and every other unit's, writes them all to {@code unit-keys.csv} and a finding per own
     * port, and says which keys are shared.
     *
     * @throws org.certbench.api.VerdictException INCONCLUSIVE when this unit presents no key, or is alone in its campaign
     */
    static Comparison compare(Dut dut, Units units, Bench bench, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        // alone, nothing can be compared: said before a port is spoken to (3.3 s of identifying on a virtual unit)
        List<Dut> others = units.others(dut);
        if (others.isEmpty()) {
            throw Verdicts.inconclusive("%s is the only unit in this campaign: TS 103 701 compares the keys of at least two units; "
                    + "certify it together with another unit", dut.id());
        }
        Set<Integer> ownTls = tlsServices(dut, bench, probes);
        Map<Integer, CertificateInfo> own = leaves(dut, ownTls, probes);
        if (own.isEmpty()) {
            throw Verdicts.inconclusive("no TLS service on the declared ports of %s presented a certificate: no key to compare "
                    + "(keys of other kinds are the assessor's, in the conceptual case)", host);
        }
        StringBuilder table = new StringBuilder("unit, address, port, key, public key sha256\n");
        own.forEach((port, leaf) -> table.append(row(dut, port, leaf)));
        Map<String, List<String>> sharedBy = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        int compared = 0;
        for (Dut other : others) {
            Optional<NetworkInterface> network = other.interfaces().network();
            if (network.isEmpty()) {
                continue;
            }
            Map<Integer, CertificateInfo> theirs = leaves(other, tlsPortsOf(other, bench, ownTls), probes);
            if (theirs.isEmpty()) {
                unread.add(other.id());
                continue;
            }
            compared++;
            theirs.forEach((port, leaf) -> {
                table.append(row(other, port, leaf));
                sharedBy.computeIfAbsent(leaf.publicKeySha256(), k -> new ArrayList<>())
                        .add(other.id() + " (" + network.get().host() + ":" + port + ")");
            });
        }
        evidence.writeText("unit-keys.csv", table.toString());
        List<String> shared = new ArrayList<>();
        for (Map.Entry<Integer, CertificateInfo> entry : own.entrySet()) {
            CertificateInfo leaf = entry.getValue();
            String key = leaf.keyType() + " " + leaf.keyBits() + ", public key sha256 " + leaf.publicKeySha256().substring(0, 16) + "…";
            List<String> alsoOn = sharedBy.getOrDefault(leaf.publicKeySha256(), List.of());
            if (alsoOn.isEmpty()) {
                evidence.finding(Finding.pass("key-" + entry.getKey(), entry.getKey() + "/tcp presents a key (" + key
                        + ") no other unit of the " + compared + " read presents"));
            } else {
                shared.add("the key of " + entry.getKey() + "/tcp (" + key + ") is also presented by " + String.join(", ", alsoOn));
                evidence.finding(Finding.fail("key-" + entry.getKey(), entry.getKey() + "/tcp shares its key with " + String.join(", ", alsoOn)));
            }
        }
        return new Comparison(shared, compared, unread);
    }

    /** The TLS services of this unit: each declared TCP port asked what it speaks, those that answer a handshake kept. */
    private static Set<Integer> tlsServices(Dut unit, Bench bench, Probes probes) {
        Set<Integer> ports = new TreeSet<>();
        DeviceServices.identify(unit, bench, probes, List.of()).stream().filter(ServiceGuess::tls).forEach(s -> ports.add(s.port()));
        return ports;
    }

    /**
     * The ports of another unit to read a key from without asking each what it speaks (a second or more per port, on
     * every unit, from every lane): those its profile declares as TLS, and those of this unit's TLS ports it declares too.
     */
    private static Set<Integer> tlsPortsOf(Dut other, Bench bench, Set<Integer> ownTls) {
        NetworkInterface network = other.interfaces().network().orElseThrow();
        Set<Integer> declared = new TreeSet<>(network.declaredPorts(Transport.TCP));
        Set<Integer> ports = new TreeSet<>();
        network.ports().stream().filter(p -> p.transport() == Transport.TCP && TLS_SERVICE.matcher(p.service()).matches())
                .forEach(p -> ports.add(p.port()));
        java.util.stream.Stream.of(other.interfaces().http(), other.interfaces().mqtt()).flatMap(Optional::stream)
                .filter(ServiceEndpoint::tls).forEach(e -> ports.add(e.port()));
        ownTls.stream().filter(declared::contains).forEach(ports::add);
        ports.removeAll(DeviceServices.benchPorts(network, bench));
        return ports;
    }

    private static final java.util.regex.Pattern TLS_SERVICE = java.util.regex.Pattern.compile(
            "(?i).*\\b(https|mqtts|tls|ssl|ftps|imaps|pop3s|smtps|ldaps|amqps|wss)\\b.*");

    /** The leaf certificate each port presents; a port that completed no handshake is left out. */
    private static Map<Integer, CertificateInfo> leaves(Dut unit, Set<Integer> ports, Probes probes) {
        String host = unit.interfaces().network().orElseThrow().host();
        Map<Integer, CertificateInfo> leaves = new TreeMap<>();
        for (int port : ports) {
            HandshakeFacts facts = probes.tls().certificates(host, port, TlsScanOptions.DEFAULT);
            if (!facts.chain().isEmpty()) {
                leaves.put(port, facts.chain().get(0));
            }
        }
        return leaves;
    }

    private static String row(Dut unit, int port, CertificateInfo leaf) {
        return String.join(", ", unit.id(), unit.interfaces().network().orElseThrow().host(), port + "/tcp",
                leaf.keyType() + " " + leaf.keyBits(), leaf.publicKeySha256()) + "\n";
    }
}
