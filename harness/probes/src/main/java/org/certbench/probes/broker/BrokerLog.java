package org.certbench.probes.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.certbench.api.Bench;

/**
 * A lab broker the harness controls and reads: its endpoints and everything clients did on them.
 * Implemented by lab-setup's embedded broker; cases reach it through {@link BrokerWitness}.
 *
 * <pre>{@code
 * for (BrokerSession s : log.sessions()) {
 *     System.out.println(s.describe());
 * }
 * }</pre>
 */
public interface BrokerLog {

    /** The plain MQTT listener. */
    InetSocketAddress plainEndpoint();

    /** The MQTT over TLS listener, presenting a certificate from the lab CA. */
    InetSocketAddress tlsEndpoint();

    /** The rogue TLS listener: the same name, a certificate no lab CA signed. */
    InetSocketAddress rogueEndpoint();

    /** The lab CA certificate (PEM) that devices are given to trust the broker. */
    String caCertificatePem();

    /** Every session so far, oldest first; sessions still open are included. */
    List<BrokerSession> sessions();

    /** Every connection to the rogue listener so far, oldest first. */
    List<RogueAttempt> rogueAttempts();

    /**
     * Drops every session from {@code host} and refuses its CONNECTs (server unavailable) for
     * {@code window}, recording each refused one, as a broker that went away would look to the device.
     * A window of zero ends a refusal early (the host, turned away, has no session left to drop).
     */
    void refuse(String host, java.time.Duration window);

    /** Every CONNECT refused during a {@link #refuse} window so far, oldest first. */
    List<RefusedConnect> refusedConnects();

    /**
     * Starts (or joins) the lab broker a bench names; found with {@link java.util.ServiceLoader}, so
     * the engine needs no compile-time link to the broker's implementation.
     */
    interface Provider {

        /**
         * Opens the broker for one campaign. Returns {@code null} when this provider does not serve
         * the bench's broker kind (an external broker cannot be read).
         *
         * @param bench the bench of the campaign
         * @param runFolder the campaign's output folder, for the broker's working files
         */
        @org.jspecify.annotations.Nullable Lease open(Bench bench, Path runFolder) throws IOException;
    }

    /** A broker held for a campaign; closing it stops the broker if the lease started it. */
    interface Lease extends AutoCloseable {

        /** The broker. */
        BrokerLog log();

        @Override
        void close();
    }
}
