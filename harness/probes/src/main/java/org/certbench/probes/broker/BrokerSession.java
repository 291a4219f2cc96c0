package org.certbench.probes.broker;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One connection a client made to the lab broker, as the broker saw it. Credentials are recorded
 * only as sent or not sent, never their values.
 *
 * <pre>{@code
 * boolean clear = session.passwordSent() && session.tlsProtocol() == null;
 * }</pre>
 *
 * @param clientId the MQTT client identifier
 * @param mqttVersion {@code 3.1}, {@code 3.1.1} or {@code 5}
 * @param listener the listener's name ({@code plain}, {@code tls}, or a virtual device's)
 * @param remoteAddress the client's IP address
 * @param usernameSent whether CONNECT carried a user name
 * @param passwordSent whether CONNECT carried a password
 * @param tlsProtocol the negotiated TLS version, {@code null} over plain TCP
 * @param cipherSuite the negotiated cipher suite, {@code null} over plain TCP
 * @param sni the server name the client sent, {@code null} if none or plain TCP
 * @param connected when CONNECT arrived
 * @param disconnected when the connection ended, {@code null} while it lasts
 * @param publishes what it published, in order
 */
public record BrokerSession(
        String clientId,
        String mqttVersion,
        String listener,
        String remoteAddress,
        boolean usernameSent,
        boolean passwordSent,
        @Nullable String tlsProtocol,
        @Nullable String cipherSuite,
        @Nullable String sni,
        Instant connected,
        @Nullable Instant disconnected,
        List<BrokerPublish> publishes) {

    public BrokerSession {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(mqttVersion, "mqttVersion");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(connected, "connected");
        publishes = List.copyOf(publishes);
    }

    /** Whether the session ran over TLS. */
    public boolean tls() {
        return tlsProtocol != null;
    }

    /** One line for transcripts and reasons, e.g. {@code thermo-1 MQTT 5 from 10.88.0.5 on tls (TLSv1.3, …)}. */
    public String describe() {
        return clientId + " MQTT " + mqttVersion + " from " + remoteAddress + " on " + listener
                + (tls() ? " (" + tlsProtocol + ", " + cipherSuite + (sni == null ? ", no SNI" : ", SNI " + sni) + ")" : " (plain TCP)")
                + ", user name " + (usernameSent ? "sent" : "not sent") + ", password " + (passwordSent ? "sent" : "not sent")
                + ", " + publishes.size() + " publishes";
    }
}
