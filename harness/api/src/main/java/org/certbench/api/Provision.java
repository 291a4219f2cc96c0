package org.certbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the provision a test case belongs to, with the provision's status in the standard.
 *
 * <p>The status drives applicability before anything runs: a case whose provision needs a
 * {@linkplain #features() feature} that the device profile declares absent, or whose provision the
 * ICS marks not applicable, ends {@link Verdict#NOT_APPLICABLE} with that reason.
 *
 * <pre>{@code
 * @Provision(id = "5.1-1", level = Level.MANDATORY, features = Feature.PASSWORDS)
 * @TestCase(id = "5.1-1-2", assessment = Assessment.FUNCTIONAL)
 * void noUniversalDefaultPassword(Dut dut, Probes probes) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Provision {

    /** Provision id as the standard writes it, for example {@code 5.6-1} or {@code 5.6-4A}. */
    String id();

    /** Mandatory or recommended. */
    Level level();

    /** Conditions that make the provision conditional; empty for an unconditional one. */
    Condition[] conditions() default {};

    /** Features the provision applies to; empty when it applies to every device. */
    Feature[] features() default {};
}
