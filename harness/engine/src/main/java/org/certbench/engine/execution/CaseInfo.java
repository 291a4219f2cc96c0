package org.certbench.engine.execution;

import org.junit.platform.engine.UniqueId;

/**
 * Who a running case is, for its evidence, answers and ledger rows.
 *
 * @param uid the case's unique id
 * @param device device id
 * @param standard standard id
 * @param provision provision id
 * @param caseId case id
 */
public record CaseInfo(UniqueId uid, String device, String standard, String provision, String caseId) {
}
