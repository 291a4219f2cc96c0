package org.certbench.engine.descriptor;

import org.certbench.api.Finding;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Something a case found at run time (an open port, a login service), reported with its own verdict. */
public final class FindingDescriptor extends AbstractTestDescriptor implements Node<CertbenchExecutionContext> {

    private final Finding finding;

    public FindingDescriptor(UniqueId uniqueId, Finding finding) {
        super(uniqueId, finding.id() + ": " + finding.summary());
        this.finding = finding;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public CertbenchExecutionContext execute(CertbenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        switch (finding.verdict()) {
            case FAIL -> throw new AssertionFailedError("FAIL: " + finding.summary());
            case INCONCLUSIVE -> throw new TestAbortedException("INCONCLUSIVE: " + finding.summary());
            default -> {
                return context;
            }
        }
    }
}
