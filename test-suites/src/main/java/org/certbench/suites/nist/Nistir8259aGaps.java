package org.certbench.suites.nist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.certbench.api.Assessment;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Feature;
import org.certbench.api.Finding;
import org.certbench.api.Level;
import org.certbench.api.Operator;
import org.certbench.api.Provision;
import org.certbench.api.Requirement;
import org.certbench.api.Standard;
import org.certbench.api.TestCase;
import org.certbench.api.Verdicts;
import org.certbench.api.dut.ServiceEndpoint;
import org.certbench.probes.Probes;
import org.certbench.probes.tls.CertificateInfo;
import org.certbench.probes.tls.TlsScan;
import org.certbench.probes.tls.TlsScanOptions;

/**
 * The checks NISTIR 8259A needs beyond ETSI EN 303 645 (device identification, rollback), so the
 * {@code nistir-8259a} scheme rolls them up with the EN 303 645 cases.
 *
 * <pre>{@code
 * certbench run --device acme-t1.yaml --standard nistir-8259a   # runs these and the EN 303 645 cases it maps
 * }</pre>
 */
@Standard(id = "nistir-8259a-gaps", version = "2020-05", title = "NISTIR 8259A capabilities EN 303 645 does not cover",
        catalogue = "nistir-8259a-gaps.yaml")
public final class Nistir8259aGaps {

    /** Names a certificate can carry that identify no one device. */
    private static final List<String> GENERIC = List.of("localhost", "127.0.0.1", "::1", "example.com", "device", "");

    /**
     * Capability 1, device identification: the device presents an identifier of its own on a TLS
     * interface (its certificate's subject or names, with a serial). A generic name (localhost) is a FAIL.
     * That the identifier differs between units needs several units; the evidence keeps each one read.
     */
    @Provision(id = "8259A-1", level = Level.MANDATORY)
    @TestCase(id = "8259A-1-2", assessment = Assessment.FUNCTIONAL, title = "the device's identity can be read over the network",
            requires = Requirement.NETWORK, timeout = "PT2M")
    void identityIsReadable(Dut dut, Probes probes, Evidence evidence) {
        String host = dut.interfaces().network().orElseThrow().host();
        Map<String, Integer> endpoints = new LinkedHashMap<>(); // finding id -> port
        dut.interfaces().http().filter(ServiceEndpoint::tls).ifPresent(e -> endpoints.put("https-" + e.port(), e.port()));
        dut.interfaces().mqtt().filter(ServiceEndpoint::tls).ifPresent(e -> endpoints.put("mqtts-" + e.port(), e.port()));
        if (endpoints.isEmpty()) {
            throw Verdicts.inconclusive("the profile declares no TLS interface (interfaces.http or interfaces.mqtt with tls) to read an identity from");
        }
        Optional<CertificateInfo> identity = Optional.empty();
        for (Map.Entry<String, Integer> entry : endpoints.entrySet()) {
            String endpoint = entry.getKey();
            TlsScan scan = probes.tls().scan(host, entry.getValue(), TlsScanOptions.DEFAULT);
            if (scan.chain().isEmpty()) {
                evidence.finding(new Finding(endpoint, org.certbench.api.Verdict.INCONCLUSIVE, endpoint + ": no certificate read " + scan.problems()));
                continue;
            }
            CertificateInfo leaf = scan.chain().get(0);
            List<String> names = new ArrayList<>(leaf.subjectAltNames());
            names.add(leaf.subject().replaceAll(".*CN=([^,]*).*", "$1"));
            boolean generic = names.stream().allMatch(n -> GENERIC.contains(n.strip().toLowerCase(Locale.ROOT)) || n.equals(host));
            String describe = endpoint + ": subject " + leaf.subject() + ", names " + leaf.subjectAltNames() + ", serial " + leaf.serial()
                    + ", SHA-256 " + leaf.sha256();
            if (generic) {
                evidence.finding(Finding.fail(endpoint, describe + ": names only an address or a generic host"));
                throw Verdicts.fail("the certificate on %s names no device (%s): the device has no identity of its own there", endpoint,
                        leaf.subject());
            }
            evidence.finding(Finding.pass(endpoint, describe));
            identity = identity.or(() -> Optional.of(leaf));
        }
        if (identity.isEmpty()) {
            throw Verdicts.inconclusive("no certificate could be read from %s on %s", endpoints.keySet(), host);
        }
    }

    /**
     * Capability 5, software update: installing an older (validly signed) firmware image must be refused.
     * Only the operator can load an image on most devices, so the operator does it and reports.
     */
    @Provision(id = "8259A-5", level = Level.MANDATORY, features = Feature.UPDATEABLE)
    @TestCase(id = "8259A-5-2", assessment = Assessment.FUNCTIONAL, title = "an older firmware image is refused",
            timeout = "PT30M")
    void rollbackIsRefused(Operator operator) {
        boolean refused = operator.confirm("8259A-5-2.refused", "Install the previous signed firmware release through the device's "
                + "update mechanism (IXIT 7-UpdMech). Did the device refuse it and keep the current version?")
                .orElseThrow(() -> Verdicts.inconclusive("nobody tried a rollback: answer 8259A-5-2.refused (yes or no)"));
        Verdicts.failIf(!refused, "the device installed an older firmware image (rollback not refused), as the operator reports");
    }
}
