package org.certbench.probes.power;

import java.io.IOException;
import java.util.Optional;

/**
 * A switchable power outlet a device is plugged into.
 *
 * <pre>{@code
 * Outlet outlet = probes.power().outlet(bench.outlet("plug-a").orElseThrow(), operator);
 * outlet.cycle(Duration.ofSeconds(5));
 * }</pre>
 */
public interface Outlet {

    /** Switches the outlet on or off and returns the state the outlet reports afterwards (if it reports one). */
    Optional<Boolean> set(boolean on) throws IOException;

    /** The state the outlet reports, if it can tell. */
    Optional<Boolean> state() throws IOException;

    /** How the outlet is driven, for transcripts. */
    String describe();
}
