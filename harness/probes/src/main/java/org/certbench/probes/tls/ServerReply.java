package org.certbench.probes.tls;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a server answered to one ClientHello: its ServerHello (version and suite), or an alert, or
 * nothing. With {@code wantCertificates}, reading goes on to the Certificate message (TLS 1.2 and
 * earlier send it in the clear).
 *
 * @param kind what came back
 * @param version the version the ServerHello selected
 * @param suite the suite code the ServerHello selected
 * @param alert the alert description code, for an alert
 * @param certificates the DER certificates of the Certificate message, if read
 * @param detail a one-line description for the transcript
 */
record ServerReply(Kind kind, @Nullable TlsVersion version, int suite, int alert, List<byte[]> certificates, String detail) {

    enum Kind {
        SERVER_HELLO,
        ALERT,
        CLOSED,
        NOT_TLS
    }

    private static final byte[] HELLO_RETRY_RANDOM = hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");
    private static final int MAX_RECORD = 16_384 + 2_048;
    private static final int MAX_HANDSHAKE_BYTES = 256 * 1024;

    static ServerReply read(InputStream stream, boolean wantCertificates) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        ServerReply hello = null;
        while (true) {
            int type;
            try {
                type = in.readUnsignedByte();
            } catch (EOFException e) {
                return hello != null ? hello : closed("connection closed without a ServerHello");
            }
            if (type != 21 && type != 22) {
                return hello != null ? hello : new ServerReply(Kind.NOT_TLS, null, -1, -1, List.of(),
                        String.format(Locale.ROOT, "not a TLS record (first byte 0x%02X)", type));
            }
            int recordVersion = in.readUnsignedShort();
            int length = in.readUnsignedShort();
            if ((recordVersion >> 8) != 3 || length > MAX_RECORD) {
                return hello != null ? hello : new ServerReply(Kind.NOT_TLS, null, -1, -1, List.of(),
                        String.format(Locale.ROOT, "not a TLS record (version 0x%04X, length %d)", recordVersion, length));
            }
            byte[] fragment = new byte[length];
            in.readFully(fragment);
            if (type == 21) {
                int description = length >= 2 ? fragment[1] & 0xFF : -1;
                return hello != null ? hello : new ServerReply(Kind.ALERT, null, -1, description, List.of(),
                        "alert " + alertName(description) + "(" + description + ")");
            }
            handshake.write(fragment);
            if (handshake.size() > MAX_HANDSHAKE_BYTES) {
                return hello != null ? hello : closed("handshake larger than " + MAX_HANDSHAKE_BYTES + " bytes");
            }
            byte[] messages = handshake.toByteArray();
            int offset = 0;
            while (offset + 4 <= messages.length) {
                int messageType = messages[offset] & 0xFF;
                int messageLength = u24(messages, offset + 1);
                if (offset + 4 + messageLength > messages.length) {
                    break;
                }
                if (messageType == 2 && hello == null) {
                    hello = parseServerHello(messages, offset + 4, messageLength);
                    if (!wantCertificates || hello.version() == TlsVersion.TLS_1_3) {
                        return hello;
                    }
                } else if (messageType == 11 && hello != null) {
                    return new ServerReply(hello.kind(), hello.version(), hello.suite(), -1,
                            parseCertificates(messages, offset + 4, messageLength), hello.detail());
                } else if (messageType == 14 && hello != null) {
                    return hello;
                }
                offset += 4 + messageLength;
            }
        }
    }

    private static ServerReply parseServerHello(byte[] m, int start, int length) throws IOException {
        if (length < 38) {
            throw new IOException("ServerHello too short");
        }
        int version = u16(m, start);
        boolean retry = java.util.Arrays.equals(m, start + 2, start + 34, HELLO_RETRY_RANDOM, 0, 32);
        int p = start + 34;
        int sessionIdLength = m[p] & 0xFF;
        p += 1 + sessionIdLength;
        int suite = u16(m, p);
        p += 3;
        int end = start + length;
        if (p + 2 <= end) {
            int extensionsEnd = Math.min(end, p + 2 + u16(m, p));
            p += 2;
            while (p + 4 <= extensionsEnd) {
                int extension = u16(m, p);
                int extensionLength = u16(m, p + 2);
                if (extension == 0x002B && extensionLength == 2) {
                    version = u16(m, p + 4);
                }
                p += 4 + extensionLength;
            }
        }
        TlsVersion selected = TlsVersion.fromCode(version).orElse(null);
        String detail = (retry ? "HelloRetryRequest " : "ServerHello ")
                + (selected == null ? String.format(Locale.ROOT, "0x%04X", version) : selected.label()) + " "
                + CipherSuites.byCode(suite);
        return new ServerReply(Kind.SERVER_HELLO, selected, suite, -1, List.of(), detail);
    }

    private static List<byte[]> parseCertificates(byte[] m, int start, int length) {
        List<byte[]> certificates = new ArrayList<>();
        int end = start + length;
        int p = start + 3;
        while (p + 3 <= end) {
            int certificateLength = u24(m, p);
            p += 3;
            if (p + certificateLength > end) {
                break;
            }
            certificates.add(java.util.Arrays.copyOfRange(m, p, p + certificateLength));
            p += certificateLength;
        }
        return certificates;
    }

    private static ServerReply closed(String why) {
        return new ServerReply(Kind.CLOSED, null, -1, -1, List.of(), why);
    }

    static String alertName(int code) {
        return switch (code) {
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 22 -> "record_overflow";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 47 -> "illegal_parameter";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            default -> "alert";
        };
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u24(byte[] b, int i) {
        return ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] & 0xFF);
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
