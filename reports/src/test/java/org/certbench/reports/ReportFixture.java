package org.certbench.reports;

import java.util.List;
import java.util.Map;
import org.certbench.api.Verdict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small report as a run of EN 303 645 case 5.6-1-2 on one device would write it. */
final class ReportFixture {

    private ReportFixture() {
    }

    /** A mapped scheme whose one requirement rolls up case 5.6-1-2 and claims {@code requirementVerdict}. */
    static Report.Scheme scheme(Verdict requirementVerdict) {
        return new Report.Scheme("nistir-8259a", "2020-05", "NISTIR 8259A core baseline", requirementVerdict,
                requirementVerdict == Verdict.PASS ? null : "failed: 4", List.of(new Report.SchemeRequirement("4",
                        "Logical access to interfaces", requirementVerdict, "failed: 5.6-1-2", List.of("etsi-en-303-645/5.6-1-2"))));
    }

    /** A one-case report whose provision claims {@code provisionVerdict} (the case itself FAILs). */
    static Report report(Verdict provisionVerdict) {
        Report.Case scan = new Report.Case("5.6-1-2", "every open TCP port is declared", Verdict.FAIL, "open TCP ports not declared: [9999]",
                "2026-11-22T05:00:00Z", "2026-11-22T05:00:03Z", 3000,
                List.of(new Report.EvidenceFile("evidence/acme-t1/etsi-en-303-645/5.6-1-2/tcp-scan-10.0.0.2.txt", "0".repeat(64), 12)),
                List.of(new Report.Finding("tcp-9999", Verdict.FAIL, "port 9999/tcp open, not declared")),
                List.of(new Report.Answer("q1", "Is the label on the box?", "yes", "jane", "terminal", "2026-11-22T05:00:02Z")));
        Report.Provision provision = new Report.Provision("5.6-1", provisionVerdict, "failed: 5.6-1-2", List.of(scan));
        Report.Standard standard = new Report.Standard("etsi-en-303-645", Verdict.FAIL, "failed: 5.6-1", true, List.of(), List.of(provision));
        JsonNode profile = JsonMapper.shared().readTree("""
                {"device": {"id": "acme-t1"},
                 "credentials": {"owner": {"username": "owner", "password": "env:ACME_T1_OWNER_PASSWORD"}},
                 "ics": {"etsi-en-303-645": {"5.6-1": {"support": "yes"}, "5.3-14": {"support": "n/a", "justification": "updateable"}}},
                 "ixit": {"15-Intf": {"disclosed-information": "model on the login page"}}}
                """);
        return new Report(Report.SCHEMA, new Report.Campaign("c1", "2026-11-22T05:00:00Z", "2026-11-22T05:00:04Z", "jane", "0.1.0",
                "test lab", List.of("etsi-en-303-645")),
                new Report.Bench("test lab", null, "127.0.0.1", "embedded", Map.of(), Map.of(), null, null,
                        List.of(new Report.BenchResource("broker", "broker", "embedded", "NOT_CHECKED", "started by certbench for the run"))),
                Map.of("certbench", "0.1.0", "java", "17", "os", "Linux"), List.of(new Report.Suite("etsi-en-303-645", "3.1.3", "Cyber security for consumer IoT",
                        "org.certbench.suites.etsi.En303645", "1".repeat(64))),
                List.of(new Report.Device("acme-t1", "ACME", "T1", "2.4.1", Verdict.FAIL,
                        new Report.Profile("acme-t1.yaml", "2".repeat(64), profile, profile.get("ics"), profile.get("ixit")), List.of(standard),
                        List.of(scheme(Verdict.FAIL)))));
    }
}
