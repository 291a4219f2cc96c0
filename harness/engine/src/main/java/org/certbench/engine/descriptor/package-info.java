/**
 * The descriptor tree, device → standard → provision → case → finding, with unique ids built from
 * logical ids ({@code [device:acme-t1-0042]/[standard:etsi-en-303-645]/[provision:5.6-1]/[case:5.6-1-2]})
 * so a case can be re-run by id from an IDE or the CLI. Each descriptor is a
 * {@link org.junit.platform.engine.support.hierarchical.Node}: devices hold their lane's exclusive
 * lock, containers record their roll-ups, cases run and record their verdicts.
 */
@NullMarked
package org.certbench.engine.descriptor;

import org.jspecify.annotations.NullMarked;
