package org.certbench.suites.etsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.certbench.api.Assessment;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Feature;
import org.certbench.api.Finding;
import org.certbench.api.Level;
import org.certbench.api.Provision;
import org.certbench.api.Requirement;
import org.certbench.api.Standard;
import org.certbench.api.TestCase;
import org.certbench.api.Verdicts;
import org.certbench.api.dut.DeclaredPort;
import org.certbench.api.dut.NetworkInterface;
import org.certbench.api.dut.Transport;
import org.certbench.probes.Probes;
import org.certbench.probes.net.PortRange;
import org.certbench.probes.net.PortScan;

/**
 * ETSI EN 303 645 V3.1.3, Cyber security for consumer Internet of Things: baseline requirements.
 *
 * <pre>{@code
 * certbench run --device acme-t1.yaml --standard etsi-en-303-645 --provision 5.6-1
 * }</pre>
 */
@Standard(id = "etsi-en-303-645", version = "3.1.3", title = "Cyber security for consumer IoT: baseline requirements",
        catalogue = "en-303-645-v3.1.3.yaml")
public final class En303645 {

    /**
     * Test group 5.6-1, functional: every TCP port that accepts a connection must be one the
     * manufacturer declared (IXIT 15-Intf, {@code interfaces.network.ports}). TS 103 701: anything
     * discovered that is not documented is a FAIL. Each open port is a finding.
     */
    @Provision(id = "5.6-1", level = Level.MANDATORY, features = Feature.UNUSED_INTERFACES)
    @TestCase(id = "5.6-1-2", assessment = Assessment.FUNCTIONAL, title = "every open TCP port is declared",
            requires = Requirement.NETWORK, timeout = "PT10M")
    void everyOpenTcpPortIsDeclared(Dut dut, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        PortScan scan = probes.net().scanTcp(network.host(), PortRange.ALL);
        List<Integer> undeclared = new ArrayList<>();
        for (int port : scan.open()) {
            Optional<DeclaredPort> declared = network.declared(port, Transport.TCP);
            if (declared.isPresent()) {
                evidence.finding(Finding.pass("tcp-" + port, "port " + port + "/tcp open, declared as " + declared.get().service()));
            } else {
                undeclared.add(port);
                evidence.finding(Finding.fail("tcp-" + port, "port " + port + "/tcp open, not declared in interfaces.network.ports"));
            }
        }
        Set<Integer> declaredClosed = new TreeSet<>(network.declaredPorts(Transport.TCP));
        declaredClosed.removeAll(scan.open());
        if (!declaredClosed.isEmpty()) {
            evidence.writeText("declared-but-closed.txt", "Declared TCP ports that did not accept a connection: " + declaredClosed + "\n");
        }
        Verdicts.failIf(!undeclared.isEmpty(), "open TCP ports on %s not declared in the IXIT (interfaces.network.ports): %s",
                network.host(), undeclared);
        if (!scan.complete()) {
            Verdicts.inconclusive("the scan of %s decided %d of %d ports before the deadline", network.host(), scan.scanned(),
                    scan.range().size());
        }
        if (scan.open().isEmpty() && scan.closed() == 0) {
            Verdicts.inconclusive("no TCP port of %s answered (%d filtered): the device is unreachable or drops everything",
                    network.host(), scan.filtered().size());
        }
    }
}
