package org.certbench.lab.virtual;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One deliberate weakness a virtual device can have. Each is the fixture for the EN 303 645
 * provision it breaks; the flawed device has them all, a single-flaw variant has one.
 */
public enum Flaw {
    /** HTTPS and the console also accept the factory default {@code admin}/{@code admin} (5.1-1). */
    DEFAULT_PASSWORD("default-password", "5.1-1"),
    /** Plain MQTT, CoAP, HTTP and a telnet login beside the TLS services; the uplink sends its password in clear (5.1-3, 5.5-1). */
    PLAINTEXT("plaintext", "5.5-1"),
    /** The device's MQTT service lets anyone connect without credentials (5.5-4). */
    ANONYMOUS_MQTT("anonymous-mqtt", "5.5-4"),
    /** A debug shell on TCP 9999 that the manufacturer did not declare (5.6-1, 5.6-4A). */
    DEBUG_PORT("debug-port", "5.6-1"),
    /** The console drops straight into a root shell, no login (5.6-4A). */
    ROOT_CONSOLE("root-console", "5.6-4A"),
    /** The device's MQTT client accepts any broker certificate, the rogue listener's too (5.5-1). */
    ACCEPTS_ANY_BROKER_CERT("accepts-any-broker-cert", "5.5-1"),
    /** HTTPS with a 1024-bit RSA key (and, in the container, TLS 1.0 and legacy cipher suites) (5.5-1). */
    WEAK_TLS("weak-tls", "5.5-1"),
    /**
     * Every published document (the vulnerability disclosure policy, the support period, the sensors, deletion, setup
     * and privacy pages) is behind a login (5.2-1, 5.3-13, 5.8-3, 5.11-3, 5.12-2, 5.12-3, 6-1, 6-5).
     */
    DOCS_BEHIND_LOGIN("docs-behind-login", "5.2-1"),
    /** Before any login, the console and the web server's Server header name the firmware and software versions (5.6-2). */
    CHATTY_BANNER("chatty-banner", "5.6-2"),
    /** The status service (TCP 7070) crashes on a line longer than 256 bytes (5.13-1B). */
    FRAGILE_INPUT("fragile-input", "5.13-1B"),
    /** No brute-force protection: logins never lock, however many guesses fail (5.1-5). */
    NO_LOCKOUT("no-lockout", "5.1-5"),
    /** The configuration API ({@code POST /api/config} on HTTPS) takes changes without a login (5.5-5). */
    OPEN_CONFIG("open-config", "5.5-5"),
    /** When the broker turns it away, the uplink retries every 100 ms instead of backing off (5.9-3). */
    RECONNECT_STORM("reconnect-storm", "5.9-3"),
    /**
     * Every unit's TLS services present one key, baked into the firmware image, instead of a key of the unit's own
     * (5.4-4, and the sign of a key hard-coded into the firmware, 5.4-3): the container image makes it once when it is
     * built; in the JVM it is one key per process.
     */
    SHARED_KEY("shared-key", "5.4-4");

    private final String id;
    private final String provision;

    Flaw(String id, String provision) {
        this.id = id;
        this.provision = provision;
    }

    /** The flaw's name in variant names, profiles and the container's {@code CERTBENCH_FLAWS}. */
    public String id() {
        return id;
    }

    /** The EN 303 645 provision this flaw is the fixture for. */
    public String provision() {
        return provision;
    }

    /** The flaw with this id. */
    public static Optional<Flaw> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
