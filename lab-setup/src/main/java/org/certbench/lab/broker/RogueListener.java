package org.certbench.lab.broker;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.certbench.probes.broker.RogueAttempt;
import org.jspecify.annotations.Nullable;

/**
 * The impostor broker: a TLS listener presenting {@link LabPki}'s rogue certificate. It is not a
 * broker: it records how each client's handshake ends (the client's alert is the positive proof that
 * it checked), and, when a client accepts, reads its CONNECT far enough to know its client id and
 * whether it handed over a password, answers CONNACK, and hangs up.
 */
final class RogueListener implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_CONNECT_BYTES = 64 * 1024;

    private final SSLServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "certbench-rogue-listener");
        thread.setDaemon(true);
        return thread;
    });
    private final List<RogueAttempt> attempts = new CopyOnWriteArrayList<>();

    RogueListener(LabPki pki, InetAddress bind, int port) throws IOException {
        server = (SSLServerSocket) pki.rogueContext().getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port), 64);
        workers.execute(this::accept);
    }

    InetSocketAddress endpoint() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    List<RogueAttempt> attempts() {
        return List.copyOf(attempts);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(SSLSocket socket) {
        Instant at = Instant.now();
        String remote = socket.getInetAddress().getHostAddress();
        AtomicReference<@Nullable String> sni = new AtomicReference<>();
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
                @Override
                public boolean matches(SNIServerName name) {
                    sni.set(name instanceof SNIHostName host ? host.getAsciiName() : name.toString());
                    return true;
                }
            }));
            socket.setSSLParameters(parameters);
            try {
                socket.startHandshake();
            } catch (SSLHandshakeException | SocketException | EOFException e) {
                attempts.add(refusalOrAbandon(remote, at, sni.get(), e));
                return;
            } catch (SocketTimeoutException e) {
                attempts.add(new RogueAttempt(remote, at, RogueAttempt.Outcome.ABANDONED,
                        "no handshake within " + READ_TIMEOUT_MILLIS + " ms", sni.get(), null, false));
                return;
            }
            String protocol = socket.getSession().getProtocol();
            Connect connect = readConnect(socket);
            if (connect == null) {
                attempts.add(new RogueAttempt(remote, at, RogueAttempt.Outcome.ACCEPTED,
                        "completed the " + protocol + " handshake with the untrusted certificate, then sent no MQTT CONNECT", sni.get(), null,
                        false));
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(connect.level() == 5 ? new byte[] {0x20, 0x03, 0x00, 0x00, 0x00} : new byte[] {0x20, 0x02, 0x00, 0x00});
            out.flush();
            attempts.add(new RogueAttempt(remote, at, RogueAttempt.Outcome.ACCEPTED,
                    "completed the " + protocol + " handshake with the untrusted certificate and sent MQTT CONNECT", sni.get(),
                    connect.clientId(), connect.password()));
        } catch (IOException e) {
            attempts.add(new RogueAttempt(remote, at, RogueAttempt.Outcome.ACCEPTED,
                    "completed the handshake with the untrusted certificate; then " + e.getMessage(), sni.get(), null, false));
        }
    }

    private static RogueAttempt refusalOrAbandon(String remote, Instant at, @Nullable String sni, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Received fatal alert")) {
            return new RogueAttempt(remote, at, RogueAttempt.Outcome.REFUSED, "the client ended the handshake: " + message, sni, null, false);
        }
        if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
            return new RogueAttempt(remote, at, RogueAttempt.Outcome.ABANDONED, "not a TLS client: " + message, sni, null, false);
        }
        // Some TLS stacks hang up without an alert once the certificate fails their check.
        return new RogueAttempt(remote, at, RogueAttempt.Outcome.REFUSED,
                "the client closed the connection during the handshake, without an alert (" + message + ")", sni, null, false);
    }

    private record Connect(int level, String clientId, boolean password) {
    }

    /** Reads an MQTT CONNECT (3.1, 3.1.1 or 5): only the fields the attempt records. */
    private static @Nullable Connect readConnect(SSLSocket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type;
        try {
            type = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (type != 0x10) {
            return null;
        }
        int length = varint(in);
        if (length < 10 || length > MAX_CONNECT_BYTES) {
            return null;
        }
        byte[] body = in.readNBytes(length);
        DataInputStream packet = new DataInputStream(new java.io.ByteArrayInputStream(body));
        packet.skipNBytes(packet.readUnsignedShort());
        int level = packet.readUnsignedByte();
        int flags = packet.readUnsignedByte();
        packet.readUnsignedShort();
        if (level == 5) {
            packet.skipNBytes(varint(packet));
        }
        byte[] id = packet.readNBytes(packet.readUnsignedShort());
        return new Connect(level, new String(id, StandardCharsets.UTF_8), (flags & 0x40) != 0);
    }

    private static int varint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed MQTT length");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket: nothing to recover
        }
        workers.shutdownNow();
    }
}
