/** Fuzz tests (Jazzer) of the loaders of profiles, bench files and answers files. */
package org.certbench.engine.fuzz;
