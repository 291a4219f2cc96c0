package org.certbench.probes.broker;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One connection to the rogue listener, which presents a certificate with the broker's name that
 * no lab CA signed. A device that checks the certificate ends the handshake ({@link Outcome#REFUSED},
 * usually with a TLS alert); one that does not goes on to send CONNECT ({@link Outcome#ACCEPTED}).
 *
 * <pre>{@code
 * boolean checks = attempts.stream().allMatch(a -> a.outcome() == RogueAttempt.Outcome.REFUSED);
 * }</pre>
 *
 * @param remoteAddress the client's IP address
 * @param at when the connection arrived
 * @param outcome what the client did with the untrusted certificate
 * @param detail the alert or error the handshake ended with, or what the client sent
 * @param sni the server name the client asked for, if it sent one
 * @param clientId the MQTT client id, when the client accepted and sent CONNECT
 * @param passwordSent whether that CONNECT carried a password (handed to an impostor)
 */
public record RogueAttempt(
        String remoteAddress,
        Instant at,
        Outcome outcome,
        String detail,
        @Nullable String sni,
        @Nullable String clientId,
        boolean passwordSent) {

    public RogueAttempt {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** What a client did when shown the untrusted certificate. */
    public enum Outcome {
        /** The client ended the handshake: it checks the broker's certificate. */
        REFUSED,
        /** The client completed the handshake (and may have sent CONNECT): it does not check. */
        ACCEPTED,
        /** The connection ended before the handshake decided anything (not a TLS client, or it hung up). */
        ABANDONED
    }

    /** One line for transcripts and reasons. */
    public String describe() {
        return remoteAddress + " " + outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail
                + (clientId == null ? "" : " (client id " + clientId + (passwordSent ? ", password handed over" : "") + ")");
    }
}
