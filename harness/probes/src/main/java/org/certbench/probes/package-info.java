/**
 * The probes facade ({@link org.certbench.probes.Probes}) handed to test cases, and what every probe
 * shares: the case {@link org.certbench.probes.Deadline}. One sub-package per kind of interface.
 */
@NullMarked
package org.certbench.probes;

import org.jspecify.annotations.NullMarked;
