/**
 * What a suite class declares, read once by reflection: the standard, its provision catalogue, and
 * every test case with its provision, applicability requirements and deadline
 * ({@link org.certbench.engine.suite.SuiteModel}); and where suites are registered
 * ({@link org.certbench.engine.suite.SuiteRegistry}).
 */
@NullMarked
package org.certbench.engine.suite;

import org.jspecify.annotations.NullMarked;
