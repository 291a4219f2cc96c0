package org.certbench.api;

import java.util.Locale;

/**
 * What a device profile must declare for a test case to run against the device. A missing one makes
 * the case not applicable before anything runs, with the missing interface as the reason.
 *
 * <pre>{@code
 * @TestCase(id = "5.6-1-2", assessment = Assessment.FUNCTIONAL, requires = Requirement.NETWORK)
 * }</pre>
 */
public enum Requirement {
    /** {@code interfaces.network} with a host. */
    NETWORK,
    /** {@code interfaces.mqtt}. */
    MQTT,
    /** {@code interfaces.coap}. */
    COAP,
    /** {@code interfaces.http}. */
    HTTP,
    /** {@code interfaces.serial}. */
    SERIAL,
    /** {@code interfaces.power}. */
    POWER,
    /** {@code interfaces.uplink}: the device connects out to a broker. */
    UPLINK;

    /** The profile key under {@code interfaces}. */
    public String profileKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
