package org.certbench.probes.net;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * A DTLS 1.2 ClientHello datagram that any DTLS server answers (with a HelloVerifyRequest, a
 * ServerHello or an alert), offering the suites constrained devices use (PSK and ECDHE-ECDSA with CCM_8,
 * GCM and CBC). Used to tell a DTLS port without credentials.
 *
 * <pre>{@code
 * byte[] hello = DtlsClientHello.build();
 * boolean dtls = DtlsClientHello.isDtlsRecord(answer);
 * }</pre>
 */
public final class DtlsClientHello {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] SUITES = {0xC0A8, 0xC0AE, 0xC0AC, 0x00AE, 0xC02B, 0xC02F, 0xC023, 0xC027, 0x00A8, 0xC037, 0x009C, 0x002F};

    private DtlsClientHello() {
    }

    /** The ClientHello that tells a DTLS port: DTLS 1.2, the suites constrained devices use, no cookie. */
    public static byte[] build() {
        java.util.List<Integer> suites = new java.util.ArrayList<>();
        for (int suite : SUITES) {
            suites.add(suite);
        }
        return build(0xFEFD, suites, random(), new byte[0], 0);
    }

    /** A ClientHello's 32 random bytes: the same in the hello sent again with the cookie, as a server may check. */
    public static byte[] random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return random;
    }

    /**
     * A ClientHello record for a scan: {@code version} as its client_version ({@code 0xFEFD} DTLS 1.2, {@code 0xFEFF}
     * DTLS 1.0), the suites offered, its {@link #random()}, the cookie of a HelloVerifyRequest (empty at first), and its
     * message and record sequence number (0, then 1 when sent again with the cookie). Scandium's cookie covers the
     * random too: the hello sent again must be the first one with the cookie added, or it is asked for again.
     */
    public static byte[] build(int version, java.util.Collection<Integer> suites, byte[] random, byte[] cookie, int sequence) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(random);
        body.write(0); // session id
        body.write(cookie.length);
        body.writeBytes(cookie);
        u16(body, suites.size() * 2);
        for (int suite : suites) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0);
        // supported_groups (secp256r1, x25519), ec_point_formats, signature_algorithms
        byte[] extensions = {0x00, 0x0A, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x1D, 0x00, 0x0B, 0x00, 0x02, 0x01, 0x00,
            0x00, 0x0D, 0x00, 0x08, 0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01};
        u16(body, extensions.length);
        body.writeBytes(extensions);
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22);
        u16(record, 0xFEFF);
        u16(record, 0); // epoch
        u16(record, 0);
        u16(record, 0);
        u16(record, sequence); // sequence number
        u16(record, hello.length + 12);
        record.write(1);
        u24(record, hello.length);
        u16(record, sequence); // message_seq
        u24(record, 0); // fragment_offset
        u24(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    /**
     * A fatal user_canceled alert in the clear, with record sequence number {@code sequence} (one past the last hello
     * sent): the handshake goes no further. Without it a server that serves one association at a time waits on the
     * abandoned one (openssl s_server retransmits its flight for a minute) instead of answering the next ClientHello.
     */
    public static byte[] cancel(int sequence) {
        return new byte[] {21, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, (byte) (sequence >> 8), (byte) sequence, 0, 2, 2, 90};
    }

    /** Whether a datagram is a DTLS handshake or alert record. */
    public static boolean isDtlsRecord(byte[] datagram) {
        return datagram.length >= 13 && (datagram[0] == 21 || datagram[0] == 22) && (datagram[1] & 0xFF) == 0xFE;
    }

    /** What kind of DTLS record came back, for a transcript. */
    public static String describe(byte[] record) {
        if (record[0] == 21) {
            return "alert " + (record.length > 14 ? record[14] & 0xFF : -1);
        }
        int handshakeType = record.length > 13 ? record[13] & 0xFF : -1;
        return handshakeType == 3 ? "HelloVerifyRequest" : handshakeType == 2 ? "ServerHello" : "handshake " + handshakeType;
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void u24(ByteArrayOutputStream out, int v) {
        out.write(v >> 16);
        u16(out, v);
    }
}
