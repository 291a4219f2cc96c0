package org.certbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as the conformance suite of one standard.
 *
 * <p>The engine discovers such classes, expands them once per device under test, and uses
 * {@link #id()} as the logical segment of every case's unique id, so a suite can be renamed or moved
 * without changing what a lab's earlier runs refer to.
 *
 * <pre>{@code
 * @Standard(id = "etsi-en-303-645", version = "3.1.3", title = "Cyber security for consumer IoT",
 *           catalogue = "en-303-645-v3.1.3.yaml")
 * public final class En303645 { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Standard {

    /** Stable id of the standard, for example {@code etsi-en-303-645}: lower case, digits and dashes. */
    String id();

    /** Version of the standard the suite implements, for example {@code 3.1.3}. */
    String version();

    /** Human-readable title. */
    String title();

    /**
     * Class-path resource, relative to the suite class, that lists every provision of the standard
     * (id, level, title, conditions, features, IXIT references), so that provisions without an
     * automated case are still listed and reported. Empty when the suite carries no catalogue.
     */
    String catalogue() default "";

    /**
     * Whether the engine supplies, for every catalogue provision the suite writes no
     * {@link Assessment#CONCEPTUAL} case for, the conceptual case of ETSI TS 103 701 as
     * {@code <provision>-1}: the IXIT entries the provision needs are present and well-formed, and the
     * assessor judges the design (prompt or answers file). Needs a {@link #catalogue()}.
     */
    boolean conceptualCases() default false;
}
