/**
 * The suite-author API: annotations that describe a standard and its test cases, the verdicts a
 * case can end with, and the objects the engine passes to a case ({@link org.certbench.api.Dut},
 * {@link org.certbench.api.Evidence}, {@link org.certbench.api.Operator},
 * {@link org.certbench.api.Bench}, {@link org.certbench.api.Units}).
 *
 * <p>A suite is a class per standard; a test case is a method:
 *
 * <pre>{@code
 * @Standard(id = "etsi-en-303-645", version = "3.1.3", title = "Cyber security for consumer IoT")
 * public final class En303645 {
 *     @Provision(id = "5.6-1", level = Level.MANDATORY, features = Feature.UNUSED_INTERFACES)
 *     @TestCase(id = "5.6-1-2", assessment = Assessment.FUNCTIONAL, requires = Requirement.NETWORK)
 *     void onlyDeclaredPortsOpen(Dut dut, Probes probes, Evidence evidence) { ... }
 * }
 * }</pre>
 */
@NullMarked
package org.certbench.api;

import org.jspecify.annotations.NullMarked;
