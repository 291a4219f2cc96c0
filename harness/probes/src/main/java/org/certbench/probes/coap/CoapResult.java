package org.certbench.probes.coap;

import java.time.Duration;
import java.util.Optional;
import org.certbench.probes.tls.HandshakeFacts;
import org.jspecify.annotations.Nullable;

/**
 * How one CoAP request ended.
 *
 * <pre>{@code
 * CoapResult result = probes.coap().get(target, "/config", true);
 * result.code();  // "2.05" — readable without DTLS: a finding for 5.5-4
 * }</pre>
 *
 * @param outcome a response, no response in time, or the DTLS handshake failed
 * @param code the response code as {@code class.detail} ({@code 2.05}, {@code 4.01}), or null
 * @param codeName the code's name ({@code CONTENT}, {@code UNAUTHORIZED}), or null
 * @param contentFormat the Content-Format option, -1 when absent
 * @param payload the response payload, reassembled when it came in blocks (empty without a response)
 * @param handshake for DTLS with X.509: the handshake facts; for DTLS, the cipher suite at least
 * @param elapsed round trip, including any handshake
 * @param problem what went wrong, when there was no response
 */
public record CoapResult(Outcome outcome, @Nullable String code, @Nullable String codeName, int contentFormat, byte[] payload,
        @Nullable HandshakeFacts handshake, Duration elapsed, @Nullable String problem) {

    /** How a request ended. */
    public enum Outcome {
        RESPONSE,
        TIMEOUT,
        DTLS_FAILED,
        FAILED
    }

    public boolean responded() {
        return outcome == Outcome.RESPONSE;
    }

    /** Whether the response is a success (2.xx). */
    public boolean success() {
        return code != null && code.startsWith("2.");
    }

    public Optional<HandshakeFacts> dtls() {
        return Optional.ofNullable(handshake);
    }

    public String text() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return outcome == Outcome.RESPONSE ? code + " " + codeName + ", " + payload.length + " bytes" : outcome + ": " + problem;
    }
}
