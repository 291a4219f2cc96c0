package org.certbench.api.dut;

import java.util.Objects;

/**
 * Who the device is: the profile's {@code device} block.
 *
 * <pre>{@code
 * new DeviceIdentity("acme-t1-0042", "ACME", "T1 Thermostat", "2.4.1")
 * }</pre>
 *
 * @param id logical id, stable for the life of the unit (not an address)
 * @param manufacturer manufacturer's name
 * @param model model designation
 * @param firmware firmware version under test
 */
public record DeviceIdentity(String id, String manufacturer, String model, String firmware) {
    public DeviceIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
    }
}
