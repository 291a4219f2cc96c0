package org.certbench.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Standard} suite as a test case in the ETSI TS 103 701 sense.
 *
 * <p>The method may declare parameters of type {@link Dut}, {@link Evidence}, {@link Operator},
 * {@link Bench} and the probes facade; the engine supplies them. Returning normally is
 * {@link Verdict#PASS}; {@link Verdicts} ends a case with any other verdict and a reason.
 *
 * <pre>{@code
 * @Provision(id = "5.6-1", level = Level.MANDATORY)
 * @TestCase(id = "5.6-1-2", assessment = Assessment.FUNCTIONAL, requires = Requirement.NETWORK,
 *           timeout = "PT10M")
 * void onlyDeclaredPortsOpen(Dut dut, Probes probes) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TestCase {

    /** Case id: the provision id plus a suffix, for example {@code 5.6-1-2}. */
    String id();

    /** Conceptual (the IXIT design conforms) or functional (the device behaves as declared). */
    Assessment assessment();

    /** Short purpose of the case, shown in plans and reports; the method name when empty. */
    String title() default "";

    /** What the profile must declare for the case to apply; missing ones make it not applicable. */
    Requirement[] requires() default {};

    /**
     * Deadline of the case as an ISO-8601 duration ({@code PT90S}) or a short form ({@code 90s},
     * {@code 10m}). Empty means the configured default ({@code certbench.timeout.default}).
     */
    String timeout() default "";

    /**
     * Whether the case runs after every other case of its device, its provision and standard with it: a
     * case that may lock the device's accounts (brute force) must not spoil the cases that log in.
     */
    boolean runsLast() default false;
}
