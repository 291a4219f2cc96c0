package org.certbench.probes.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a TLS scan behaves.
 *
 * <pre>{@code
 * TlsScanOptions options = TlsScanOptions.DEFAULT.withServerName("device.lab").withTrustAnchor(labCa);
 * }</pre>
 *
 * @param serverName the name sent as SNI and checked against the certificate; the host when null
 * @param trustAnchor a CA the chain should lead to; no trust check when null
 * @param connectTimeout how long a connect may take
 * @param readTimeout how long to wait for the server's answer to one ClientHello
 */
public record TlsScanOptions(@Nullable String serverName, @Nullable X509Certificate trustAnchor, Duration connectTimeout,
        Duration readTimeout) {

    /** No SNI override, no trust anchor, 3 s to connect, 5 s to answer. */
    public static final TlsScanOptions DEFAULT = new TlsScanOptions(null, null, Duration.ofSeconds(3), Duration.ofSeconds(5));

    public TlsScanOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public TlsScanOptions withServerName(String name) {
        return new TlsScanOptions(name, trustAnchor, connectTimeout, readTimeout);
    }

    public TlsScanOptions withTrustAnchor(X509Certificate anchor) {
        return new TlsScanOptions(serverName, anchor, connectTimeout, readTimeout);
    }

    public TlsScanOptions withTimeouts(Duration connect, Duration read) {
        return new TlsScanOptions(serverName, trustAnchor, connect, read);
    }

    Optional<X509Certificate> anchor() {
        return Optional.ofNullable(trustAnchor);
    }
}
