package org.certbench.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Device features that ETSI EN 303 645 provisions apply to, lettered as in the standard's tables.
 *
 * <p>A device profile may declare features present or absent ({@code features: {passwords: false}});
 * a provision that needs an absent feature is not applicable, with the feature named as reason.
 *
 * <pre>{@code
 * @Provision(id = "5.1-1", level = Level.MANDATORY, features = Feature.PASSWORDS)
 * }</pre>
 */
public enum Feature {
    PASSWORDS("a", "passwords are used"),
    PER_DEVICE_PASSWORDS("b", "pre-installed per-device passwords"),
    CRYPTOGRAPHIC_AUTHENTICATION("c", "cryptographic authentication"),
    USER_AUTHENTICATION("d", "users authenticate to the device"),
    NETWORK_AUTHENTICATION("e", "authentication over the network"),
    NON_IMMUTABLE_SOFTWARE("f", "non-immutable software"),
    UPDATEABLE("g", "software is updateable"),
    AUTOMATIC_UPDATES("h", "automatic updates"),
    UPDATE_NOTIFICATIONS("i", "update notifications"),
    NETWORK_UPDATES("j", "updates over the network"),
    PERSISTENT_SSPS("k", "security parameters stored persistently"),
    HARD_CODED_IDENTITY("l", "hard-coded per-device identity"),
    CSPS_PROTECT_UPDATES_OR_CLOUD("m", "critical security parameters protect updates or cloud communication"),
    NETWORK_SECURITY_CONFIGURATION("n", "security-relevant configuration over the network"),
    CSPS_LEAVE_DEVICE("o", "critical security parameters leave the device"),
    UNUSED_INTERFACES("p", "unused interfaces exist"),
    DEBUG_INTERFACES("q", "debug interfaces exist"),
    PHYSICAL_DEBUG_PORTS("r", "physical debug ports exist"),
    SECURE_BOOT("s", "secure boot or change detection"),
    PERSONAL_DATA_SENT("t", "personal data is sent"),
    SENSITIVE_PERSONAL_DATA_SENT("u", "sensitive personal data is sent"),
    EXTERNAL_SENSORS("v", "external sensors"),
    TELEMETRY("w", "telemetry"),
    PERSONAL_DATA_IN_CLOUD("x", "personal data in the cloud"),
    CONSENT_BASED_PROCESSING("y", "consent-based processing"),
    PERSONAL_DATA_PROCESSED("z", "personal data is processed"),
    AGGREGATE_ONLY_COLLECTION("aa", "aggregate-only collection");

    private final String letter;
    private final String description;

    Feature(String letter, String description) {
        this.letter = letter;
        this.description = description;
    }

    /** Letter used in ETSI EN 303 645's tables ({@code a} … {@code aa}). */
    public String letter() {
        return letter;
    }

    /** What the feature is, in a few words. */
    public String description() {
        return description;
    }

    /** Key used in device profiles and catalogues, for example {@code per-device-passwords}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The feature with the given profile key or letter. */
    public static Optional<Feature> fromKey(String keyOrLetter) {
        for (Feature feature : values()) {
            if (feature.key().equals(keyOrLetter) || feature.letter.equals(keyOrLetter)) {
                return Optional.of(feature);
            }
        }
        return Optional.empty();
    }
}
