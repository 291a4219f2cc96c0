package org.certbench.probes.tls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certbench.api.Transcript;
import org.certbench.probes.Deadline;
import org.certbench.probes.net.DtlsClientHello;
import org.jspecify.annotations.Nullable;

/**
 * Tells the DTLS versions and cipher suites a UDP endpoint accepts, the way sslscan does for TLS: for each
 * version, a ClientHello offering every suite left, the suite the server picks is struck off, and again until
 * the server refuses. Each exchange comes from a new source port (a new association for the server), answers
 * the HelloVerifyRequest's cookie as a client must, and ends at the ServerHello: no key is ever needed, so PSK
 * suites are told without the device's key.
 *
 * <pre>{@code
 * DtlsScan scan = new DtlsScanner(Duration.ofSeconds(1)).scan("192.0.2.10", 5684, Deadline.in(Duration.ofMinutes(1)), null);
 * }</pre>
 */
public final class DtlsScanner {

    /** Named suites a DTLS server could pick: those of TLS 1.2 and earlier, less RC4 (DTLS forbids stream ciphers). */
    private static final List<Integer> OFFERED = CipherSuites.upToTls12().stream()
            .filter(s -> !s.encryption().toUpperCase(Locale.ROOT).startsWith("RC4")).map(CipherSuite::code).toList();

    private final Duration wait;

    /** @param wait how long one datagram waits for its answer (each is sent twice before giving up) */
    public DtlsScanner(Duration wait) {
        this.wait = wait;
    }

    /** What a server answered one ClientHello with. */
    private record Reply(Kind kind, int version, int suite, byte[] cookie, String detail) {
        enum Kind { HELLO_VERIFY, SERVER_HELLO, ALERT, NOT_DTLS, NONE }
    }

    /**
     * Scans one endpoint. Never throws for what the endpoint does: one that does not answer, or not as DTLS, gives
     * an incomplete scan with the problem named.
     *
     * @param transcript where each ClientHello and answer is recorded, or null
     */
    public DtlsScan scan(String host, int port, Deadline deadline, @Nullable Transcript transcript) {
        long started = System.nanoTime();
        Map<DtlsVersion, List<CipherSuite>> accepted = new EnumMap<>(DtlsVersion.class);
        List<String> problems = new ArrayList<>();
        int handshakes = 0;
        boolean complete = true;
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            problems.add("cannot resolve " + host + ": " + e.getMessage());
            return new DtlsScan(host, port, accepted, 0, false, Duration.ofNanos(System.nanoTime() - started), problems);
        }
        boolean answered = false;
        versions:
        for (DtlsVersion version : List.of(DtlsVersion.DTLS_1_2, DtlsVersion.DTLS_1_0)) {
            List<Integer> remaining = new ArrayList<>(OFFERED);
            while (!remaining.isEmpty()) {
                if (deadline.expired()) {
                    complete = false;
                    problems.add("deadline passed while scanning " + version.label());
                    break versions;
                }
                note(transcript, true, String.format(Locale.ROOT, "ClientHello %s, %d suites", version.label(), remaining.size()));
                handshakes++;
                Reply reply;
                try {
                    reply = handshake(address, port, version, remaining, deadline);
                } catch (IOException e) {
                    note(transcript, false, "failed: " + e.getMessage());
                    problems.add(version.label() + ": " + e.getMessage());
                    complete = false;
                    break versions;
                }
                note(transcript, false, reply.detail());
                if (reply.kind() == Reply.Kind.NONE) {
                    if (!answered) {
                        problems.add("no answer from " + host + ":" + port + "/udp to a " + version.label() + " ClientHello");
                        complete = false;
                        break versions;
                    }
                    break; // a server that stays silent for a version it does not speak
                }
                answered = true;
                if (reply.kind() == Reply.Kind.NOT_DTLS) {
                    problems.add(host + ":" + port + "/udp does not speak DTLS: " + reply.detail());
                    complete = false;
                    break versions;
                }
                if (reply.kind() != Reply.Kind.SERVER_HELLO || reply.version() != version.code()) {
                    break;
                }
                if (!remaining.remove(Integer.valueOf(reply.suite()))) {
                    problems.add(version.label() + ": the server chose suite " + CipherSuites.byCode(reply.suite()).ianaName()
                            + ", which was not offered");
                    break;
                }
                accepted.computeIfAbsent(version, v -> new ArrayList<>()).add(CipherSuites.byCode(reply.suite()));
            }
        }
        return new DtlsScan(host, port, accepted, handshakes, complete, Duration.ofNanos(System.nanoTime() - started), problems);
    }

    /** One association: ClientHello, the cookie round if the server asks for it, then what the server says. */
    private Reply handshake(InetAddress address, int port, DtlsVersion version, List<Integer> suites, Deadline deadline)
            throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(address, port));
            byte[] random = DtlsClientHello.random();
            Reply reply = exchange(socket, DtlsClientHello.build(version.code(), suites, random, new byte[0], 0), deadline);
            if (reply.kind() == Reply.Kind.HELLO_VERIFY) {
                String verify = reply.detail();
                reply = exchange(socket, DtlsClientHello.build(version.code(), suites, random, reply.cookie(), 1), deadline);
                if (reply.kind() == Reply.Kind.HELLO_VERIFY) {
                    return new Reply(Reply.Kind.ALERT, 0, 0, new byte[0], verify + ", then another: the cookie was refused");
                }
                reply = new Reply(reply.kind(), reply.version(), reply.suite(), reply.cookie(), verify + ", then " + reply.detail());
            }
            if (reply.kind() == Reply.Kind.SERVER_HELLO) {
                byte[] cancel = DtlsClientHello.cancel(2);
                socket.send(new DatagramPacket(cancel, cancel.length));
            }
            return reply;
        }
    }

    /** Sends a datagram (twice, if the first goes unanswered) and reads the first DTLS message that answers it. */
    private Reply exchange(DatagramSocket socket, byte[] hello, Deadline deadline) throws IOException {
        for (int attempt = 0; attempt < 2 && !deadline.expired(); attempt++) {
            socket.send(new DatagramPacket(hello, hello.length));
            socket.setSoTimeout(deadline.remainingMillis((int) wait.toMillis()));
            byte[] buffer = new byte[16_384 + 64];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(answer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (java.net.PortUnreachableException e) {
                return new Reply(Reply.Kind.NONE, 0, 0, new byte[0], "port unreachable (ICMP)");
            }
            return parse(java.util.Arrays.copyOf(buffer, answer.getLength()));
        }
        return new Reply(Reply.Kind.NONE, 0, 0, new byte[0], "no answer within " + wait.toMillis() + " ms, twice");
    }

    /** The first alert, HelloVerifyRequest or ServerHello among the datagram's records. */
    private static Reply parse(byte[] datagram) {
        int at = 0;
        while (at + 13 <= datagram.length) {
            int type = datagram[at] & 0xFF;
            int recordVersion = u16(datagram, at + 1);
            int length = u16(datagram, at + 11);
            int body = at + 13;
            if ((recordVersion >> 8) != 0xFE || body + length > datagram.length || type < 20 || type > 23) {
                break;
            }
            if (type == 21 && length >= 2) {
                return new Reply(Reply.Kind.ALERT, 0, 0, new byte[0], "alert " + ServerReply.alertName(datagram[body + 1] & 0xFF));
            }
            if (type == 22 && length >= 12) {
                int messageType = datagram[body] & 0xFF;
                int start = body + 12;
                int end = body + length;
                if (messageType == 3 && start + 3 <= end) {
                    int cookieLength = datagram[start + 2] & 0xFF;
                    if (start + 3 + cookieLength <= end) {
                        byte[] cookie = java.util.Arrays.copyOfRange(datagram, start + 3, start + 3 + cookieLength);
                        return new Reply(Reply.Kind.HELLO_VERIFY, u16(datagram, start), 0, cookie,
                                "HelloVerifyRequest, cookie of " + cookieLength + " bytes");
                    }
                }
                if (messageType == 2 && start + 35 <= end) {
                    int sessionLength = datagram[start + 34] & 0xFF;
                    int suiteAt = start + 35 + sessionLength;
                    if (suiteAt + 2 <= end) {
                        int version = u16(datagram, start);
                        int suite = u16(datagram, suiteAt);
                        String label = DtlsVersion.fromCode(version).map(DtlsVersion::label)
                                .orElse(String.format(Locale.ROOT, "0x%04X", version));
                        return new Reply(Reply.Kind.SERVER_HELLO, version, suite, new byte[0],
                                "ServerHello " + label + " " + CipherSuites.byCode(suite).ianaName());
                    }
                }
            }
            at = body + length;
        }
        String head = HexFormat.of().formatHex(datagram, 0, Math.min(datagram.length, 16));
        return new Reply(Reply.Kind.NOT_DTLS, 0, 0, new byte[0], datagram.length + " bytes that are no DTLS record: " + head);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    private static void note(@Nullable Transcript transcript, boolean sent, String line) {
        if (transcript != null) {
            if (sent) {
                transcript.sent(line);
            } else {
                transcript.received(line);
            }
        }
    }
}
