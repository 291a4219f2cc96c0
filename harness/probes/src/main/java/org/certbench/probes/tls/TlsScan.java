package org.certbench.probes.tls;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a TLS endpoint accepts, and the certificate chain it presents.
 *
 * <pre>{@code
 * TlsScan scan = new TlsScanner(TlsScanOptions.DEFAULT).scan("10.0.0.2", 8883, Deadline.NONE);
 * scan.accepts(TlsVersion.TLS_1_0);              // false, we hope
 * scan.suites(TlsVersion.TLS_1_2);               // every suite accepted with TLS 1.2
 * scan.weakSuites();                             // those with a weakness
 * }</pre>
 *
 * @param host host scanned
 * @param port port scanned
 * @param serverName name sent as SNI and matched against the certificate
 * @param suites accepted suites per accepted version (a version is accepted when it has at least one)
 * @param chain the certificate chain, leaf first; empty if none could be read
 * @param nameMatches whether the leaf certificate is for {@code serverName}; empty without a chain
 * @param trust the result of validating the chain against the trust anchor; empty without one
 * @param connections how many TLS connections the scan made
 * @param complete false when the deadline cut the scan short or the endpoint could not be reached
 * @param elapsed how long the scan took
 * @param problems what went wrong along the way (unreachable, not TLS, timeouts)
 */
public record TlsScan(String host, int port, String serverName, Map<TlsVersion, List<CipherSuite>> suites,
        List<CertificateInfo> chain, Optional<Boolean> nameMatches, Optional<Trust> trust, int connections,
        boolean complete, Duration elapsed, List<String> problems) {

    /**
     * The outcome of validating the chain against a trust anchor.
     *
     * @param trusted whether the chain leads to the anchor and is valid now
     * @param reason why not, when it is not
     */
    public record Trust(boolean trusted, @Nullable String reason) {
    }

    public TlsScan {
        Map<TlsVersion, List<CipherSuite>> copy = new EnumMap<>(TlsVersion.class);
        suites.forEach((version, list) -> copy.put(version, List.copyOf(list)));
        suites = Collections.unmodifiableMap(copy);
        chain = List.copyOf(chain);
        problems = List.copyOf(problems);
    }

    /** Accepted versions, oldest first. */
    public Set<TlsVersion> versions() {
        return suites.keySet();
    }

    public boolean accepts(TlsVersion version) {
        return suites.containsKey(version);
    }

    /** Suites accepted with a version; empty when the version is not accepted. */
    public List<CipherSuite> suites(TlsVersion version) {
        return suites.getOrDefault(version, List.of());
    }

    /** Every accepted suite that has a weakness, with the versions it was accepted on. */
    public List<String> weakSuites() {
        return CipherSuites.weak(suites, TlsVersion::label);
    }
}
