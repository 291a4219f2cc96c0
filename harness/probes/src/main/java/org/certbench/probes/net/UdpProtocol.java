package org.certbench.probes.net;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.certbench.api.Redactions;

/**
 * The UDP protocols the probe speaks, each with the request it sends and how it recognises and sums up
 * an answer, so an answering port is named by what it said and a silent one is reported as silent.
 *
 * <pre>{@code
 * UdpProtocol.SNMP.request(id, address);      // a v2c GetRequest for sysDescr.0, community "public"
 * UdpProtocol.SNMP.recognise(reply);          // Optional["SNMP v2c community 'public' answered: sysDescr=…"]
 * }</pre>
 */
public enum UdpProtocol {
    COAP(5683) {
        @Override
        byte[] request(int id, InetAddress target) {
            return new byte[] {0x40, 0x00, (byte) (id >> 8), (byte) id};
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            boolean reset = reply.length >= 4 && (reply[0] & 0xC0) == 0x40 && (reply[0] & 0x30) == 0x30
                    && ((reply[2] & 0xFF) << 8 | (reply[3] & 0xFF)) == (id & 0xFFFF);
            return reset ? Optional.of("CoAP answered a ping with a reset") : Optional.empty();
        }
    },
    DTLS(5684) {
        @Override
        byte[] request(int id, InetAddress target) {
            return DtlsClientHello.build();
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            return DtlsClientHello.isDtlsRecord(reply) ? Optional.of("DTLS answered a ClientHello: " + DtlsClientHello.describe(reply))
                    : Optional.empty();
        }
    },
    DNS(53) {
        @Override
        byte[] request(int id, InetAddress target) {
            return dnsQuery(id, new String[] {"version.bind"}, 16, 3, false);
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            return dnsAnswer(reply, id).map(s -> "DNS " + s);
        }
    },
    MDNS(5353) {
        @Override
        byte[] request(int id, InetAddress target) {
            // Two questions: the DNS-SD service list, and the reverse name of the device's own address
            // (answered even by a responder that publishes no service: it discloses the host name).
            byte[] target4 = target.getAddress();
            String reverse = (target4[3] & 0xFF) + "." + (target4[2] & 0xFF) + "." + (target4[1] & 0xFF) + "." + (target4[0] & 0xFF)
                    + ".in-addr.arpa";
            return dnsQuery(id, new String[] {"_services._dns-sd._udp.local", reverse}, 12, 1, true);
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            return dnsAnswer(reply, id).map(s -> "mDNS " + s + names(reply));
        }
    },
    NTP(123) {
        @Override
        byte[] request(int id, InetAddress target) {
            byte[] packet = new byte[48];
            packet[0] = 0x23; // LI 0, version 4, mode 3 (client)
            return packet;
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            if (reply.length >= 48 && (reply[0] & 0x07) == 4) {
                return Optional.of("NTP server (version " + ((reply[0] >> 3) & 0x07) + ", stratum " + (reply[1] & 0xFF) + ")");
            }
            return Optional.empty();
        }
    },
    SNMP(161) {
        private final byte[] sysDescr = {0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00};

        @Override
        byte[] request(int id, InetAddress target) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.writeBytes(new byte[] {0x30, 0x29, 0x02, 0x01, 0x01, 0x04, 0x06});
            m.writeBytes("public".getBytes(StandardCharsets.US_ASCII));
            m.writeBytes(new byte[] {(byte) 0xA0, 0x1C, 0x02, 0x04, (byte) (id >> 24), (byte) (id >> 16), (byte) (id >> 8), (byte) id,
                0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x0E, 0x30, 0x0C});
            m.writeBytes(sysDescr);
            m.writeBytes(new byte[] {0x05, 0x00});
            return m.toByteArray();
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            if (reply.length < 10 || reply[0] != 0x30) {
                return Optional.empty();
            }
            int at = indexOf(reply, sysDescr);
            String description = "";
            if (at >= 0 && at + sysDescr.length + 2 <= reply.length && reply[at + sysDescr.length] == 0x04) {
                int length = reply[at + sysDescr.length + 1] & 0xFF;
                int start = at + sysDescr.length + 2;
                description = ": sysDescr=" + printable(reply, start, Math.min(length, reply.length - start));
            }
            return Optional.of("SNMP v2c community 'public' answered" + description);
        }
    },
    SSDP(1900) {
        @Override
        byte[] request(int id, InetAddress target) {
            // Every UPnP root device must answer a search for upnp:rootdevice (UDA 1.0, 1.3.2); not all answer ssdp:all.
            return ("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: upnp:rootdevice\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        Optional<String> recognise(byte[] reply, int id) {
            String text = new String(reply, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 200")) {
                return Optional.empty();
            }
            StringBuilder summary = new StringBuilder("SSDP answered M-SEARCH");
            for (String line : text.split("\r\n")) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("SERVER:") || upper.startsWith("LOCATION:") || upper.startsWith("ST:") || upper.startsWith("USN:")) {
                    summary.append("; ").append(line.strip());
                }
            }
            return Optional.of(Redactions.apply(summary.toString()));
        }
    };

    private static final SecureRandom RANDOM = new SecureRandom();
    private final int defaultPort;

    UdpProtocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port the protocol is registered for. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The protocol registered for a port, if any. */
    public static Optional<UdpProtocol> forPort(int port) {
        for (UdpProtocol protocol : values()) {
            if (protocol.defaultPort == port) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }

    static int newId() {
        return RANDOM.nextInt(0x10000);
    }

    abstract byte[] request(int id, InetAddress target);

    abstract Optional<String> recognise(byte[] reply, int id);

    private static byte[] dnsQuery(int id, String[] names, int type, int dnsClass, boolean unicastResponse) {
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, 0x00, 0x00, 0x00, (byte) names.length, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
        for (String name : names) {
            for (String label : name.split("\\.")) {
                q.write(label.length());
                q.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
            q.write(0);
            q.writeBytes(new byte[] {0x00, (byte) type, (byte) ((unicastResponse ? 0x80 : 0x00) | (dnsClass >> 8)), (byte) dnsClass});
        }
        return q.toByteArray();
    }

    private static Optional<String> dnsAnswer(byte[] reply, int id) {
        if (reply.length < 12 || (reply[2] & 0x80) == 0) {
            return Optional.empty();
        }
        int replyId = (reply[0] & 0xFF) << 8 | (reply[1] & 0xFF);
        // mDNS responders may answer with id 0 (RFC 6762 §18.1).
        if (replyId != (id & 0xFFFF) && replyId != 0) {
            return Optional.empty();
        }
        int rcode = reply[3] & 0x0F;
        int answers = (reply[6] & 0xFF) << 8 | (reply[7] & 0xFF);
        return Optional.of("response (rcode " + rcode + ", " + answers + " answers)");
    }

    private static String names(byte[] reply) {
        StringBuilder names = new StringBuilder();
        int run = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 12; i < reply.length; i++) {
            int b = reply[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                current.append((char) b);
                run++;
            } else {
                if (run >= 4 && names.indexOf(current.toString()) < 0 && names.length() < 200) {
                    names.append(names.length() == 0 ? ": " : ", ").append(current);
                }
                current.setLength(0);
                run = 0;
            }
        }
        return names.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String printable(byte[] bytes, int start, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = start; i < start + length; i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return text.toString();
    }
}
