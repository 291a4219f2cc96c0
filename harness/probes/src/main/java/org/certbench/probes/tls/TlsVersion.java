package org.certbench.probes.tls;

import java.util.Optional;

/**
 * A TLS protocol version, with its wire code.
 *
 * <pre>{@code
 * TlsVersion.fromCode(0x0303) // Optional[TLS_1_2]
 * }</pre>
 */
public enum TlsVersion {
    SSL_3_0(0x0300, "SSLv3"),
    TLS_1_0(0x0301, "TLSv1.0"),
    TLS_1_1(0x0302, "TLSv1.1"),
    TLS_1_2(0x0303, "TLSv1.2"),
    TLS_1_3(0x0304, "TLSv1.3");

    private final int code;
    private final String label;

    TlsVersion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The version's two-byte code on the wire. */
    public int code() {
        return code;
    }

    /** As sslscan and OpenSSL print it: {@code TLSv1.2}. */
    public String label() {
        return label;
    }

    public static Optional<TlsVersion> fromCode(int code) {
        for (TlsVersion version : values()) {
            if (version.code == code) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** Whether a device accepting this version breaks best practice (EN 303 645 5.5-1): SSLv3, TLS 1.0, 1.1. */
    public boolean deprecated() {
        return code < TLS_1_2.code;
    }
}
