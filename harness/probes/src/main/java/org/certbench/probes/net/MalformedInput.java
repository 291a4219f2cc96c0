package org.certbench.probes.net;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Malformed input for a device's network services (EN 303 645 5.13-1B): a bounded, reproducible set of
 * bursts per service kind, each one a thing a careless parser gets wrong. Random content comes from a
 * seed, so a burst that broke a device can be sent again byte for byte.
 *
 * <pre>{@code
 * for (MalformedInput.Burst burst : MalformedInput.tcp("http", 42)) {
 *     probes.net().sendTcp(host, 80, burst);
 * }
 * }</pre>
 */
public final class MalformedInput {

    /**
     * One burst.
     *
     * @param name what it is, as transcripts and reasons name it
     * @param bytes what is sent
     */
    public record Burst(String name, byte[] bytes) {
        public Burst {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private MalformedInput() {
    }

    /**
     * The bursts for a TCP service: the generic ones, then those of its protocol.
     *
     * @param service the service as {@link ServiceGuess#service()} names it ({@code http}, {@code mqtt}, {@code https} …)
     * @param seed seed of the random content
     */
    public static List<Burst> tcp(String service, long seed) {
        Random random = new Random(seed);
        List<Burst> bursts = new ArrayList<>();
        bursts.add(new Burst("random-4k", randomBytes(random, 4096)));
        bursts.add(new Burst("long-line-64k", ascii("A".repeat(65_536) + "\r\n")));
        bursts.add(new Burst("nul-and-ff", concat(filled(1024, 0x00), filled(1024, 0xFF))));
        bursts.add(new Burst("format-strings", ascii("%s%n%x%n".repeat(64) + "\r\n")));
        switch (service) {
            case "http" -> {
                bursts.add(new Burst("http-long-request-line", ascii("GET /" + "A".repeat(8192) + " HTTP/9.9\r\n\r\n")));
                bursts.add(new Burst("http-header-overflow", ascii("GET / HTTP/1.1\r\nHost: x\r\nX-A: " + "B".repeat(65_536) + "\r\n\r\n")));
                bursts.add(new Burst("http-negative-content-length", ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n")));
                bursts.add(new Burst("http-huge-chunk", ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n")));
            }
            case "mqtt" -> {
                bursts.add(new Burst("mqtt-bad-remaining-length", bytes(0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)));
                bursts.add(new Burst("mqtt-unknown-protocol", bytes(0x10, 0x0C, 0x00, 0x04, 'M', 'Q', 'T', 'X', 99, 0x02, 0x00, 0x0A, 0x00, 0x00)));
                bursts.add(new Burst("mqtt-publish-before-connect", bytes(0x30, 0x05, 0x00, 0x01, 't', 'x', 'y')));
                bursts.add(new Burst("mqtt-client-id-longer-than-packet", bytes(0x10, 0x10, 0x00, 0x04, 'M', 'Q', 'T', 'T', 4, 0x02, 0x00, 0x0A,
                        0xFF, 0xFF, 'a', 'b', 'c', 'd')));
            }
            case "https", "mqtts", "tls" -> {
                bursts.add(new Burst("tls-record-longer-than-sent", concat(bytes(0x16, 0x03, 0x01, 0xFF, 0xFF), randomBytes(random, 512))));
                bursts.add(new Burst("tls-hello-lengths-overflow", bytes(0x16, 0x03, 0x01, 0x00, 0x0A, 0x01, 0xFF, 0xFF, 0xFF, 0x03, 0x03,
                        0x00, 0x00, 0x00, 0x00)));
                bursts.add(new Burst("tls-unknown-content-type", concat(bytes(0x63, 0x03, 0x03, 0x00, 0x40), randomBytes(random, 64))));
            }
            case "telnet" -> bursts.add(new Burst("telnet-option-flood", repeat(bytes(0xFF, 0xFB, 0x18, 0xFF, 0xFA, 0x18), 2000)));
            default -> {
            }
        }
        return bursts;
    }

    /** The bursts for a UDP service, by the protocol the port answered in (CoAP, DTLS) or generic ones. */
    public static List<Burst> udp(UdpProtocol protocol, long seed) {
        Random random = new Random(seed);
        List<Burst> bursts = new ArrayList<>();
        bursts.add(new Burst("random-1k", randomBytes(random, 1024)));
        bursts.add(new Burst("empty-datagram", new byte[0]));
        if (protocol == UdpProtocol.COAP) {
            bursts.add(new Burst("coap-version-0", bytes(0x01, 0x01, 0x12, 0x34, 0xAA)));
            bursts.add(new Burst("coap-reserved-token-length-15", concat(bytes(0x4F, 0x01, 0x12, 0x35), randomBytes(random, 15))));
            bursts.add(new Burst("coap-truncated-header", bytes(0x40, 0x01)));
            bursts.add(new Burst("coap-reserved-option-delta", bytes(0x40, 0x01, 0x12, 0x36, 0xF1, 0x00)));
            bursts.add(new Burst("coap-option-longer-than-datagram", bytes(0x40, 0x01, 0x12, 0x37, 0xBE, 0xFF, 0xFF, 'x')));
            bursts.add(new Burst("coap-payload-marker-without-payload", bytes(0x40, 0x01, 0x12, 0x38, 0xFF)));
        } else if (protocol == UdpProtocol.DTLS) {
            bursts.add(new Burst("dtls-record-longer-than-datagram", concat(bytes(0x16, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF),
                    randomBytes(random, 64))));
            bursts.add(new Burst("dtls-hello-fragment-overflow", bytes(0x16, 0xFE, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x0C, 0x01, 0xFF,
                    0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)));
        }
        return bursts;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int size, int value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] bytes = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, bytes, i * unit.length, unit.length);
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] bytes = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, bytes, a.length, b.length);
        return bytes;
    }
}
