/**
 * The certification bundle: its manifest ({@link org.certbench.reports.Manifest}), the detached CMS
 * signature over it ({@link org.certbench.reports.BundleSigner}), verification
 * ({@link org.certbench.reports.BundleVerifier}) and test signing keys
 * ({@link org.certbench.reports.TestKeys}).
 */
@NullMarked
package org.certbench.reports;

import org.jspecify.annotations.NullMarked;
