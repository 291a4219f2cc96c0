/**
 * Value types of a device profile: identity, interfaces and declared ports, credentials by
 * reference ({@link org.certbench.api.dut.Secret}), the ICS and the IXIT. All immutable; built by the
 * engine's profile loader from YAML validated against {@code device-profile.schema.json}.
 */
@NullMarked
package org.certbench.api.dut;

import org.jspecify.annotations.NullMarked;
