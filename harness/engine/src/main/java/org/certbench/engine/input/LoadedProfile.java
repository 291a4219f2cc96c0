package org.certbench.engine.input;

import org.certbench.api.Dut;

/**
 * A device profile as loaded: the device, and the document it came from so later checks (an ICS row
 * for an unknown provision, say) can still name the line.
 *
 * <pre>{@code
 * LoadedProfile loaded = ProfileLoader.load(Path.of("acme.yaml"));
 * loaded.dut().id();
 * }</pre>
 *
 * @param dut the device
 * @param document the parsed file
 */
public record LoadedProfile(Dut dut, YamlDocument document) {
}
