package org.certbench.probes.tls;

import java.security.cert.X509Certificate;

/**
 * Which server certificates a probe's TLS client accepts. Whatever the choice, the chain, protocol and
 * cipher suite of the handshake are recorded ({@link HandshakeFacts}).
 *
 * <pre>{@code
 * TrustChoice.labCa(TestPki.load(caPem))   // the lab CA, and the certificate must name the server
 * TrustChoice.pinned(deviceCert)           // exactly this certificate
 * TrustChoice.anything()                   // no check: record what the server presents
 * }</pre>
 */
public sealed interface TrustChoice {

    /** Certificates that chain to the lab CA and name the server. */
    record LabCa(X509Certificate ca) implements TrustChoice {
    }

    /** Exactly this leaf certificate. */
    record Pinned(X509Certificate certificate) implements TrustChoice {
    }

    /** Any certificate: the handshake facts are recorded and judged by the case. */
    record Anything() implements TrustChoice {
    }

    static TrustChoice labCa(X509Certificate ca) {
        return new LabCa(ca);
    }

    static TrustChoice pinned(X509Certificate certificate) {
        return new Pinned(certificate);
    }

    static TrustChoice anything() {
        return new Anything();
    }
}
