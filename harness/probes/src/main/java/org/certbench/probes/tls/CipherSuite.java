package org.certbench.probes.tls;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A TLS cipher suite by its IANA code, with its names and what makes it weak.
 *
 * <pre>{@code
 * CipherSuite suite = CipherSuites.byCode(0x0005);  // TLS_RSA_WITH_RC4_128_SHA
 * suite.weaknesses();                               // [RC4]
 * }</pre>
 *
 * @param code the two-byte IANA code
 * @param ianaName the IANA name, {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}
 * @param opensslName the OpenSSL name, {@code ECDHE-RSA-AES256-GCM-SHA384}
 * @param keyExchange key exchange, as OpenSSL writes it ({@code ECDH}, {@code RSA}, {@code DH(512)})
 * @param authentication authentication ({@code RSA}, {@code ECDSA}, {@code None} for anonymous)
 * @param encryption bulk cipher with key bits ({@code AESGCM(256)}, {@code RC4(128)}, {@code None})
 * @param mac MAC ({@code AEAD}, {@code SHA1}, {@code MD5})
 */
public record CipherSuite(int code, String ianaName, String opensslName, String keyExchange, String authentication,
        String encryption, String mac) {

    /** What makes a suite fall short of best-practice cryptography (EN 303 645 5.5-1). */
    public enum Weakness {
        /** No encryption at all. */
        NULL,
        /** Export-grade (40/56-bit or 512/1024-bit key exchange). */
        EXPORT,
        /** Anonymous key exchange: no authentication of the server. */
        ANONYMOUS,
        /** The RC4 stream cipher. */
        RC4,
        /** Single DES (56-bit). */
        DES,
        /** Triple DES (Sweet32). */
        TRIPLE_DES,
        /** RC2 or IDEA: obsolete 64-bit block ciphers. */
        OBSOLETE_CIPHER,
        /** MD5 as the MAC. */
        MD5
    }

    /** The suite's code as {@code 0xC030}. */
    public String hexCode() {
        return String.format(Locale.ROOT, "0x%04X", code);
    }

    /** The weaknesses of the suite; empty for a suite fit for use. */
    public Set<Weakness> weaknesses() {
        Set<Weakness> weaknesses = EnumSet.noneOf(Weakness.class);
        String enc = encryption.toUpperCase(Locale.ROOT);
        if (enc.startsWith("NONE") || ianaName.contains("_NULL_")) {
            weaknesses.add(Weakness.NULL);
        }
        if (ianaName.contains("EXPORT") || keyExchange.contains("(512)") || keyExchange.contains("(1024)")) {
            weaknesses.add(Weakness.EXPORT);
        }
        if (ianaName.contains("_anon_") || authentication.equals("None") && !ianaName.startsWith("TLS_NULL")) {
            weaknesses.add(Weakness.ANONYMOUS);
        }
        if (enc.startsWith("RC4")) {
            weaknesses.add(Weakness.RC4);
        }
        if (enc.startsWith("DES(")) {
            weaknesses.add(Weakness.DES);
        }
        if (enc.startsWith("3DES")) {
            weaknesses.add(Weakness.TRIPLE_DES);
        }
        if (enc.startsWith("RC2") || enc.startsWith("IDEA")) {
            weaknesses.add(Weakness.OBSOLETE_CIPHER);
        }
        if (mac.equals("MD5")) {
            weaknesses.add(Weakness.MD5);
        }
        return weaknesses;
    }

    /** Whether the suite is only for TLS 1.3. */
    public boolean tls13() {
        return (code & 0xFF00) == 0x1300;
    }

    @Override
    public String toString() {
        return hexCode() + " " + ianaName;
    }
}
