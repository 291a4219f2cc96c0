/**
 * The {@code certbench} command line (picocli) on the JUnit Platform Launcher: {@code run},
 * {@code list}, {@code validate}; live progress, the summary table and the exit codes of DESIGN.md §8.
 */
@NullMarked
package org.certbench.cli;

import org.jspecify.annotations.NullMarked;
