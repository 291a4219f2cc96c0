package org.certbench.probes.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.TestPki;
import org.certbench.probes.testing.Tools;
import org.certbench.probes.tls.TrustChoice;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CoAP probe against libcoap's coap-server (Debian libcoap3-bin): plain, DTLS PSK and DTLS PKI. */
class CoapProbeTest {

    private static final String PSK = "psk-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static int port;
    private static Daemon server;

    @BeforeAll
    static void startServer() {
        pki = TestPki.create(dir);
        port = Tools.freePort();
        // Plain CoAP on port, DTLS (PSK and the CA-signed P-256 certificate) on port + 1.
        server = Daemon.start(dir, "coap-server", port, Tools.require("coap-server-openssl").toString(), "-A", "127.0.0.1",
                "-p", Integer.toString(port), "-d", "10", "-k", PSK, "-c", pki.serverEcCert().toString(), "-j",
                pki.serverEcKey().toString(), "-n");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static CoapProbe probe(Path evidence) {
        return new CoapProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(60)));
    }

    private static CoapTarget plain() {
        return new CoapTarget("127.0.0.1", port, CoapSecurity.none());
    }

    @Test
    void discoveryParsesTheLinkFormat(@TempDir Path evidence) throws IOException {
        Discovery discovery = probe(evidence).discover(plain());

        assertThat(discovery.response().code()).isEqualTo("2.05");
        assertThat(discovery.response().contentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
        assertThat(discovery.links()).extracting(WebLink::uri).contains("/time", "/example_data", "/async");
        WebLink time = discovery.links().stream().filter(l -> l.uri().equals("/time")).findFirst().orElseThrow();
        assertThat(time.observable()).isTrue();
        assertThat(time.attributes().get("rt")).containsExactly("ticks");
        assertThat(new DirectoryEvidence(evidence).allText()).contains("> GET CON coap://127.0.0.1:" + port + "/.well-known/core (plain)")
                .contains("< 2.05 CONTENT");
    }

    @Test
    void confirmableAndNonConfirmableGetsAnswer(@TempDir Path evidence) {
        assertThat(probe(evidence).get(plain(), "/", true).code()).isEqualTo("2.05");
        CoapResult non = probe(evidence).get(plain(), "/time", false);
        assertThat(non.code()).isEqualTo("2.05");
        assertThat(non.text()).isNotBlank();
        assertThat(probe(evidence).get(plain(), "/no/such/thing", true).code()).isEqualTo("4.04");
    }

    @Test
    void largePayloadsGoBlockwiseBothWays(@TempDir Path evidence) {
        byte[] big = new byte[3000];
        Arrays.fill(big, (byte) 'x');
        CoapResult put = probe(evidence).put(plain(), "/example_data", big, MediaTypeRegistry.TEXT_PLAIN);
        assertThat(put.success()).as(put.toString()).isTrue();

        CoapResult get = probe(evidence).get(plain(), "/example_data", true);
        // 3000 bytes exceed a CoAP datagram (libcoap's PDU limit is 1152): they can only have come in blocks.
        assertThat(get.payload()).hasSize(3000).containsOnly((byte) 'x');
    }

    @Test
    void observeDeliversNotificationsWithinTheWindow(@TempDir Path evidence) {
        CoapObservation observation = probe(evidence).observe(plain(), "/time", Duration.ofMillis(2500), 10);

        assertThat(observation.registration().code()).isEqualTo("2.05");
        assertThat(observation.notifications()).isNotEmpty();
    }

    @Test
    void dtlsWithTheRightPreSharedKeyAnswersAndTheWrongOneFails(@TempDir Path evidence) throws IOException {
        CoapResult right = probe(evidence).get(new CoapTarget("127.0.0.1", port + 1, CoapSecurity.psk("certbench", PSK)), "/", true);
        assertThat(right.code()).as(right.toString()).isEqualTo("2.05");
        assertThat(right.dtls()).get().extracting(f -> f.cipherSuite()).asString().contains("PSK");

        // coap-server drops a handshake with the wrong key without an alert: the probe's deadline ends it.
        CoapResult wrong = new CoapProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(4)))
                .get(new CoapTarget("127.0.0.1", port + 1, CoapSecurity.psk("certbench", "not-the-key")), "/", true);
        assertThat(wrong.responded()).isFalse();
        assertThat(wrong.outcome()).isIn(CoapResult.Outcome.DTLS_FAILED, CoapResult.Outcome.TIMEOUT);
        assertThat(new DirectoryEvidence(evidence).allText()).contains("PSK identity 'certbench', key ***").doesNotContain(PSK);
    }

    @Test
    void dtlsWithX509JudgesTheCertificateByTheChosenTrust(@TempDir Path evidence) {
        CoapTarget labCa = new CoapTarget("127.0.0.1", port + 1, CoapSecurity.x509(TrustChoice.labCa(TestPki.load(pki.caCert())), "device.lab"));
        CoapResult trusted = probe(evidence).get(labCa, "/", true);
        assertThat(trusted.code()).as(trusted.toString()).isEqualTo("2.05");
        assertThat(trusted.dtls()).get().satisfies(f -> {
            assertThat(f.accepted()).isTrue();
            assertThat(f.chain().get(0).keyType()).isEqualTo("EC");
            assertThat(f.cipherSuite()).contains("ECDHE_ECDSA");
        });

        CoapTarget pinnedOther = new CoapTarget("127.0.0.1", port + 1, CoapSecurity.x509(TrustChoice.pinned(TestPki.load(pki.rogueCert())),
                "device.lab"));
        CoapResult refused = probe(evidence).get(pinnedOther, "/", true);
        assertThat(refused.outcome()).isEqualTo(CoapResult.Outcome.DTLS_FAILED);
        assertThat(refused.problem()).contains("is not the pinned one");
    }

    @Test
    void aPlainPortIsToldFromADtlsOnlyPort(@TempDir Path evidence) {
        TransportCheck plainPort = probe(evidence).transports("127.0.0.1", port);
        TransportCheck dtlsPort = probe(evidence).transports("127.0.0.1", port + 1);

        assertThat(plainPort.plainCoap()).isTrue();
        assertThat(plainPort.dtls()).isFalse();
        assertThat(dtlsPort.plainCoap()).isFalse();
        assertThat(dtlsPort.dtls()).as(dtlsPort.detail()).isTrue();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, not a speed check
    void aSilentPortEndsAtTheDeadlineWithoutAnAnswer(@TempDir Path evidence) {
        CoapResult result = new CoapProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(2)))
                .get(new CoapTarget("127.0.0.1", Tools.freePort(), CoapSecurity.none()), "/", true);

        assertThat(result.responded()).isFalse();
        assertThat(result.outcome()).isIn(CoapResult.Outcome.TIMEOUT, CoapResult.Outcome.FAILED);
    }
}
