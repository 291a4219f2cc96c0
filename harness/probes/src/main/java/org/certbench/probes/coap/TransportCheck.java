package org.certbench.probes.coap;

/**
 * Whether a UDP port answers plain CoAP, DTLS, both or neither, found without credentials: a CoAP ping
 * (an empty confirmable message, answered with a reset) and a DTLS ClientHello (answered with a
 * HelloVerifyRequest, a ServerHello or an alert).
 *
 * <pre>{@code
 * TransportCheck check = probes.coap().transports(host, 5684);
 * check.plainCoap(); // false: the secured port does not also answer in the clear
 * }</pre>
 *
 * @param plainCoap whether the port answered the CoAP ping
 * @param dtls whether the port answered the DTLS ClientHello with a DTLS record
 * @param detail what came back
 */
public record TransportCheck(boolean plainCoap, boolean dtls, String detail) {
}
