package org.certbench.probes.tls;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a DTLS scan of one UDP endpoint found: the versions and cipher suites it accepts.
 *
 * <pre>{@code
 * DtlsScan scan = probes.tls().scanDtls("192.0.2.10", 5684);
 * scan.versions();     // [DTLS_1_2]
 * scan.weakSuites();   // those with a weakness
 * }</pre>
 *
 * @param host host scanned
 * @param port UDP port scanned
 * @param suites accepted suites per accepted version (a version is accepted when it has at least one)
 * @param handshakes how many ClientHello exchanges the scan made
 * @param complete false when the deadline cut the scan short or the endpoint did not answer as DTLS
 * @param elapsed how long the scan took
 * @param problems what went wrong along the way (no answer, not DTLS)
 */
public record DtlsScan(String host, int port, Map<DtlsVersion, List<CipherSuite>> suites, int handshakes, boolean complete,
        Duration elapsed, List<String> problems) {

    public DtlsScan {
        Map<DtlsVersion, List<CipherSuite>> copy = new EnumMap<>(DtlsVersion.class);
        suites.forEach((version, list) -> copy.put(version, List.copyOf(list)));
        suites = Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** Accepted versions, oldest first. */
    public Set<DtlsVersion> versions() {
        return suites.keySet();
    }

    public boolean accepts(DtlsVersion version) {
        return suites.containsKey(version);
    }

    /** Suites accepted with a version; empty when the version is not accepted. */
    public List<CipherSuite> suites(DtlsVersion version) {
        return suites.getOrDefault(version, List.of());
    }

    /** Every accepted suite that has a weakness, with the versions it was accepted on. */
    public List<String> weakSuites() {
        return CipherSuites.weak(suites, DtlsVersion::label);
    }
}
