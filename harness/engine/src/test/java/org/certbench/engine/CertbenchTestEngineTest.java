package org.certbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.descriptor.CaseDescriptor;
import org.certbench.engine.fixtures.LanesStandard;
import org.certbench.engine.fixtures.VerdictsStandard;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class CertbenchTestEngineTest {

    private static final Path PROFILES = Path.of("src/test/resources/profiles");
    private static final String DEV_A = PROFILES.resolve("dev-a.yaml").toString();
    private static final String DEV_B = PROFILES.resolve("dev-b.yaml").toString();
    private static final UniqueId ENGINE = UniqueId.forEngine("certbench");

    @TempDir
    Path out;

    private EngineTestKit.Builder kit(String devices, DiscoverySelector... selectors) {
        return EngineTestKit.engine("certbench")
                .selectors(selectors)
                .configurationParameter("certbench.devices", devices)
                .configurationParameter("certbench.out", out.toString())
                .configurationParameter("certbench.interactive", "false");
    }

    private static UniqueId caseId(String device, String provision, String caseId) {
        return ENGINE.append("device", device).append("standard", "fixture-verdicts").append("provision", provision)
                .append("case", caseId);
    }

    private List<LedgerRow> ledger() throws Exception {
        return LedgerReader.read(out.resolve(Ledger.FILE_NAME));
    }

    private Map<String, LedgerRow.CaseVerdict> verdictsByCase(String device) throws Exception {
        return LedgerReader.rows(ledger(), LedgerRow.CaseVerdict.class).stream()
                .filter(v -> v.device().equals(device))
                .collect(Collectors.toMap(LedgerRow.CaseVerdict::caseId, Function.identity()));
    }

    private static List<String> caseIds(TestDescriptor root) {
        return root.getDescendants().stream().filter(CaseDescriptor.class::isInstance)
                .map(d -> d.getUniqueId().toString()).sorted().toList();
    }

    @Test
    void aClassSelectorExpandsEveryDeviceTimesEveryCaseWithLogicalUniqueIds() {
        EngineDiscoveryResults results = kit(DEV_A + "," + DEV_B, selectClass(VerdictsStandard.class)).discover();

        assertThat(results.getDiscoveryIssues()).isEmpty();
        List<String> ids = caseIds(results.getEngineDescriptor());
        assertThat(ids).hasSize(20).contains(caseId("dev-a", "1.1-2", "1.1-2-1").toString(),
                caseId("dev-b", "1.1-10", "1.1-10-1").toString());
        assertThat(results.getEngineDescriptor().getChildren()).extracting(d -> d.getUniqueId().getLastSegment().getValue())
                .containsExactly("dev-a", "dev-b");
    }

    @Test
    void aMethodSelectorYieldsThatCaseOnEveryDevice() throws Exception {
        EngineDiscoveryResults results = kit(DEV_A + "," + DEV_B,
                selectMethod(VerdictsStandard.class, VerdictsStandard.class.getDeclaredMethod("fails"))).discover();

        assertThat(caseIds(results.getEngineDescriptor())).containsExactly(
                caseId("dev-a", "1.1-2", "1.1-2-1").toString(), caseId("dev-b", "1.1-2", "1.1-2-1").toString());
    }

    @Test
    void packageAndClasspathRootSelectorsFindSuites() {
        EngineDiscoveryResults byPackage = kit(DEV_A, selectPackage("org.certbench.engine.fixtures"))
                .configurationParameter("certbench.standards", "fixture-verdicts").discover();
        assertThat(caseIds(byPackage.getEngineDescriptor())).hasSize(10);

        Set<Path> roots = Set.of(Path.of("target/test-classes").toAbsolutePath());
        EngineDiscoveryResults byRoot = kit(DEV_A, selectClasspathRoots(roots).toArray(DiscoverySelector[]::new))
                .configurationParameter("certbench.standards", "fixture-lanes").discover();
        assertThat(caseIds(byRoot.getEngineDescriptor())).containsExactly(
                ENGINE.append("device", "dev-a").append("standard", "fixture-lanes").append("provision", "2.1-1")
                        .append("case", "2.1-1-1").toString());
    }

    @Test
    void oneCaseCanBeRerunByItsUniqueId() throws Exception {
        UniqueId failing = caseId("dev-a", "1.1-2", "1.1-2-1");
        EngineExecutionResults results = kit(DEV_A + "," + DEV_B, selectUniqueId(failing)).execute();

        assertThat(results.testEvents().started().list()).extracting(e -> e.getTestDescriptor().getUniqueId())
                .containsExactly(failing);
        assertThat(verdictsByCase("dev-a")).containsOnlyKeys("1.1-2-1");
        assertThat(verdictsByCase("dev-b")).isEmpty();
    }

    @Test
    void aFindingsUniqueIdRerunsTheCaseThatFoundIt() {
        UniqueId finding = caseId("dev-a", "1.1-7", "1.1-7-1").append("finding", "tcp-2323");
        EngineDiscoveryResults results = kit(DEV_A, selectUniqueId(finding)).discover();

        assertThat(caseIds(results.getEngineDescriptor())).containsExactly(caseId("dev-a", "1.1-7", "1.1-7-1").toString());
    }

    @Test
    void provisionsAndDevicesCanBeSelectedByUniqueIdToo() {
        UniqueId provision = caseId("dev-b", "1.1-7", "1.1-7-1").removeLastSegment();
        UniqueId device = ENGINE.append("device", "dev-a");
        EngineDiscoveryResults results = kit(DEV_A + "," + DEV_B, selectUniqueId(provision), selectUniqueId(device))
                .configurationParameter("certbench.standards", "fixture-verdicts").discover();

        List<String> ids = caseIds(results.getEngineDescriptor());
        assertThat(ids).contains(caseId("dev-b", "1.1-7", "1.1-7-1").toString()).hasSize(11);
    }

    @Test
    void aSuiteAndOneOfItsProvisionsSelectedTogetherGiveEachCaseOnceInEitherOrder() {
        UniqueId provision = caseId("dev-a", "1.1-7", "1.1-7-1").removeLastSegment();
        for (DiscoverySelector[] selectors : List.of(
                new DiscoverySelector[] {selectClass(VerdictsStandard.class), selectUniqueId(provision)},
                new DiscoverySelector[] {selectUniqueId(provision), selectClass(VerdictsStandard.class)})) {
            EngineDiscoveryResults results = kit(DEV_A, selectors).discover();

            TestDescriptor engine = results.getEngineDescriptor();
            List<String> ids = engine.getDescendants().stream().filter(CaseDescriptor.class::isInstance)
                    .map(d -> d.getUniqueId().toString()).toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(10);
            TestDescriptor standard = engine.getChildren().iterator().next().getChildren().iterator().next();
            assertThat(standard.getChildren()).extracting(d -> d.getUniqueId().getLastSegment().getValue())
                    .doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(engine.findByUniqueId(standard.getUniqueId().append("provision", p)))
                            .get().satisfies(d -> assertThat(d.getParent()).contains(standard)));
            assertThat(engine.findByUniqueId(caseId("dev-a", "1.1-7", "1.1-7-1")).orElseThrow().getParent())
                    .contains(engine.findByUniqueId(provision).orElseThrow());
        }
    }

    @Test
    void aWholeSuiteIsBuiltInTheStandardsProvisionOrder() {
        EngineDiscoveryResults results = kit(DEV_A, selectClass(VerdictsStandard.class)).discover();

        TestDescriptor standard = results.getEngineDescriptor().getChildren().iterator().next().getChildren().iterator().next();
        List<String> order = org.certbench.engine.suite.SuiteModel.of(VerdictsStandard.class).cases().stream()
                .map(c -> c.provision().id()).distinct().toList();
        assertThat(order).hasSize(10);
        assertThat(standard.getChildren()).extracting(d -> d.getUniqueId().getLastSegment().getValue())
                .containsExactlyElementsOf(order);
    }

    @Test
    void everyVerdictMapsToItsJUnitResultAndIsRecordedInTheLedger() throws Exception {
        EngineExecutionResults results = kit(DEV_A, selectClass(VerdictsStandard.class)).execute();

        Map<String, TestExecutionResult> junit = results.allEvents().finished().stream()
                .filter(e -> e.getTestDescriptor() instanceof CaseDescriptor)
                .collect(Collectors.toMap(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue(),
                        e -> e.getRequiredPayload(TestExecutionResult.class)));
        assertThat(junit.get("1.1-1-1").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(junit.get("1.1-2-1").getThrowable()).containsInstanceOf(AssertionFailedError.class);
        assertThat(junit.get("1.1-2-1").getThrowable().orElseThrow()).hasMessage("FAIL: port 9999/tcp open, not declared");
        assertThat(junit.get("1.1-3-1").getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(junit.get("1.1-3-1").getThrowable().orElseThrow()).isInstanceOf(TestAbortedException.class);
        assertThat(junit.get("1.1-5-1").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(junit.get("1.1-5-1").getThrowable().orElseThrow()).hasMessageContaining("ERROR: harness error")
                .hasMessageContaining("probe bug");
        assertThat(junit.get("1.1-10-1").getThrowable().orElseThrow()).isInstanceOf(AssertionFailedError.class);
        assertThat(results.allEvents().skipped().stream().map(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue()))
                .containsExactlyInAnyOrder("1.1-4-1", "1.1-8-1", "1.1-9-1");

        Map<String, LedgerRow.CaseVerdict> ledger = verdictsByCase("dev-a");
        assertThat(ledger).hasSize(10);
        assertThat(ledger.get("1.1-1-1").verdict()).isEqualTo(Verdict.PASS);
        assertThat(ledger.get("1.1-2-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ledger.get("1.1-3-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ledger.get("1.1-3-1").reason()).isEqualTo("IXIT 15-Intf is missing");
        assertThat(ledger.get("1.1-4-1").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(ledger.get("1.1-5-1").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(ledger.get("1.1-10-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ledger.get("1.1-10-1").reason()).isEqualTo("expected banner to be empty");
    }

    @Test
    void inconclusiveCanBeReportedAsFailedForStrictCi() {
        EngineExecutionResults results = kit(DEV_A, selectMethod(VerdictsStandard.class, "inconclusive"))
                .configurationParameter("certbench.inconclusive.result", "failed").execute();

        results.testEvents().assertStatistics(s -> s.started(1).failed(1).aborted(0));
    }

    @Test
    void applicabilityIsDecidedBeforeAnythingRunsWithTheRulingItemAsReason() throws Exception {
        kit(DEV_A + "," + DEV_B, selectClass(VerdictsStandard.class)).execute();

        List<LedgerRow.Plan> plan = LedgerReader.rows(ledger(), LedgerRow.Plan.class);
        assertThat(plan).hasSize(20);
        Map<String, String> reasonsA = plan.stream().filter(p -> p.device().equals("dev-a") && p.reason() != null)
                .collect(Collectors.toMap(LedgerRow.Plan::caseId, LedgerRow.Plan::reason));
        assertThat(reasonsA).containsOnlyKeys("1.1-4-1", "1.1-8-1", "1.1-9-1");
        assertThat(reasonsA.get("1.1-4-1")).contains("feature telemetry (w").contains("absent");
        assertThat(reasonsA.get("1.1-8-1")).isEqualTo("profile declares no interfaces.serial, which case 1.1-8-1 needs");
        assertThat(reasonsA.get("1.1-9-1")).isEqualTo("ICS fixture-verdicts 1.1-9: n/a (firmware is in ROM)");
        assertThat(verdictsByCase("dev-b").get("1.1-2-1").reason()).isEqualTo("ICS fixture-verdicts 1.1-2: no (we do not do this)");
        // dev-b does not declare telemetry absent, so its case ran and wrote evidence; dev-a's never ran.
        assertThat(out.resolve("evidence/dev-a/fixture-verdicts/1.1-4-1")).doesNotExist();
        assertThat(out.resolve("evidence/dev-b/fixture-verdicts/1.1-4-1/must-not-exist.txt")).exists();
    }

    @Test
    void provisionsStandardsAndDevicesRollUpTheTs103701Way() throws Exception {
        kit(DEV_A + "," + DEV_B, selectClass(VerdictsStandard.class)).execute();

        List<LedgerRow.RollUp> rollups = LedgerReader.rows(ledger(), LedgerRow.RollUp.class);
        Map<String, Verdict> provisionsA = rollups.stream()
                .filter(r -> r.level().equals("provision") && r.device().equals("dev-a"))
                .collect(Collectors.toMap(LedgerRow.RollUp::provision, LedgerRow.RollUp::verdict));
        assertThat(provisionsA).containsEntry("1.1-1", Verdict.PASS).containsEntry("1.1-2", Verdict.FAIL)
                .containsEntry("1.1-3", Verdict.INCONCLUSIVE).containsEntry("1.1-4", Verdict.NOT_APPLICABLE)
                .containsEntry("1.1-5", Verdict.ERROR).containsEntry("1.1-7", Verdict.FAIL);
        LedgerRow.RollUp standardB = rollups.stream()
                .filter(r -> r.level().equals("standard") && r.device().equals("dev-b")).findFirst().orElseThrow();
        assertThat(standardB.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(standardB.reason()).startsWith("ICS invalid: 1.1-2 is mandatory (M) but claimed not supported");
        assertThat(LedgerReader.rows(ledger(), LedgerRow.Ics.class)).extracting(LedgerRow.Ics::device, LedgerRow.Ics::valid)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dev-a", true), org.assertj.core.groups.Tuple.tuple("dev-b", false));
        LedgerRow.End end = LedgerReader.rows(ledger(), LedgerRow.End.class).get(0);
        assertThat(end.devices()).containsEntry("dev-a", Verdict.FAIL).containsEntry("dev-b", Verdict.FAIL);
    }

    @Test
    void aCasePastItsDeadlineIsInconclusiveKeepsItsEvidenceAndTheLaneGoesOn() throws Exception {
        EngineExecutionResults results = kit(DEV_A, selectClass(VerdictsStandard.class)).execute();

        LedgerRow.CaseVerdict hung = verdictsByCase("dev-a").get("1.1-6-1");
        assertThat(hung.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(hung.reason()).startsWith("deadline of 0.3s passed");
        assertThat(LedgerReader.rows(ledger(), LedgerRow.EvidenceFile.class)).extracting(LedgerRow.EvidenceFile::file)
                .contains("evidence/dev-a/fixture-verdicts/1.1-6-1/before-hang.txt");
        // The cases after the hung one still ran on the same lane.
        assertThat(verdictsByCase("dev-a").get("1.1-7-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdictsByCase("dev-a").get("1.1-10-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(results.allEvents().finished().count()).isGreaterThan(10);
    }

    @Test
    void findingsBecomeDynamicChildrenWithTheirOwnVerdicts() throws Exception {
        EngineExecutionResults results = kit(DEV_A, selectMethod(VerdictsStandard.class, "finds", "org.certbench.api.Evidence")).execute();

        List<Event> registered = results.allEvents().dynamicallyRegistered().list();
        assertThat(registered).extracting(e -> e.getTestDescriptor().getUniqueId().getLastSegment().toString())
                .containsExactly("Segment [type = 'finding', value = 'tcp-443']", "Segment [type = 'finding', value = 'tcp-2323']");
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(2));
        assertThat(LedgerReader.rows(ledger(), LedgerRow.Finding.class)).extracting(LedgerRow.Finding::finding, LedgerRow.Finding::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tcp-443", Verdict.PASS),
                        org.assertj.core.groups.Tuple.tuple("tcp-2323", Verdict.FAIL));
        assertThat(verdictsByCase("dev-a").get("1.1-7-1").reason()).contains("port 2323/tcp open, not declared");
    }

    @Test
    void evidenceIsHashedIntoTheLedgerAndSecretsAreRedacted() throws Exception {
        kit(DEV_A, selectMethod(VerdictsStandard.class, "passes", "org.certbench.api.Dut,org.certbench.api.Evidence")).execute();

        List<LedgerRow.EvidenceFile> evidence = LedgerReader.rows(ledger(), LedgerRow.EvidenceFile.class);
        assertThat(evidence).extracting(LedgerRow.EvidenceFile::file).containsExactly(
                "evidence/dev-a/fixture-verdicts/1.1-1-1/identity.txt", "evidence/dev-a/fixture-verdicts/1.1-1-1/exchange.txt");
        for (LedgerRow.EvidenceFile row : evidence) {
            byte[] content = Files.readAllBytes(out.resolve(row.file()));
            assertThat(row.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            assertThat(row.bytes()).isEqualTo(content.length);
        }
        String transcript = Files.readString(out.resolve(evidence.get(1).file()));
        assertThat(transcript).contains("> hello").contains("< hello back, secret ***");
        String secret = System.getenv("CERTBENCH_TEST_SECRET");
        assertThat(secret).isNotBlank();
        try (var files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void twoDevicesRunAtTheSameTimeInTheirOwnLanes() throws Exception {
        LanesStandard.barrier = new CyclicBarrier(2);
        EngineExecutionResults results = kit(DEV_A + "," + DEV_B, selectClass(LanesStandard.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(verdictsByCase("dev-a").get("2.1-1-1").verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdictsByCase("dev-b").get("2.1-1-1").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void withoutParallelLanesTheSameCasesCannotMeet() throws Exception {
        LanesStandard.barrier = new CyclicBarrier(2);
        kit(DEV_A + "," + DEV_B, selectClass(LanesStandard.class)).configurationParameter("certbench.parallel", "false").execute();

        assertThat(verdictsByCase("dev-a").get("2.1-1-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aBrokenProfileIsADiscoveryErrorNamingFileLineAndField() {
        String broken = PROFILES.resolve("broken.yaml").toString();
        EngineDiscoveryResults results = kit(broken, selectClass(VerdictsStandard.class)).discover();

        assertThat(results.getDiscoveryIssues()).extracting(DiscoveryIssue::message).contains(
                broken + ":5:3: device.modle: unknown key 'modle'; did you mean 'model'?",
                broken + ":3:3: device: missing required key 'model'");
        assertThat(results.getDiscoveryIssues()).allSatisfy(i -> assertThat(i.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR));
        assertThat(results.getDiscoveryIssues().get(0).source()).get().isInstanceOf(FileSource.class);

        EngineExecutionResults run = kit(broken, selectClass(VerdictsStandard.class)).execute();
        run.containerEvents().assertStatistics(s -> s.failed(1));
        run.testEvents().assertStatistics(s -> s.started(0));
    }

    @Test
    void emptyOrUnknownSelectionsFailInsteadOfPassing() {
        assertThat(EngineTestKit.engine("certbench").selectors(selectClass(VerdictsStandard.class))
                .configurationParameter("certbench.out", out.toString()).discover().getDiscoveryIssues())
                .extracting(DiscoveryIssue::message).anyMatch(m -> m.startsWith("suites were selected but no device profile"));
        assertThat(kit(DEV_A, selectClass(VerdictsStandard.class)).configurationParameter("certbench.standards", "nope")
                .discover().getDiscoveryIssues()).extracting(DiscoveryIssue::message)
                .anyMatch(m -> m.startsWith("unknown standard 'nope'"));
        assertThat(kit(DEV_A, selectClass(VerdictsStandard.class)).configurationParameter("certbench.provisions", "9.9-9")
                .discover().getDiscoveryIssues()).extracting(DiscoveryIssue::message)
                .contains("unknown provision '9.9-9' in certbench.provisions: no selected standard has it");
        assertThat(kit(DEV_A, selectClass(VerdictsStandard.class)).configurationParameter("certbench.provisions", "1.1-11")
                .discover().getDiscoveryIssues()).extracting(DiscoveryIssue::message)
                .anyMatch(m -> m.startsWith("the selection is empty"));
        assertThat(kit(DEV_A, selectClass(VerdictsStandard.class)).configurationParameter("certbench.timeout.default", "soon")
                .discover().getDiscoveryIssues()).extracting(DiscoveryIssue::message)
                .anyMatch(m -> m.startsWith("configuration parameter certbench.timeout.default"));
    }

    @Test
    void anIcsRowForAProvisionTheStandardLacksIsABadInput(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("ics.yaml");
        Files.writeString(profile, Files.readString(Path.of(DEV_A)).replace("1.1-9:", "1.1-99:"));
        EngineDiscoveryResults results = kit(profile.toString(), selectClass(VerdictsStandard.class)).discover();

        assertThat(results.getDiscoveryIssues()).extracting(DiscoveryIssue::message)
                .contains(profile + ":10:5: ics.fixture-verdicts.1.1-99: standard fixture-verdicts has no provision 1.1-99");
    }

    @Test
    void plainJupiterRunsAreLeftAlone() {
        EngineDiscoveryResults results = EngineTestKit.engine("certbench").selectors(selectClass(CertbenchTestEngineTest.class)).discover();
        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
    }
}
