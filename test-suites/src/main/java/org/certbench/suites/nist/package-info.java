/**
 * What NISTIR 8259A needs beyond ETSI EN 303 645: the {@code nistir-8259a-gaps} suite, whose cases the
 * {@code nistir-8259a} scheme rolls up with the EN 303 645 ones (see {@code org/certbench/suites/schemes}).
 */
package org.certbench.suites.nist;
