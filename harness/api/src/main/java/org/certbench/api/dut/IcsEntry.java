package org.certbench.api.dut;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of an ICS: whether the provision is supported, and why not when it is not.
 *
 * <pre>{@code
 * new IcsEntry(Support.NOT_APPLICABLE, "software is updateable")
 * }</pre>
 *
 * @param support Y, N or N/A
 * @param justification required by TS 103 701 for N and N/A
 */
public record IcsEntry(Support support, @Nullable String justification) {
    public IcsEntry {
        Objects.requireNonNull(support, "support");
    }
}
