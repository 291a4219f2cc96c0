package org.certbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.certbench.api.Verdict;
import org.certbench.engine.fixtures.OperatorStandard;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineTestKit;

class OperatorTest {

    private static final String DEV_A = Path.of("src/test/resources/profiles/dev-a.yaml").toString();

    @TempDir
    Path dir;

    private List<LedgerRow> run(String answers) throws Exception {
        Path out = dir.resolve("out");
        EngineTestKit.Builder kit = EngineTestKit.engine("certbench").selectors(selectClass(OperatorStandard.class))
                .configurationParameter("certbench.devices", DEV_A)
                .configurationParameter("certbench.out", out.toString())
                .configurationParameter("certbench.operator", "Jane Assessor")
                .configurationParameter("certbench.interactive", "false");
        if (answers != null) {
            Path file = dir.resolve("answers.yaml");
            Files.writeString(file, answers);
            kit.configurationParameter("certbench.answers", file.toString());
        }
        kit.execute();
        return LedgerReader.read(out.resolve(Ledger.FILE_NAME));
    }

    private static Map<String, LedgerRow.CaseVerdict> verdicts(List<LedgerRow> rows) {
        return LedgerReader.rows(rows, LedgerRow.CaseVerdict.class).stream()
                .collect(Collectors.toMap(LedgerRow.CaseVerdict::caseId, v -> v));
    }

    @Test
    void answersOnFileAreUsedAndRecordedWithWhoAndWhen() throws Exception {
        List<LedgerRow> rows = run("""
                certbench-answers: 1
                answers:
                  3.1-1-1.label: T1 Thermostat
                  3.1-2-1.reset: no
                devices:
                  dev-a:
                    3.1-2-1.reset: yes
                """);

        assertThat(verdicts(rows).get("3.1-1-1").verdict()).isEqualTo(Verdict.PASS);
        assertThat(verdicts(rows).get("3.1-2-1").verdict()).isEqualTo(Verdict.PASS);
        List<LedgerRow.Answer> answers = LedgerReader.rows(rows, LedgerRow.Answer.class);
        assertThat(answers).extracting(LedgerRow.Answer::question, LedgerRow.Answer::answer, LedgerRow.Answer::operator,
                LedgerRow.Answer::source).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("3.1-1-1.label", "T1 Thermostat", "Jane Assessor", "answers-file"),
                        org.assertj.core.groups.Tuple.tuple("3.1-2-1.reset", "yes", "Jane Assessor", "answers-file"));
        assertThat(answers).allSatisfy(a -> assertThat(a.at()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void anUnattendedRunWithoutAnAnswerIsInconclusiveWithThatReason() throws Exception {
        Map<String, LedgerRow.CaseVerdict> verdicts = verdicts(run(null));

        assertThat(verdicts.get("3.1-1-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdicts.get("3.1-1-1").reason()).isEqualTo("nobody read the label (no answer to 3.1-1-1.label)");
        assertThat(verdicts.get("3.1-2-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aBrokenAnswersFileIsABadInputWithItsLine() throws Exception {
        Path file = dir.resolve("bad-answers.yaml");
        Files.writeString(file, "certbench-answers: 1\nanswrs:\n  x: y\n");
        List<DiscoveryIssue> issues = EngineTestKit.engine("certbench").selectors(selectClass(OperatorStandard.class))
                .configurationParameter("certbench.devices", DEV_A)
                .configurationParameter("certbench.answers", file.toString())
                .discover().getDiscoveryIssues();

        assertThat(issues).extracting(DiscoveryIssue::message)
                .contains(file + ":2:1: answrs: unknown key 'answrs'; expected certbench-answers, answers or devices");
    }
}
