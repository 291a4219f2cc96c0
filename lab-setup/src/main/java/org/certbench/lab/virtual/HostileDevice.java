package org.certbench.lab.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A virtual device that misbehaves as its {@link Hostility} says, on the secure device's ports at its own
 * loopback address. Every connection and datagram is served on a daemon thread named {@code hostile-…}, so a
 * test can tell them from the harness's own; closing the device closes them all.
 *
 * <pre>{@code
 * try (HostileDevice device = new HostileDevice(Hostility.SLOW, "127.0.10.42", broker.plainEndpoint())) { … }
 * }</pre>
 */
final class HostileDevice implements AutoCloseable {

    private static final int[] TCP = {Variant.HTTPS, Variant.MQTTS, Variant.CONSOLE, Variant.STATUS};
    private static final int[] TCP_PLAIN = {Variant.HTTP, Variant.MQTT, Variant.TELNET};
    private static final byte[] SLOW_TEXT = "HTTP/1.1 200 OK\r\nServer: hostile\r\n\r\nlogin: ".getBytes(StandardCharsets.US_ASCII);
    /** A TLS record header promising a 74-byte ServerHello, and its first six bytes: then the device hangs up. */
    private static final byte[] TLS_CUT = {0x16, 0x03, 0x03, 0x00, 0x4a, 0x02, 0x00, 0x00, 0x46, 0x03, 0x03};
    /** A DTLS 1.2 handshake record header promising 23 bytes, and two of them. */
    private static final byte[] DTLS_CUT = {0x16, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x17, 0x03, 0x00};

    private final Hostility hostility;
    private final String address;
    private final @Nullable InetSocketAddress broker;
    private final List<TcpListener> listeners = new ArrayList<>();
    private final List<DatagramSocket> udp = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong floodPublishes = new AtomicLong();
    private volatile boolean closed;

    HostileDevice(Hostility hostility, String address, @Nullable InetSocketAddress broker) throws IOException {
        this.hostility = hostility;
        this.address = address;
        this.broker = broker;
        try {
            up();
            if (hostility == Hostility.BROKER_FLOOD && broker != null) {
                daemon("hostile-flood", this::flood);
            }
            if (hostility == Hostility.REBOOTING) {
                daemon("hostile-reboot", this::powerCycles);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** How many PUBLISHes the flooding device has sent. */
    long floodPublishes() {
        return floodPublishes.get();
    }

    private synchronized void up() throws IOException {
        for (int port : TCP) {
            listeners.add(new TcpListener(address, port, "hostile-" + hostility.id() + "-" + port, socket -> serve(socket, port)));
        }
        if (hostility == Hostility.COAP_LIAR) {
            for (int port : TCP_PLAIN) {
                listeners.add(new TcpListener(address, port, "hostile-" + hostility.id() + "-" + port, socket -> serve(socket, port)));
            }
            datagrams(Variant.COAP);
        }
        datagrams(Variant.COAPS);
    }

    private synchronized void down() {
        listeners.forEach(TcpListener::close);
        listeners.clear();
        udp.forEach(DatagramSocket::close);
        udp.clear();
    }

    private void datagrams(int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        udp.add(socket);
        daemon("hostile-" + hostility.id() + "-udp-" + port, () -> answerDatagrams(socket, port));
    }

    private void serve(Socket socket, int port) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Random random = new Random();
        switch (hostility) {
            case SLOW -> {
                for (byte b : SLOW_TEXT) {
                    out.write(b);
                    out.flush();
                    sleep(1_000);
                }
                drain(in);
            }
            case HANDSHAKE_CUT -> {
                if (port == Variant.HTTPS || port == Variant.MQTTS) {
                    byte[] header = in.readNBytes(5);
                    if (header.length == 5) {
                        in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
                        out.write(TLS_CUT);
                        out.flush();
                    }
                }
                // then hang up, on every port
            }
            case RANDOM_BYTES -> {
                byte[] chunk = new byte[4096];
                for (int sent = 0; sent < 256 * 1024 && !closed; sent += chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                    out.flush();
                    sleep(50);
                }
            }
            case GARBAGE_CONSOLE -> {
                if (port == Variant.CONSOLE) {
                    byte[] line = new byte[64];
                    while (!closed) {
                        for (int i = 0; i < line.length; i++) {
                            line[i] = (byte) (0x80 | random.nextInt(0x80)); // framing errors: high bits, no line ends
                        }
                        out.write(line);
                        out.flush();
                        sleep(100);
                    }
                } else {
                    drain(in);
                }
            }
            default -> drain(in); // silent, flood, liar (TCP), rebooting: take what is sent, say nothing
        }
    }

    private void answerDatagrams(DatagramSocket socket, int port) {
        byte[] buffer = new byte[2048];
        Random random = new Random();
        while (!socket.isClosed()) {
            DatagramPacket request = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(request);
                byte[] reply = switch (hostility) {
                    case RANDOM_BYTES -> {
                        byte[] noise = new byte[1 + random.nextInt(512)];
                        random.nextBytes(noise);
                        yield noise;
                    }
                    case HANDSHAKE_CUT -> port == Variant.COAPS ? DTLS_CUT : null;
                    case COAP_LIAR -> port == Variant.COAP ? coapLie(buffer, request.getLength(), random) : null;
                    default -> null;
                };
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /**
     * An ACK with the request's message id and one of three lies: another token, an option whose length runs
     * past the end of the message, or the reserved option delta 15 with no payload after it.
     */
    static byte @Nullable [] coapLie(byte[] request, int length, Random random) {
        if (length < 4 || (request[0] & 0xc0) != 0x40) {
            return null;
        }
        int tokenLength = request[0] & 0x0f;
        byte[] token = new byte[Math.min(tokenLength, 8)];
        System.arraycopy(request, 4, token, 0, Math.min(token.length, Math.max(0, length - 4)));
        int lie = random.nextInt(3);
        byte[] replyToken = token.clone();
        if (lie == 0) {
            replyToken = new byte[8];
            random.nextBytes(replyToken);
        }
        java.io.ByteArrayOutputStream reply = new java.io.ByteArrayOutputStream();
        reply.write(0x60 | replyToken.length); // version 1, ACK
        reply.write(0x45); // 2.05 Content
        reply.write(request[2]);
        reply.write(request[3]);
        reply.writeBytes(replyToken);
        switch (lie) {
            case 0 -> {
                reply.write(0xc1); // Content-Format, one byte: 40 (link format)
                reply.write(40);
                reply.write(0xff);
                reply.writeBytes("</lie>".getBytes(StandardCharsets.US_ASCII));
            }
            case 1 -> {
                reply.write(0xbd); // option 11 (Uri-Path) with an extended length of 13 + 200 bytes, and two of them
                reply.write(200);
                reply.write('x');
                reply.write('y');
            }
            default -> reply.write(0xf5); // delta 15 is reserved for the payload marker
        }
        return reply.toByteArray();
    }

    /** MQTT 3.1.1 by hand: CONNECT, then QoS 0 PUBLISHes as fast as the broker takes them (capped), again after each drop. */
    private void flood() {
        byte[] connect = mqttConnect("virtual-hostile-broker-flood");
        byte[] publish = mqttPublish("flood/hostile", new byte[32]);
        while (!closed) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0)); // the broker sees the device, not the bench
                socket.connect(broker, 2_000);
                OutputStream out = socket.getOutputStream();
                out.write(connect);
                out.flush();
                while (!closed) {
                    for (int i = 0; i < 50; i++) {
                        out.write(publish);
                    }
                    out.flush();
                    floodPublishes.addAndGet(50);
                    sleep(10); // about 5,000 a second: a flood, but not a CPU hog on a two-core bench
                }
            } catch (IOException e) {
                sleep(200);
            }
        }
    }

    private static byte[] mqttConnect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, (byte) (id.length >> 8), (byte) id.length});
        body.writeBytes(id);
        return packet(0x10, body.toByteArray());
    }

    private static byte[] mqttPublish(String topic, byte[] payload) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(name.length >> 8);
        body.write(name.length);
        body.writeBytes(name);
        body.writeBytes(payload);
        return packet(0x30, body.toByteArray());
    }

    private static byte[] packet(int type, byte[] body) {
        java.io.ByteArrayOutputStream packet = new java.io.ByteArrayOutputStream();
        packet.write(type);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    /** Up for eight seconds, down (every connection dropped, ports refusing) for four, until closed. */
    private void powerCycles() {
        while (!closed) {
            sleep(8_000);
            if (closed) {
                return;
            }
            down();
            sleep(4_000);
            synchronized (this) {
                if (!closed) {
                    try {
                        up();
                    } catch (IOException e) {
                        // a port still held by a closing socket: try again on the next cycle
                        down();
                    }
                }
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // taken, not answered
        }
    }

    private void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        down();
        threads.forEach(Thread::interrupt);
    }
}
