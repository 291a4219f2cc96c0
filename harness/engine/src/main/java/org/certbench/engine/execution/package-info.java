/**
 * Running a campaign: the {@link org.certbench.engine.execution.Campaign} (output folder, ledger,
 * verdicts, device lanes), the runner that executes one case against its deadline
 * ({@link org.certbench.engine.execution.CaseRunner}), the case's evidence and the operator.
 */
@NullMarked
package org.certbench.engine.execution;

import org.jspecify.annotations.NullMarked;
