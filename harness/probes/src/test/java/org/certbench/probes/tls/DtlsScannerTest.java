package org.certbench.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.NamespaceHost;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DTLS scan against real servers in a network namespace: libcoap's coap-server (the CoAPS a device runs, PSK),
 * and openssl s_server configured with a known suite list, once best practice and once with a NULL suite and
 * DTLS 1.0 allowed. (s_server serves one association at a time, and with -listen, its cookie mode, ends after one:
 * libcoap is the server that asks for a cookie.) What the scan reports must be exactly what each server was told to accept.
 */
class DtlsScannerTest {

    private static final String PSK = "00112233445566778899aabbccddeeff";

    @TempDir
    static Path dir;

    private static NamespaceHost host;
    private static final List<Daemon> daemons = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        host = NamespaceHost.create();
        String openssl = Tools.require("openssl").toString();
        daemons.add(host.startUdp(dir, "s_server-good", 4433, openssl, "s_server", "-dtls", "-accept", host.address() + ":4433", "-nocert",
                "-psk", PSK, "-cipher", "PSK-AES128-CCM8:PSK-AES128-GCM-SHA256", "-quiet"));
        daemons.add(host.startUdp(dir, "s_server-weak", 4434, openssl, "s_server", "-dtls", "-accept", host.address() + ":4434", "-nocert",
                "-psk", PSK, "-cipher", "PSK-NULL-SHA256:PSK-AES128-CBC-SHA:@SECLEVEL=0", "-min_protocol", "DTLSv1", "-quiet"));
        daemons.add(host.startUdp(dir, "coap-server", 5684, Tools.require("coap-server-openssl").toString(), "-A", host.address(),
                "-p", "5683", "-k", "device-psk-key", "-h", "camera-01"));
    }

    @AfterAll
    static void stopServers() {
        daemons.forEach(Daemon::close);
        if (host != null) {
            host.close();
        }
    }

    private static DtlsScan scan(int port, Path evidence) {
        return new TlsProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofMinutes(1))).scanDtls(host.address(), port);
    }

    private static List<String> names(DtlsScan scan, DtlsVersion version) {
        return scan.suites(version).stream().map(CipherSuite::ianaName).toList();
    }

    @Test
    void aBestPracticeServerShowsExactlyItsSuitesOnDtls12Only(@TempDir Path evidence) throws java.io.IOException {
        DtlsScan scan = scan(4433, evidence);

        assertThat(scan.complete()).as(scan.problems().toString()).isTrue();
        assertThat(scan.versions()).containsExactly(DtlsVersion.DTLS_1_2);
        assertThat(names(scan, DtlsVersion.DTLS_1_2)).containsExactlyInAnyOrder("TLS_PSK_WITH_AES_128_CCM_8", "TLS_PSK_WITH_AES_128_GCM_SHA256");
        assertThat(scan.weakSuites()).isEmpty();
        assertThat(new DirectoryEvidence(evidence).allText()).contains("DTLSv1.0 refused")
                .contains("ServerHello DTLSv1.2 TLS_PSK_WITH_AES_128_CCM_8");
    }

    @Test
    void aNullSuiteAndDtls10AreFound(@TempDir Path evidence) {
        DtlsScan scan = scan(4434, evidence);

        assertThat(scan.versions()).containsExactly(DtlsVersion.DTLS_1_0, DtlsVersion.DTLS_1_2);
        assertThat(names(scan, DtlsVersion.DTLS_1_2)).containsExactlyInAnyOrder("TLS_PSK_WITH_NULL_SHA256", "TLS_PSK_WITH_AES_128_CBC_SHA");
        assertThat(scan.weakSuites()).contains("DTLSv1.2 TLS_PSK_WITH_NULL_SHA256 [NULL]", "DTLSv1.0 TLS_PSK_WITH_NULL_SHA256 [NULL]");
        assertThat(DtlsVersion.DTLS_1_0.deprecated()).isTrue();
    }

    @Test
    void libcoapsCoapsIsToldWithoutItsKey(@TempDir Path evidence) throws java.io.IOException {
        DtlsScan scan = scan(5684, evidence);

        assertThat(scan.complete()).as(scan.problems().toString()).isTrue();
        assertThat(scan.versions()).containsExactly(DtlsVersion.DTLS_1_2);
        assertThat(names(scan, DtlsVersion.DTLS_1_2)).contains("TLS_PSK_WITH_AES_128_CCM_8", "TLS_PSK_WITH_AES_128_GCM_SHA256")
                .allMatch(name -> name.contains("PSK"));
        assertThat(scan.weakSuites()).isEmpty();
        assertThat(new DirectoryEvidence(evidence).allText()).contains("HelloVerifyRequest, cookie of")
                .contains("then ServerHello DTLSv1.2 ");
    }

    @Test
    void aPortWithoutDtlsIsAnIncompleteScanNamingWhy(@TempDir Path evidence) {
        DtlsScan scan = scan(4499, evidence);

        assertThat(scan.complete()).isFalse();
        assertThat(scan.versions()).isEmpty();
        assertThat(scan.problems()).singleElement().asString().contains("no answer from " + host.address() + ":4499/udp");
    }
}
