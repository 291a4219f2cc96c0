package org.certbench.probes.tls;

import java.time.Duration;
import java.util.Locale;
import org.certbench.api.Evidence;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.certbench.probes.Transcripts;

/**
 * TLS scans bound to one test case: each ClientHello and answer goes to a transcript
 * ({@code tls-scan-HOST-PORT.txt}), followed by the accepted versions, suites and the chain.
 *
 * <pre>{@code
 * TlsScan scan = probes.tls().scan(network.host(), 8883, TlsScanOptions.DEFAULT.withServerName("device.lab"));
 * Verdicts.failIf(scan.accepts(TlsVersion.TLS_1_0), "TLS 1.0 accepted on %d", 8883);
 * }</pre>
 */
public final class TlsProbe {

    private final Evidence evidence;
    private final Deadline deadline;

    public TlsProbe(Evidence evidence, Deadline deadline) {
        this.evidence = evidence;
        this.deadline = deadline;
    }

    public TlsScan scan(String host, int port, TlsScanOptions options) {
        String name = "tls-scan-" + Transcripts.safe(host) + "-" + port + ".txt";
        try (Transcript transcript = evidence.transcript(name)) {
            TlsScan scan = new TlsScanner(options).scan(host, port, deadline, transcript);
            for (TlsVersion version : TlsVersion.values()) {
                transcript.note(version.label() + (scan.accepts(version) ? " accepted: " + scan.suites(version) : " refused"));
            }
            for (CertificateInfo certificate : scan.chain()) {
                transcript.note(String.format(Locale.ROOT, "certificate %s issued by %s, %s %d bits, %s, valid %s to %s, sha256 %s, "
                        + "public key sha256 %s", certificate.subject(), certificate.issuer(), certificate.keyType(), certificate.keyBits(),
                        certificate.signatureAlgorithm(), certificate.notBefore(), certificate.notAfter(), certificate.sha256(),
                        certificate.publicKeySha256()));
            }
            scan.nameMatches().ifPresent(m -> transcript.note("certificate " + (m ? "matches " : "does not match ") + scan.serverName()));
            scan.trust().ifPresent(t -> transcript.note(t.trusted() ? "chain leads to the trust anchor" : "chain not trusted: " + t.reason()));
            scan.problems().forEach(p -> transcript.note("problem: " + p));
            transcript.note(String.format(Locale.ROOT, "%d connections in %d ms%s", scan.connections(), scan.elapsed().toMillis(),
                    scan.complete() ? "" : " (incomplete)"));
            return scan;
        }
    }

    /**
     * The certificate chain a TLS endpoint presents, read in one or two connections ({@link TlsScanner#certificates}),
     * recorded as {@code tls-certificates-HOST-PORT.txt} with each certificate's and key's fingerprint.
     *
     * <pre>{@code
     * HandshakeFacts facts = probes.tls().certificates(host, 8443, TlsScanOptions.DEFAULT);
     * String key = facts.chain().isEmpty() ? null : facts.chain().get(0).publicKeySha256();
     * }</pre>
     */
    public HandshakeFacts certificates(String host, int port, TlsScanOptions options) {
        String name = "tls-certificates-" + Transcripts.safe(host) + "-" + port + ".txt";
        try (Transcript transcript = evidence.transcript(name)) {
            HandshakeFacts facts = new TlsScanner(options).certificates(host, port, deadline, transcript);
            for (CertificateInfo certificate : facts.chain()) {
                transcript.note(String.format(Locale.ROOT, "certificate %s issued by %s, %s %d bits, sha256 %s, public key sha256 %s",
                        certificate.subject(), certificate.issuer(), certificate.keyType(), certificate.keyBits(), certificate.sha256(),
                        certificate.publicKeySha256()));
            }
            if (facts.rejection() != null) {
                transcript.note("problem: " + facts.rejection());
            }
            return facts;
        }
    }

    /**
     * The DTLS versions and suites a UDP endpoint accepts ({@link DtlsScanner}), recorded as
     * {@code dtls-scan-HOST-PORT.txt}.
     */
    public DtlsScan scanDtls(String host, int port) {
        String name = "dtls-scan-" + Transcripts.safe(host) + "-" + port + ".txt";
        try (Transcript transcript = evidence.transcript(name)) {
            DtlsScan scan = new DtlsScanner(Duration.ofSeconds(1)).scan(host, port, deadline, transcript);
            for (DtlsVersion version : DtlsVersion.values()) {
                transcript.note(version.label() + (scan.accepts(version) ? " accepted: " + scan.suites(version).stream()
                        .map(CipherSuite::ianaName).toList() : " refused"));
            }
            scan.problems().forEach(p -> transcript.note("problem: " + p));
            transcript.note(String.format(Locale.ROOT, "%d handshakes in %d ms%s", scan.handshakes(), scan.elapsed().toMillis(),
                    scan.complete() ? "" : " (incomplete)"));
            return scan;
        }
    }
}
