/**
 * The ETSI EN 303 645 V3.1.3 conformance suite, assessed the ETSI TS 103 701 way: one test group per
 * provision, cases named after it ({@code 5.6-1-2}), conceptual and functional. The catalogue of
 * every provision is {@code en-303-645-v3.1.3.yaml} beside the suite class.
 */
@NullMarked
package org.certbench.suites.etsi;

import org.jspecify.annotations.NullMarked;
