package org.certbench.suites.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.NamespaceHost;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5.5-1-4 on a device whose only secure channel is DTLS (CoAPS on 5684/udp, PSK), served by openssl s_server in a
 * network namespace: best-practice suites on DTLS 1.2 pass; a NULL suite and DTLS 1.0 fail, named.
 */
class DtlsBestPracticeTest {

    @TempDir
    Path dir;

    private NamespaceHost device;
    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void stop() {
        daemons.forEach(Daemon::close);
        if (device != null) {
            device.close();
        }
    }

    private LedgerRow.CaseVerdict certify(String... cipherAndOptions) throws Exception {
        device = NamespaceHost.create();
        List<String> command = new ArrayList<>(List.of(Tools.require("openssl").toString(), "s_server", "-dtls", "-accept",
                device.address() + ":5684", "-nocert", "-psk", "00112233445566778899aabbccddeeff", "-quiet"));
        command.addAll(List.of(cipherAndOptions));
        daemons.add(device.startUdp(dir, "s_server", 5684, command.toArray(String[]::new)));
        Path profile = dir.resolve("device.yaml");
        Files.writeString(profile, """
                certbench: 1
                device: { id: coaps-device, manufacturer: certbench tests, model: namespace host, firmware: "1.0" }
                interfaces:
                  network:
                    host: %s
                    ports: [{ port: 5684, transport: udp, service: coaps }]
                """.formatted(device.address()));
        Path out = dir.resolve("out");
        return LedgerReader.rows(FunctionalRun.of(profile, "5.5-1", out), LedgerRow.CaseVerdict.class).stream()
                .filter(v -> v.caseId().equals("5.5-1-4")).findFirst().orElseThrow();
    }

    @Test
    void pskAeadSuitesOnDtls12Pass() throws Exception {
        LedgerRow.CaseVerdict verdict = certify("-cipher", "PSK-AES128-CCM8:PSK-AES128-GCM-SHA256");

        assertThat(verdict.verdict()).as(String.valueOf(verdict.reason())).isEqualTo(Verdict.PASS);
    }

    @Test
    void aNullSuiteAndDtls10FailAndAreNamed() throws Exception {
        LedgerRow.CaseVerdict verdict = certify("-cipher", "PSK-NULL-SHA256:PSK-AES128-CCM8:@SECLEVEL=0", "-min_protocol", "DTLSv1");

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.reason()).contains("DTLS on 5684/udp").contains("DTLSv1.0 accepted")
                .contains("DTLSv1.2 TLS_PSK_WITH_NULL_SHA256 [NULL]").doesNotContain("CCM_8");
    }
}
