package org.certbench.suites.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5.1-2-2 on campaigns of several units whose labels are the profiles' credentials: a password two units share, one
 * that is another's with its counter moved on, one made from the unit's id and one shorter than the IXIT's rule all
 * FAIL, named; a unit whose passwords are its own passes; a unit alone cannot be decided. No password reaches the
 * ledger or the evidence.
 */
class LabelPasswordsTest {

    @TempDir
    Path dir;

    private Path unit(String id, String owner) throws IOException {
        Files.writeString(dir.resolve(id + ".owner"), owner + "\n");
        Path profile = dir.resolve(id + ".yaml");
        Files.writeString(profile, """
                certbench: 1
                device: { id: %s, manufacturer: certbench tests, model: label, firmware: "1.0" }
                credentials:
                  owner: { username: owner, password: "file:%s.owner" }
                ixit:
                  1-AuthMech: { password-generation: 16 characters from a CSPRNG at manufacture }
                """.formatted(id, id));
        return profile;
    }

    private Map<String, LedgerRow.CaseVerdict> run(Path out, Path... profiles) throws IOException {
        return LedgerReader.rows(FunctionalRun.of(List.of(profiles), "5.1-2", out), LedgerRow.CaseVerdict.class).stream()
                .filter(v -> v.caseId().equals("5.1-2-2")).collect(Collectors.toMap(LedgerRow.CaseVerdict::device, Function.identity()));
    }

    @Test
    void aPasswordTwoUnitsShareFailsBothAndAUnitWithItsOwnPasses() throws IOException {
        Path out = dir.resolve("out");
        Map<String, LedgerRow.CaseVerdict> verdicts = run(out, unit("unit-a", "q7Lm2pX9vR4tK8wZ"), unit("unit-b", "q7Lm2pX9vR4tK8wZ"),
                unit("unit-c", "Hc4nW8zT1yQ6bF3s"));
        assertThat(verdicts.get("unit-a").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdicts.get("unit-a").reason()).contains("the owner password is unit-b's too").doesNotContain("unit-c");
        assertThat(verdicts.get("unit-b").reason()).contains("the owner password is unit-a's too");
        assertThat(verdicts.get("unit-c").verdict()).as(verdicts.get("unit-c").reason()).isEqualTo(Verdict.PASS);
        assertThat(Files.readString(out.resolve("evidence/unit-c/etsi-en-303-645/5.1-2-2/label-passwords.txt")))
                .contains("unit-a: owner (16 characters)").contains("unit-c: owner (16 characters)");
        assertNoPasswordIn(out, "q7Lm2pX9vR4tK8wZ", "Hc4nW8zT1yQ6bF3s");
    }

    @Test
    void aCounterOnAStemTheUnitsIdAndAPasswordShorterThanTheRuleEachFail() throws IOException {
        Path out = dir.resolve("out-rules");
        Map<String, LedgerRow.CaseVerdict> verdicts = run(out, unit("t1-100041", "Wx9Label-2024-0001"),
                unit("t1-100042", "Wx9Label-2024-0002"), unit("t1-100043", "pw-100043-Zr8vK2q"), unit("t1-100044", "Zr8vK2qL"));
        assertThat(verdicts.get("t1-100041").reason()).contains("differs from t1-100042's only by a counter");
        assertThat(verdicts.get("t1-100042").reason()).contains("differs from t1-100041's only by a counter");
        assertThat(verdicts.get("t1-100043").reason()).contains("made from the unit's id t1-100043");
        assertThat(verdicts.get("t1-100044").reason()).contains("has 8 characters where IXIT 1-AuthMech/password-generation declares 16");
        assertThat(verdicts.values()).extracting(LedgerRow.CaseVerdict::verdict).containsOnly(Verdict.FAIL);
        assertNoPasswordIn(out, "Wx9Label-2024-0001", "Wx9Label-2024-0002", "pw-100043-Zr8vK2q", "Zr8vK2qL");
    }

    @Test
    void aUnitAloneCannotBeDecided() throws IOException {
        LedgerRow.CaseVerdict verdict = run(dir.resolve("out-alone"), unit("unit-alone", "Hc4nW8zT1yQ6bF3s")).get("unit-alone");
        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.reason()).contains("the only unit with pre-installed credentials").contains("at least two units");
    }

    private static void assertNoPasswordIn(Path out, String... passwords) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String password : passwords) {
                    assertThat(text).as(out.relativize(file).toString()).doesNotContain(password);
                }
            }
        }
    }
}
