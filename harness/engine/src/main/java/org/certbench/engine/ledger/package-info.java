/**
 * The verdict ledger: an append-only JSON Lines file in the run's output folder, written as the run
 * goes (campaign, plan, verdict, evidence, finding, answer, ICS, roll-up and end rows), from which
 * reports are made and a killed run can be resumed. {@link org.certbench.engine.ledger.Ledger} writes
 * it; {@link org.certbench.engine.ledger.LedgerReader} reads it back into typed rows.
 */
@NullMarked
package org.certbench.engine.ledger;

import org.jspecify.annotations.NullMarked;
