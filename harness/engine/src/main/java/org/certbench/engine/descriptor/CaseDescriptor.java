package org.certbench.engine.descriptor;

import java.time.Instant;
import java.util.Optional;
import org.certbench.api.Dut;
import org.certbench.api.Finding;
import org.certbench.api.Verdict;
import org.certbench.engine.config.CertbenchConfig.InconclusiveResult;
import org.certbench.engine.execution.Campaign;
import org.certbench.engine.execution.CaseInfo;
import org.certbench.engine.execution.CaseRunner;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.certbench.engine.execution.Outcome;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.CaseModel;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A test case for one device. Its applicability was decided at discovery: a case ruled out by the ICS
 * or the profile is skipped with that reason (NOT_APPLICABLE) and never touches the device. Otherwise
 * it runs on the device's lane, its verdict goes to the ledger, and its JUnit result follows the
 * verdict: PASS successful, FAIL failed, INCONCLUSIVE aborted (or failed, by configuration), ERROR
 * failed. What it found becomes dynamic {@code [finding:…]} children.
 */
public final class CaseDescriptor extends AbstractTestDescriptor implements Node<CertbenchExecutionContext> {

    private final CaseModel model;
    private final Dut dut;
    private final String standard;
    private final Optional<String> notApplicable;

    public CaseDescriptor(UniqueId uniqueId, CaseModel model, Dut dut, String standard, Optional<String> notApplicable) {
        super(uniqueId, model.id() + " " + model.title() + " (" + model.assessment().name().toLowerCase(java.util.Locale.ROOT) + ")",
                MethodSource.from(model.method()));
        this.model = model;
        this.dut = dut;
        this.standard = standard;
        this.notApplicable = notApplicable;
    }

    public CaseModel model() {
        return model;
    }

    public Dut dut() {
        return dut;
    }

    public String standard() {
        return standard;
    }

    /** Why the case does not apply to the device, if it does not. */
    public Optional<String> notApplicable() {
        return notApplicable;
    }

    public CaseInfo info() {
        return new CaseInfo(getUniqueId(), dut.id(), standard, model.provision().id(), model.id());
    }

    @Override
    public Type getType() {
        return Type.CONTAINER_AND_TEST;
    }

    @Override
    public SkipResult shouldBeSkipped(CertbenchExecutionContext context) {
        var lost = context.campaign().ledger().failure();
        if (lost.isPresent()) {
            // Nothing it did could be recorded: not run, and resumable once the cause (a full disk) is fixed.
            return SkipResult.skip("not run: " + lost.get().getMessage());
        }
        return notApplicable.map(reason -> SkipResult.skip("NOT_APPLICABLE: " + reason)).orElse(SkipResult.doNotSkip());
    }

    @Override
    public void nodeSkipped(CertbenchExecutionContext context, TestDescriptor descriptor, SkipResult result) {
        if (context.campaign().ledger().failure().isPresent()) {
            return;
        }
        String reason = notApplicable.orElse(result.getReason().orElse("skipped"));
        String now = Instant.now().toString();
        context.campaign().record(getUniqueId(), Verdict.NOT_APPLICABLE, reason);
        context.campaign().decide(new LedgerRow.CaseVerdict(Ledger.now(), getUniqueId().toString(), dut.id(), standard,
                model.provision().id(), model.id(), Verdict.NOT_APPLICABLE, reason, now, now, 0));
    }

    @Override
    public CertbenchExecutionContext execute(CertbenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor)
            throws Exception {
        Optional<Campaign.Previous> previous = context.campaign().previous(getUniqueId());
        Outcome outcome;
        if (previous.isPresent()) {
            // Decided before the run was stopped: the verdict stands and the device is not touched again.
            Campaign.Previous p = previous.get();
            context.campaign().record(getUniqueId(), p.verdict(), p.reason());
            outcome = new Outcome(p.verdict(), p.reason(), null, p.findings());
        } else {
            outcome = new CaseRunner(context.campaign()).run(info(), model, dut);
        }
        for (Finding finding : outcome.findings()) {
            FindingDescriptor child = new FindingDescriptor(getUniqueId().append(Segments.FINDING, finding.id()), finding);
            addChild(child);
            dynamicTestExecutor.execute(child);
        }
        dynamicTestExecutor.awaitFinished();
        String reason = outcome.reason();
        switch (outcome.verdict()) {
            case PASS -> {
                return context;
            }
            case FAIL -> throw new AssertionFailedError("FAIL: " + reason);
            case INCONCLUSIVE -> {
                if (context.campaign().settings().inconclusiveResult() == InconclusiveResult.FAILED) {
                    throw new AssertionFailedError("INCONCLUSIVE: " + reason);
                }
                throw new TestAbortedException("INCONCLUSIVE: " + reason);
            }
            case NOT_APPLICABLE -> throw new TestAbortedException("NOT_APPLICABLE: " + reason);
            default -> throw HarnessError.of(reason, outcome.error());
        }
    }
}
