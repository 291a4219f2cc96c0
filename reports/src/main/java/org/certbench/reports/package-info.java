/**
 * The certification bundle: {@code report.json} ({@link org.certbench.reports.Report}, checked by
 * {@link org.certbench.reports.ReportSchema}), {@code report.html} ({@link org.certbench.reports.HtmlReport}),
 * Allure results ({@link org.certbench.reports.AllureResults}), the manifest
 * ({@link org.certbench.reports.Manifest}), the detached CMS signature over it from a PKCS#12 or PKCS#11 key
 * with an optional RFC 3161 time stamp ({@link org.certbench.reports.BundleSigner},
 * {@link org.certbench.reports.TimeStampClient}), the zip ({@link org.certbench.reports.BundleZip}),
 * verification ({@link org.certbench.reports.BundleVerifier}), the diff of two bundles
 * ({@link org.certbench.reports.ReportDiff}) and test signing keys ({@link org.certbench.reports.TestKeys}).
 */
@NullMarked
package org.certbench.reports;

import org.jspecify.annotations.NullMarked;
