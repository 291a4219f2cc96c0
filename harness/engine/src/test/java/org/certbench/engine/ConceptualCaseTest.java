package org.certbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.fixtures.ConceptualStandard;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.CaseModel;
import org.certbench.engine.suite.ConceptualAssessment;
import org.certbench.engine.suite.SuiteModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

class ConceptualCaseTest {

    private static final String COMPLETE_IXIT = """
            certbench: 1
            device: { id: dev-c, manufacturer: Fixture Inc, model: C, firmware: "1.0" }
            interfaces:
              network: { host: 127.0.0.1, ports: [] }
            ics:
              fixture-conceptual:
                2.1-3: { support: no, justification: no budget this release }
            ixit:
              1-AuthMech: { passwords: user-set at setup }
              2-UserInfo: { policy: "https://example.com/security" }
              15-Intf: { disclosed-information: model name }
            """;

    @TempDir
    Path dir;

    private Map<String, LedgerRow.CaseVerdict> run(String profile, String answers, String... more) throws Exception {
        Path device = dir.resolve("dev-c.yaml");
        Files.writeString(device, profile);
        Path out = dir.resolve("out");
        EngineTestKit.Builder kit = EngineTestKit.engine("certbench").selectors(selectClass(ConceptualStandard.class))
                .configurationParameter("certbench.devices", device.toString())
                .configurationParameter("certbench.out", out.toString())
                .configurationParameter("certbench.operator", "Jane Assessor")
                .configurationParameter("certbench.interactive", "false");
        for (int i = 0; i < more.length; i += 2) {
            kit.configurationParameter(more[i], more[i + 1]);
        }
        if (answers != null) {
            Path file = dir.resolve("answers.yaml");
            Files.writeString(file, answers);
            kit.configurationParameter("certbench.answers", file.toString());
        }
        kit.execute();
        return LedgerReader.rows(LedgerReader.read(out.resolve(Ledger.FILE_NAME)), LedgerRow.CaseVerdict.class).stream()
                .collect(Collectors.toMap(LedgerRow.CaseVerdict::caseId, v -> v));
    }

    @Test
    void everyProvisionWithoutAConceptualCaseGetsOneAsDashOne() {
        SuiteModel suite = SuiteModel.of(ConceptualStandard.class);

        assertThat(suite.problems()).isEmpty();
        assertThat(suite.cases()).extracting(CaseModel::id).containsExactly("2.1-1-1", "2.1-2-1", "2.1-2-2", "2.1-3-7", "2.1-4-1");
        assertThat(suite.cases()).filteredOn(ConceptualAssessment::supplied).extracting(CaseModel::id)
                .containsExactly("2.1-1-1", "2.1-2-1", "2.1-4-1");
    }

    @Test
    void theAssessorsJudgementDecidesOnceTheIxitIsComplete() throws Exception {
        Map<String, LedgerRow.CaseVerdict> verdicts = run(COMPLETE_IXIT, """
                certbench-answers: 1
                answers:
                  2.1-1-1.meets: yes
                  2.1-2-1.meets: no
                  2.1-2-1.reason: the IXIT lists no debug interface although the board has a UART
                """);

        assertThat(verdicts.get("2.1-1-1").verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdicts.get("2.1-2-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdicts.get("2.1-2-1").reason()).isEqualTo("the assessor judged that the design does not meet 2.1-2 "
                + "(Interfaces declared): the IXIT lists no debug interface although the board has a UART");
        assertThat(verdicts.get("2.1-4-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdicts.get("2.1-4-1").reason()).isEqualTo("no assessor judgement for 2.1-4: answer 2.1-4-1.meets "
                + "(yes or no) at the prompt or in the answers file");
        assertThat(verdicts.get("2.1-3-7").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        Path excerpt = dir.resolve("out/evidence/dev-c/fixture-conceptual/2.1-4-1/ixit-excerpt.txt");
        assertThat(excerpt).content().contains("ICS fixture-conceptual 2.1-3: no (no budget this release)");
    }

    @Test
    void missingOrMalformedIxitIsInconclusiveNamingTheEntry() throws Exception {
        Map<String, LedgerRow.CaseVerdict> verdicts = run(COMPLETE_IXIT.replace("1-AuthMech: { passwords: user-set at setup }\n", "")
                .replace("\"https://example.com/security\"", "see the manual").replace("  15-Intf: { disclosed-information: model name }\n", ""),
                """
                certbench-answers: 1
                answers:
                  2.1-1-1.meets: yes
                  2.1-2-1.meets: yes
                """);

        assertThat(verdicts.get("2.1-1-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdicts.get("2.1-1-1").reason())
                .isEqualTo("the IXIT for 2.1-1 cannot be assessed: 2-UserInfo/policy is 'see the manual', not an http(s) address");
        assertThat(verdicts.get("2.1-2-1").reason()).isEqualTo("the IXIT lacks what TS 103 701 needs for 2.1-2: 15-Intf");
    }

    @Test
    void aFunctionalOnlyRunLeavesTheConceptualCasesOut() throws Exception {
        Map<String, LedgerRow.CaseVerdict> verdicts = run(COMPLETE_IXIT, null, "certbench.assessments", "functional");

        assertThat(verdicts).containsOnlyKeys("2.1-2-2");
    }

    @Test
    void theJudgementAndWhoGaveItAreInTheLedger() throws Exception {
        run(COMPLETE_IXIT, """
                certbench-answers: 1
                answers:
                  2.1-1-1.meets: yes
                """);
        List<LedgerRow.Answer> answers = LedgerReader.rows(LedgerReader.read(dir.resolve("out").resolve(Ledger.FILE_NAME)),
                LedgerRow.Answer.class);

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.question()).isEqualTo("2.1-1-1.meets");
            assertThat(a.text()).startsWith("Does the design described below meet 2.1-1 (Published policy)? Does it name a contact?")
                    .contains("2-UserInfo: {policy=https://example.com/security}");
            assertThat(a.operator()).isEqualTo("Jane Assessor");
        });
    }
}
