/** The trivial suite and the trivial Jupiter tests that the engine-overhead benchmark runs side by side. */
@NullMarked
package org.certbench.benchmarks.trivial;

import org.jspecify.annotations.NullMarked;
