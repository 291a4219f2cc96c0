package org.certbench.api;

/**
 * Status of a provision in its standard.
 *
 * <pre>{@code
 * @Provision(id = "5.5-1", level = Level.MANDATORY)
 * }</pre>
 */
public enum Level {
    /** The standard says "shall". */
    MANDATORY,
    /** The standard says "should". */
    RECOMMENDED;

    /** The one-letter status used in the standards' tables: {@code M} or {@code R}. */
    public String letter() {
        return this == MANDATORY ? "M" : "R";
    }
}
