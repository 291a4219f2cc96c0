package org.certbench.probes.tls;

import java.util.Optional;

/**
 * A DTLS protocol version, with its wire code (DTLS 1.1 was never defined; 1.3 is not yet in the stacks
 * constrained devices ship).
 *
 * <pre>{@code
 * DtlsVersion.fromCode(0xFEFD) // Optional[DTLS_1_2]
 * }</pre>
 */
public enum DtlsVersion {
    DTLS_1_0(0xFEFF, "DTLSv1.0"),
    DTLS_1_2(0xFEFD, "DTLSv1.2");

    private final int code;
    private final String label;

    DtlsVersion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The version's two-byte code on the wire. */
    public int code() {
        return code;
    }

    /** As OpenSSL prints it: {@code DTLSv1.2}. */
    public String label() {
        return label;
    }

    public static Optional<DtlsVersion> fromCode(int code) {
        for (DtlsVersion version : values()) {
            if (version.code == code) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** Whether a device accepting this version breaks best practice (EN 303 645 5.5-1): DTLS 1.0, TLS 1.1's kin. */
    public boolean deprecated() {
        return this == DTLS_1_0;
    }
}
