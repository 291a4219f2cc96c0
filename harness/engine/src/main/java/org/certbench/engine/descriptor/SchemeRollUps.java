package org.certbench.engine.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.execution.Campaign;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.SchemeModel;
import org.certbench.engine.suite.SchemeRegistry;
import org.junit.platform.engine.TestDescriptor;

/**
 * The mapped schemes' verdicts for one device, from the verdicts its cases already have: a requirement
 * rolls up the cases that cover it (a case never runs twice for two schemes), the scheme rolls up its
 * requirements. A requirement none of whose cases ran is INCONCLUSIVE; a scheme whose basis standard
 * has an invalid ICS is FAIL, as that standard is (ETSI TS 103 701).
 *
 * <pre>{@code
 * SchemeRollUps.record(campaign, deviceDescriptor); // one "scheme" ledger row per requirement and per scheme
 * }</pre>
 */
final class SchemeRollUps {

    private SchemeRollUps() {
    }

    static void record(Campaign campaign, DeviceDescriptor device) {
        List<CaseDescriptor> cases = device.getDescendants().stream().filter(CaseDescriptor.class::isInstance)
                .map(CaseDescriptor.class::cast).toList();
        Set<String> standardsRun = cases.stream().map(CaseDescriptor::standard).collect(Collectors.toSet());
        Set<String> wanted = campaign.settings().standards();
        for (SchemeModel scheme : SchemeRegistry.registered()) {
            boolean report = wanted.isEmpty() ? standardsRun.containsAll(scheme.standards()) : wanted.contains(scheme.id());
            if (report) {
                record(campaign, device, scheme, cases);
            }
        }
    }

    private static void record(Campaign campaign, DeviceDescriptor device, SchemeModel scheme, List<CaseDescriptor> cases) {
        String id = device.dut().id();
        List<Verdict> requirementVerdicts = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (SchemeModel.Requirement requirement : scheme.requirements()) {
            List<CaseDescriptor> covering = cases.stream().filter(c -> requirement.covers().stream()
                    .anyMatch(ref -> SchemeModel.matches(ref, c.standard(), c.model()))).toList();
            List<String> names = covering.stream().map(c -> c.standard() + "/" + c.model().id()).toList();
            Verdict verdict;
            String reason;
            if (covering.isEmpty()) {
                verdict = Verdict.INCONCLUSIVE;
                reason = "none of its cases ran (" + requirement.covers().stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
            } else {
                List<String> caseFailed = new ArrayList<>();
                List<String> caseUndecided = new ArrayList<>();
                List<Verdict> verdicts = new ArrayList<>();
                for (CaseDescriptor c : covering) {
                    Verdict v = campaign.verdict(c.getUniqueId()).orElse(Verdict.INCONCLUSIVE);
                    verdicts.add(v);
                    if (v == Verdict.FAIL) {
                        caseFailed.add(c.model().id());
                    } else if (v == Verdict.INCONCLUSIVE || v == Verdict.ERROR) {
                        caseUndecided.add(c.model().id() + " " + v);
                    }
                }
                verdict = Verdict.rollUp(verdicts);
                reason = RollUps.reason(verdict, List.of(), caseFailed, caseUndecided, "no case applies");
            }
            requirementVerdicts.add(verdict);
            if (verdict == Verdict.FAIL) {
                failed.add(requirement.id());
            } else if (verdict == Verdict.INCONCLUSIVE || verdict == Verdict.ERROR) {
                undecided.add(requirement.id() + " " + verdict);
            }
            campaign.decide(new LedgerRow.SchemeVerdict(Ledger.now(), id, scheme.id(), scheme.version(), scheme.title(),
                    requirement.id(), requirement.title(), verdict, reason, names));
        }
        List<String> invalidIcs = device.getChildren().stream().filter(StandardDescriptor.class::isInstance)
                .map(StandardDescriptor.class::cast)
                .filter(s -> scheme.standards().contains(s.suite().id()) && !s.icsProblems().isEmpty())
                .map(s -> "invalid ICS for " + s.suite().id()).toList();
        Verdict overall = invalidIcs.isEmpty() ? Verdict.rollUp(requirementVerdicts) : Verdict.FAIL;
        String reason = RollUps.reason(overall, invalidIcs, failed, undecided, "no requirement applies");
        campaign.decide(new LedgerRow.SchemeVerdict(Ledger.now(), id, scheme.id(), scheme.version(), scheme.title(),
                null, null, overall, reason, List.of()));
    }
}
