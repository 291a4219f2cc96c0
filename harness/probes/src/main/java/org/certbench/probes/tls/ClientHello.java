package org.certbench.probes.tls;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the ClientHello records the scanner sends: one protocol version, a list of cipher suite codes,
 * and every group and signature algorithm, so the server's choice depends only on what it accepts.
 * For TLS 1.3 it adds supported_versions and an x25519 key share (any 32 bytes are a valid share; the
 * scanner never completes the handshake).
 *
 * <pre>{@code
 * byte[] hello = ClientHello.build(TlsVersion.TLS_1_2, List.of(0xC02F, 0x002F), null);
 * }</pre>
 */
public final class ClientHello {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    /** Named groups: x25519, the NIST curves, x448, brainpool, the FFDHE groups, then the legacy curves. */
    private static final int[] GROUPS = {0x001D, 0x0017, 0x0018, 0x0019, 0x001E, 0x001A, 0x001B, 0x001C, 0x0100,
        0x0101, 0x0102, 0x0103, 0x0104, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008, 0x0009, 0x000A,
        0x000B, 0x000C, 0x000D, 0x000E, 0x000F, 0x0010, 0x0011, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016};

    /** Signature algorithms: ECDSA, RSA-PSS, EdDSA, RSA PKCS#1, DSA, down to SHA-1 and MD5. */
    private static final int[] SIGNATURES = {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0807, 0x0808, 0x0809,
        0x080A, 0x080B, 0x0401, 0x0501, 0x0601, 0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602, 0x0203, 0x0201, 0x0202,
        0x0101, 0x081A, 0x081B, 0x081C};

    private ClientHello() {
    }

    /** A complete handshake record holding a ClientHello. */
    public static byte[] build(TlsVersion version, Collection<Integer> suites, @Nullable String serverName) {
        boolean tls13 = version == TlsVersion.TLS_1_3;
        Buffer body = new Buffer();
        body.u16(tls13 ? TlsVersion.TLS_1_2.code() : version.code());
        body.bytes(random(32));
        byte[] sessionId = tls13 ? random(32) : new byte[0];
        body.u8(sessionId.length).bytes(sessionId);
        body.u16(suites.size() * 2);
        suites.forEach(body::u16);
        body.u8(1).u8(0);

        Buffer extensions = new Buffer();
        if (serverName != null && !IP_LITERAL.matcher(serverName).matches()) {
            byte[] name = IDN.toASCII(serverName).getBytes(StandardCharsets.US_ASCII);
            extensions.u16(0x0000).u16(name.length + 5).u16(name.length + 3).u8(0).u16(name.length).bytes(name);
        }
        extensions.u16(0x000A).u16(GROUPS.length * 2 + 2).u16(GROUPS.length * 2);
        for (int group : GROUPS) {
            extensions.u16(group);
        }
        extensions.u16(0x000B).u16(2).u8(1).u8(0);
        if (version.code() >= TlsVersion.TLS_1_2.code()) {
            extensions.u16(0x000D).u16(SIGNATURES.length * 2 + 2).u16(SIGNATURES.length * 2);
            for (int signature : SIGNATURES) {
                extensions.u16(signature);
            }
        }
        if (tls13) {
            extensions.u16(0x002B).u16(3).u8(2).u16(TlsVersion.TLS_1_3.code());
            extensions.u16(0x002D).u16(2).u8(1).u8(1);
            extensions.u16(0x0033).u16(38).u16(36).u16(0x001D).u16(32).bytes(random(32));
        } else {
            extensions.u16(0xFF01).u16(1).u8(0);
        }
        body.u16(extensions.size()).bytes(extensions.toByteArray());

        Buffer handshake = new Buffer();
        handshake.u8(1).u24(body.size()).bytes(body.toByteArray());
        Buffer record = new Buffer();
        record.u8(22).u16(version == TlsVersion.SSL_3_0 ? 0x0300 : 0x0301).u16(handshake.size()).bytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A growable big-endian byte buffer. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer u8(int v) {
            write(v & 0xFF);
            return this;
        }

        Buffer u16(int v) {
            return u8(v >> 8).u8(v);
        }

        Buffer u24(int v) {
            return u8(v >> 16).u8(v >> 8).u8(v);
        }

        Buffer bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }
}
