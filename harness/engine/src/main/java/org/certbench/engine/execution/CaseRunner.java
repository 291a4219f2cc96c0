package org.certbench.engine.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Operator;
import org.certbench.api.Redactions;
import org.certbench.api.Verdict;
import org.certbench.api.VerdictException;
import org.certbench.api.Units;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.CaseModel;
import org.certbench.probes.Deadline;
import org.certbench.probes.Probes;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * Runs one test case on its device's lane against its deadline, and records the verdict: returning is
 * PASS, a {@link VerdictException} is its verdict, an {@link AssertionError} is FAIL, an aborted
 * assumption is INCONCLUSIVE, anything else is ERROR. Past the deadline the case is interrupted and
 * is INCONCLUSIVE, its evidence is sealed and the lane goes on.
 *
 * <pre>{@code
 * Outcome outcome = new CaseRunner(campaign).run(info, model, dut);
 * }</pre>
 */
public final class CaseRunner {

    /** How long an interrupted case may take to stop before its thread is abandoned. */
    static final long GRACE_MILLIS = 2_000;

    private final Campaign campaign;

    public CaseRunner(Campaign campaign) {
        this.campaign = campaign;
    }

    /** Runs the case and writes its verdict and evidence rows. Never throws for what the case did. */
    public Outcome run(CaseInfo info, CaseModel model, Dut dut) throws InterruptedException {
        Duration timeout = model.timeout().orElse(campaign.settings().timeoutDefault());
        CaseEvidence evidence = new CaseEvidence(campaign, info);
        Instant started = Instant.now();
        Deadline deadline = Deadline.in(timeout);
        Object[] arguments = arguments(model, dut, evidence, new CampaignOperator(campaign, info), deadline);
        Lane lane = campaign.lane(info.device());
        Lane.Run run = lane.start(() -> {
            Object suite = ReflectionSupport.newInstance(model.method().getDeclaringClass());
            return ReflectionSupport.invokeMethod(model.method(), suite, arguments);
        });
        Outcome outcome;
        try {
            run.future().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            outcome = new Outcome(Verdict.PASS, null, null, List.of());
        } catch (ExecutionException e) {
            CaseEvidence.OutputFailure lost = outputFailure(e.getCause());
            if (lost != null) {
                throw stopped(lost, evidence);
            }
            outcome = classify(e.getCause());
        } catch (TimeoutException e) {
            boolean stopped = lane.stop(run, GRACE_MILLIS);
            outcome = new Outcome(Verdict.INCONCLUSIVE, "deadline of " + describe(timeout) + " passed before the case decided"
                    + (stopped ? "" : "; the case did not stop when interrupted and was abandoned"), null, List.of());
        } catch (InterruptedException e) {
            lane.stop(run, GRACE_MILLIS);
            evidence.seal();
            throw e;
        }
        try {
            evidence.seal();
        } catch (CaseEvidence.OutputFailure e) {
            throw stopped(e, evidence);
        }
        List<org.certbench.api.Finding> findings = evidence.findings();
        Verdict verdict = outcome.verdict();
        String reason = outcome.reason();
        if (verdict == Verdict.PASS && findings.stream().anyMatch(f -> f.verdict() == Verdict.FAIL)) {
            // A case cannot pass while one of its own findings fails.
            verdict = Verdict.FAIL;
            reason = "findings failed: " + findings.stream().filter(f -> f.verdict() == Verdict.FAIL)
                    .map(org.certbench.api.Finding::summary).toList();
        }
        Instant ended = Instant.now();
        String safeReason = reason == null ? null : Redactions.apply(reason);
        campaign.record(info.uid(), verdict, safeReason);
        campaign.ledger().append(new LedgerRow.CaseVerdict(Ledger.now(), info.uid().toString(), info.device(),
                info.standard(), info.provision(), info.caseId(), verdict, safeReason, started.toString(), ended.toString(),
                Duration.between(started, ended).toMillis()));
        return new Outcome(verdict, safeReason, outcome.error(), findings);
    }

    private Object[] arguments(CaseModel model, Dut dut, Evidence evidence, Operator operator, Deadline deadline) {
        Class<?>[] types = model.method().getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == CaseModel.class) {
                // only the engine's own case bodies (ConceptualAssessment) ask for their model
                arguments[i] = model;
            } else if (type == Dut.class) {
                arguments[i] = dut;
            } else if (type == Evidence.class) {
                arguments[i] = evidence;
            } else if (type == Operator.class) {
                arguments[i] = operator;
            } else if (type == Bench.class) {
                arguments[i] = campaign.bench();
            } else if (type == Units.class) {
                arguments[i] = campaign.units();
            } else if (type == Probes.class) {
                arguments[i] = new Probes(evidence, deadline, campaign.settings().probes(), campaign::broker, campaign.scans(), campaign.brokerWatch(),
                        "case " + model.id() + " on " + dut.id());
            } else {
                throw new IllegalStateException("discovery let through a parameter of type " + type.getName());
            }
        }
        return arguments;
    }

    /**
     * The output folder failed under the case: no verdict is recorded (it would stand on missing evidence), the
     * ledger refuses further rows so the run stops, and a resume runs the case again.
     */
    private CaseEvidence.OutputFailure stopped(CaseEvidence.OutputFailure lost, CaseEvidence evidence) {
        campaign.ledger().stop(lost);
        try {
            evidence.seal();
        } catch (RuntimeException e) {
            // the folder is failing: what could not be sealed is moved aside on resume
        }
        return lost;
    }

    private static CaseEvidence.@org.jspecify.annotations.Nullable OutputFailure outputFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CaseEvidence.OutputFailure lost) {
                return lost;
            }
        }
        return null;
    }

    private static Outcome classify(Throwable thrown) {
        if (thrown instanceof VerdictException verdict) {
            return new Outcome(verdict.verdict(), verdict.reason(), null, List.of());
        }
        if (thrown instanceof AssertionError assertion) {
            return new Outcome(Verdict.FAIL, String.valueOf(assertion.getMessage()), null, List.of());
        }
        if (thrown instanceof TestAbortedException aborted) {
            return new Outcome(Verdict.INCONCLUSIVE, String.valueOf(aborted.getMessage()), null, List.of());
        }
        if (thrown instanceof InterruptedException) {
            return new Outcome(Verdict.INCONCLUSIVE, "interrupted", null, List.of());
        }
        return new Outcome(Verdict.ERROR, "harness error: " + thrown, thrown, List.of());
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
