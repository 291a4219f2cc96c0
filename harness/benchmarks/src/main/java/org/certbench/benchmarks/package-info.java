/**
 * Benchmarks of certbench against the tools a lab would otherwise use. {@link org.certbench.benchmarks.Job}
 * runs one job the way {@code run.sh} times it (one JVM per run, as a lab would start it) and prints what it
 * found as one JSON line, so the script can check that both sides found the same things; the JMH classes
 * measure hot paths inside one JVM.
 */
@NullMarked
package org.certbench.benchmarks;

import org.jspecify.annotations.NullMarked;
