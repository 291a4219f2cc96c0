package org.certbench.api.dut;

import java.util.Optional;

/**
 * The ICS "Support" column of ETSI TS 103 701: Y, N or N/A.
 *
 * <pre>{@code
 * Support.fromKey("n/a") // Optional[NOT_APPLICABLE]
 * }</pre>
 */
public enum Support {
    YES("yes"),
    NO("no"),
    NOT_APPLICABLE("n/a");

    private final String key;

    Support(String key) {
        this.key = key;
    }

    /** As written in profiles: {@code yes}, {@code no}, {@code n/a}. */
    public String key() {
        return key;
    }

    public static Optional<Support> fromKey(String key) {
        for (Support support : values()) {
            if (support.key.equals(key)) {
                return Optional.of(support);
            }
        }
        return Optional.empty();
    }
}
