package org.certbench.probes.mqtt;

import java.time.Duration;
import java.util.Optional;
import org.certbench.probes.tls.HandshakeFacts;
import org.jspecify.annotations.Nullable;

/**
 * How a CONNECT ended.
 *
 * <pre>{@code
 * ConnectResult result = probe.connect(endpoint, MqttVersion.V3_1_1, MqttLogin.ANONYMOUS);
 * result.accepted();  // true: anonymous access
 * result.code();      // 0, or 5 (not authorized) for MQTT 3.1.1; 0x87 for MQTT 5
 * }</pre>
 *
 * @param version the protocol version spoken
 * @param outcome accepted, refused by CONNACK, TLS failure, unreachable, or no answer in time
 * @param code the CONNACK return or reason code; -1 when there was no CONNACK
 * @param reason the code's name, or what went wrong
 * @param handshake the TLS handshake facts, for a TLS endpoint
 * @param elapsed how long it took
 */
public record ConnectResult(MqttVersion version, Outcome outcome, int code, String reason, @Nullable HandshakeFacts handshake,
        Duration elapsed) {

    /** How a connection attempt ended. */
    public enum Outcome {
        ACCEPTED,
        REFUSED,
        TLS_FAILED,
        UNREACHABLE,
        TIMEOUT,
        CLOSED
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    public Optional<HandshakeFacts> tls() {
        return Optional.ofNullable(handshake);
    }

    @Override
    public String toString() {
        return "MQTT " + version.label() + " " + outcome + (code >= 0 ? String.format(" (0x%02X %s)", code, reason) : " (" + reason + ")");
    }
}
