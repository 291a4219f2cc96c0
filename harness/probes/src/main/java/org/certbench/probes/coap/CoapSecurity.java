package org.certbench.probes.coap;

import java.util.Objects;
import org.certbench.probes.tls.TrustChoice;

/**
 * How the probe secures CoAP: not at all, DTLS with a pre-shared key, or DTLS with X.509 server
 * certificates judged by a {@link TrustChoice}.
 *
 * <pre>{@code
 * CoapSecurity.none()
 * CoapSecurity.psk("device-7", secret.reveal())
 * CoapSecurity.x509(TrustChoice.labCa(ca), "device.lab")
 * }</pre>
 */
public sealed interface CoapSecurity {

    /** Plain CoAP over UDP. */
    record None() implements CoapSecurity {
    }

    /**
     * DTLS with a pre-shared key.
     *
     * @param identity the PSK identity (shown in transcripts)
     * @param key the key (never shown)
     */
    record Psk(String identity, String key) implements CoapSecurity {
        public Psk {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "PSK identity '" + identity + "', key ***";
        }
    }

    /**
     * DTLS with X.509 server certificates.
     *
     * @param trust which server certificates to accept
     * @param serverName the name the certificate must carry
     */
    record X509(TrustChoice trust, String serverName) implements CoapSecurity {
    }

    static CoapSecurity none() {
        return new None();
    }

    static CoapSecurity psk(String identity, String key) {
        return new Psk(identity, key);
    }

    static CoapSecurity x509(TrustChoice trust, String serverName) {
        return new X509(trust, serverName);
    }
}
