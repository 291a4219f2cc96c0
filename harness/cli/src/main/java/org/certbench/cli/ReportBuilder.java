package org.certbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.reports.Report;

/**
 * Makes {@code report.json} from a run's ledger: nothing is guessed from JUnit results, every verdict
 * and roll-up is the one the engine recorded.
 */
final class ReportBuilder {

    private ReportBuilder() {
    }

    static Report fromLedger(List<LedgerRow> rows) {
        LedgerRow.Campaign campaign = LedgerReader.rows(rows, LedgerRow.Campaign.class).get(0);
        List<LedgerRow.End> ends = LedgerReader.rows(rows, LedgerRow.End.class);
        Map<String, String> titles = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.Plan.class).forEach(p -> titles.put(p.uid(), p.title()));
        Map<String, List<Report.EvidenceFile>> evidence = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.EvidenceFile.class).forEach(e -> evidence.computeIfAbsent(e.uid(), k -> new ArrayList<>())
                .add(new Report.EvidenceFile(e.file(), e.sha256(), e.bytes())));
        // What an attempt cut short by a stopped run had written stays with its case, in its own folder.
        LedgerReader.rows(rows, LedgerRow.Resume.class).forEach(r -> r.interrupted().forEach(c -> c.evidence().forEach(m ->
                evidence.computeIfAbsent(c.uid(), k -> new ArrayList<>()).add(new Report.EvidenceFile(m.file(), m.sha256(), m.bytes())))));
        Map<String, List<Report.Finding>> findings = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.Finding.class).forEach(f -> findings.computeIfAbsent(f.caseUid(), k -> new ArrayList<>())
                .add(new Report.Finding(f.finding(), f.verdict(), f.summary())));
        Map<String, List<Report.Answer>> answers = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.Answer.class).forEach(a -> answers.computeIfAbsent(a.uid(), k -> new ArrayList<>())
                .add(new Report.Answer(a.question(), a.text(), a.answer(), a.operator(), a.source(), a.at())));
        Map<String, LedgerRow.Device> profiles = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.Device.class).forEach(d -> profiles.put(d.device(), d));
        Map<String, LedgerRow.Ics> ics = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.Ics.class).forEach(i -> ics.put(i.device() + " " + i.standard(), i));
        Map<String, LedgerRow.RollUp> rollUps = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.RollUp.class).forEach(r -> rollUps.put(key(r.level(), r.device(), r.standard(), r.provision()), r));

        // device -> standard -> provision -> cases, in the order the ledger recorded them
        Map<String, Map<String, Map<String, List<Report.Case>>>> tree = new LinkedHashMap<>();
        for (LedgerRow.CaseVerdict v : LedgerReader.rows(rows, LedgerRow.CaseVerdict.class)) {
            tree.computeIfAbsent(v.device(), d -> new LinkedHashMap<>()).computeIfAbsent(v.standard(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(v.provision(), p -> new ArrayList<>())
                    .add(new Report.Case(v.caseId(), titles.getOrDefault(v.uid(), v.caseId()), v.verdict(), v.reason(), v.started(), v.ended(),
                            v.durationMs(), evidence.getOrDefault(v.uid(), List.of()), findings.getOrDefault(v.uid(), List.of()),
                            answers.getOrDefault(v.uid(), List.of())));
        }
        List<Report.Device> devices = new ArrayList<>();
        tree.forEach((device, standards) -> {
            List<Report.Standard> standardResults = new ArrayList<>();
            standards.forEach((standard, provisions) -> {
                List<Report.Provision> provisionResults = new ArrayList<>();
                provisions.forEach((provision, cases) -> {
                    LedgerRow.RollUp rollUp = rollUps.get(key("provision", device, standard, provision));
                    provisionResults.add(new Report.Provision(provision,
                            rollUp == null ? Verdict.rollUp(cases.stream().map(Report.Case::verdict).toList()) : rollUp.verdict(),
                            rollUp == null ? null : rollUp.reason(), cases));
                });
                LedgerRow.RollUp rollUp = rollUps.get(key("standard", device, standard, null));
                LedgerRow.Ics check = ics.get(device + " " + standard);
                standardResults.add(new Report.Standard(standard, rollUp == null ? Verdict.INCONCLUSIVE : rollUp.verdict(),
                        rollUp == null ? "the run ended before this standard was rolled up" : rollUp.reason(),
                        check == null || check.valid(), check == null ? List.of() : check.problems(), provisionResults));
            });
            LedgerRow.RollUp rollUp = rollUps.get(key("device", device, null, null));
            LedgerRow.Device profile = profiles.get(device);
            if (profile == null) {
                throw new IllegalStateException("the ledger has verdicts for " + device + " but no device row");
            }
            devices.add(new Report.Device(device, profile.manufacturer(), profile.model(), profile.firmware(),
                    rollUp == null ? Verdict.INCONCLUSIVE : rollUp.verdict(),
                    new Report.Profile(profile.profile(), profile.profileSha256(), profile.snapshot(), profile.ics(), profile.ixit()),
                    standardResults, schemes(rows, device)));
        });
        LedgerRow.BenchState bench = LedgerReader.rows(rows, LedgerRow.BenchState.class).get(0);
        List<Report.Suite> suites = LedgerReader.rows(rows, LedgerRow.Suite.class).stream()
                .map(s -> new Report.Suite(s.standard(), s.version(), s.title(), s.suiteClass(), s.codeSha256())).toList();
        return new Report(Report.SCHEMA,
                new Report.Campaign(campaign.campaign(), campaign.at(), ends.isEmpty() ? null : ends.get(0).at(),
                        campaign.operator(), campaign.certbench(), campaign.lab(), campaign.standards()),
                new Report.Bench(bench.lab(), bench.accreditation(), bench.harnessAddress(), bench.broker(), bench.serialPorts(),
                        bench.outlets(), bench.source(), bench.sha256(), bench.check().stream()
                                .map(c -> new Report.BenchResource(c.kind(), c.name(), c.target(), c.status().name(), c.detail())).toList()),
                LedgerReader.rows(rows, LedgerRow.Tools.class).get(0).versions(), suites, devices);
    }

    /** The device's scheme verdicts: the requirement rows, then the scheme's own row, per scheme. */
    private static List<Report.Scheme> schemes(List<LedgerRow> rows, String device) {
        Map<String, List<Report.SchemeRequirement>> requirements = new LinkedHashMap<>();
        List<Report.Scheme> schemes = new ArrayList<>();
        for (LedgerRow.SchemeVerdict row : LedgerReader.rows(rows, LedgerRow.SchemeVerdict.class)) {
            if (!row.device().equals(device)) {
                continue;
            }
            if (row.requirement() != null) {
                requirements.computeIfAbsent(row.scheme(), k -> new ArrayList<>()).add(new Report.SchemeRequirement(row.requirement(),
                        row.requirementTitle(), row.verdict(), row.reason(), row.cases()));
            } else {
                schemes.add(new Report.Scheme(row.scheme(), row.version(), row.title(), row.verdict(), row.reason(),
                        requirements.getOrDefault(row.scheme(), List.of())));
            }
        }
        return schemes;
    }

    private static String key(String level, String device, String standard, String provision) {
        return level + " " + device + " " + standard + " " + provision;
    }
}
