package org.certbench.engine.execution;

import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What every node of the tree shares while the campaign runs.
 *
 * <pre>{@code
 * context.campaign().ledger().append(row);
 * }</pre>
 *
 * @param campaign the campaign being run
 */
public record CertbenchExecutionContext(Campaign campaign) implements EngineExecutionContext {
}
