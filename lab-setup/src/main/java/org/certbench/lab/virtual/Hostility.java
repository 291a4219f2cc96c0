package org.certbench.lab.virtual;

import java.util.Locale;

/**
 * How a hostile virtual device misbehaves. Each one serves the secure device's ports (HTTPS 8443, MQTTS 8883,
 * console 4000, status 7070, CoAPS 5684/udp) and declares them as the secure device does, so that every case
 * meets it where it would meet a real device; what comes back is broken on purpose.
 */
public enum Hostility {
    /** Accepts every TCP connection and never answers; ignores datagrams. */
    SILENT("accepts TCP connections and never answers"),
    /** Answers one byte per second. */
    SLOW("answers one byte per second"),
    /** Reads the TLS or DTLS ClientHello, sends the start of a ServerHello and closes. */
    HANDSHAKE_CUT("closes the connection in the middle of a TLS or DTLS handshake"),
    /** Answers every port, TCP and UDP, with random bytes. */
    RANDOM_BYTES("answers every port with random bytes"),
    /** Floods the lab broker with PUBLISHes, thousands a second, reconnecting when dropped. */
    BROKER_FLOOD("floods the lab broker with PUBLISHes"),
    /** Serves plain CoAP too, answering with wrong tokens and malformed options. */
    COAP_LIAR("sends CoAP responses with wrong tokens or malformed options"),
    /** Prints garbage on its console, as a UART at the wrong baud rate shows it. */
    GARBAGE_CONSOLE("prints garbage at the wrong baud rate on the console"),
    /** Power-cycles every few seconds: every connection drops and the ports refuse until it is back. */
    REBOOTING("reboots in the middle of cases");

    private final String description;

    Hostility(String description) {
        this.description = description;
    }

    /** What it does, for the profile's comment and the test's messages. */
    public String description() {
        return description;
    }

    /** Its id in device names: {@code handshake-cut}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The virtual variant whose profile it uses (plain CoAP declared for the CoAP liar), on an address of its own. */
    Variant variant() {
        return new Variant("hostile-" + id(), this == COAP_LIAR ? java.util.EnumSet.of(Flaw.PLAINTEXT) : java.util.Set.of(),
                40 + ordinal());
    }
}
