package org.certbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.lab.virtual.InJvmBench;
import org.certbench.lab.virtual.Variant;
import org.certbench.reports.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ctrl-C and then {@code kill -9} of a real certbench process in the middle of a campaign on the flawed virtual
 * device (the second time in the middle of a case, with its evidence half written, the third between two cases), each
 * followed by {@code run --resume}:
 * the campaign completes, no decided case runs again, every recorded row and evidence file is kept once,
 * and the signed bundle verifies. Then a run stopped after its end row but before its bundle: resume
 * writes the bundle and runs nothing.
 */
class ResumeTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private InJvmBench bench;
    private Process running;

    @BeforeEach
    void startDevice() throws IOException {
        bench = InJvmBench.start(List.of(Variant.flawed()), dir.resolve("bench"));
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.destroyForcibly();
        }
        bench.close();
    }

    @Test
    void aCampaignStoppedByCtrlCThenKilledResumesToTheEndWithNothingLostOrDoubled() throws Exception {
        Path keys = dir.resolve("keys");
        Path password = dir.resolve("keystore-password");
        Files.writeString(password, "resume-test-keystore-pw");
        assertThat(CertbenchCliTest.certbench("keys", "init", "--out", keys.toString(), "--password-file", password.toString()).exit())
                .isZero();
        // The devices' MQTT services are listeners of the lab broker in this JVM; the killed processes must not
        // start a second broker on its address, so their bench names it as an external one.
        Path benchFile = bench.benchFile();
        Files.writeString(benchFile, Files.readString(benchFile).replace("kind: embedded",
                "kind: external\n  uri: mqtt://127.0.0.1:" + org.certbench.lab.broker.LabBrokerProvider.DEFAULT_PORT));
        Path out = dir.resolve("run");
        Path ledger = out.resolve(Ledger.FILE_NAME);

        // 1. Ctrl-C early, between cases or in one.
        running = certbench(dir.resolve("first.log"), "run", "--bench", benchFile.toString(), "--device",
                bench.profiles().get(Variant.flawed()).toString(), "--unattended", "--answers", bench.answersFile().toString(),
                "--login-budget", "12", "--plain", "--out", out.toString(),
                // A selection the resumed runs must keep: the provisions that speak to every interface of the device.
                "--provision", "5.1-1", "--provision", "5.1-3", "--provision", "5.2-1", "--provision", "5.3-13", "--provision", "5.5-4",
                "--provision", "5.6-1", "--provision", "5.6-2", "--provision", "5.6-4A", "--provision", "5.6-5");
        awaitLedger(ledger, rows -> verdicts(rows).size() >= 3, "three verdicts");
        new ProcessBuilder("kill", "-INT", String.valueOf(running.pid())).start().waitFor();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("stopped by Ctrl-C").isTrue();
        running = null;
        assertThat(log("first.log")).contains("continue with  certbench run --resume " + out);
        List<LedgerRow.CaseVerdict> firstDecided = verdicts(LedgerReader.read(ledger));

        // 2. Resumed, then killed again in the middle of a functional case that has begun writing evidence.
        running = certbench(dir.resolve("second.log"), "run", "--resume", out.toString(), "--plain");
        awaitLedger(ledger, rows -> !LedgerReader.rows(rows, LedgerRow.Resume.class).isEmpty(), "a resume row");
        assertThat(log("second.log")).contains("resuming the run in " + out + ": " + firstDecided.size() + " of ");
        awaitLedger(ledger, rows -> verdicts(rows).size() >= firstDecided.size() + 5, "five more verdicts");
        killWhen(ledger, rows -> caseInProgressWithEvidence(out, rows), "a case with evidence but no verdict yet");
        List<LedgerRow> atSecondKill = LedgerReader.read(ledger);

        // 3. Resumed, then killed between two cases: a verdict the last row written, no case's evidence on disk without one.
        running = certbench(dir.resolve("between.log"), "run", "--resume", out.toString(), "--plain");
        awaitLedger(ledger, rows -> LedgerReader.rows(rows, LedgerRow.Resume.class).size() == 2, "a second resume row");
        int decidedAtSecondKill = verdicts(atSecondKill).size();
        killWhen(ledger, rows -> verdicts(rows).size() > decidedAtSecondKill && rows.get(rows.size() - 1) instanceof LedgerRow.CaseVerdict
                && !caseInProgressWithEvidence(out, rows), "a moment between two cases");
        List<LedgerRow> atThirdKill = LedgerReader.read(ledger);

        // 4. Resumed to the end, signed.
        running = certbench(dir.resolve("third.log"), "run", "--resume", out.toString(), "--plain",
                "--sign-with", keys.resolve(TestKeys.KEYSTORE_FILE).toString(), "--password-file", password.toString());
        assertThat(running.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as(log("third.log")).isTrue();
        int exit = running.exitValue();
        running = null;
        assertThat(exit).as(log("third.log")).isEqualTo(ExitCodes.FAIL);

        List<LedgerRow> rows = LedgerReader.read(ledger);
        List<LedgerRow.Resume> resumes = LedgerReader.rows(rows, LedgerRow.Resume.class);
        assertThat(resumes).hasSize(3);
        assertThat(resumes.get(0).decided()).isEqualTo(firstDecided.size());
        assertThat(LedgerReader.rows(rows, LedgerRow.Campaign.class)).hasSize(1);
        assertThat(LedgerReader.rows(rows, LedgerRow.End.class)).hasSize(1);

        // Every planned case has exactly one verdict; the ones decided before a kill kept theirs, unchanged.
        List<String> planned = LedgerReader.rows(rows, LedgerRow.Plan.class).stream().map(LedgerRow.Plan::uid).toList();
        List<LedgerRow.CaseVerdict> verdicts = verdicts(rows);
        assertThat(verdicts.stream().map(LedgerRow.CaseVerdict::uid).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(planned);
        assertThat(verdicts).containsAll(firstDecided).containsAll(verdicts(atSecondKill)).containsAll(verdicts(atThirdKill));
        // Decision rows are not doubled by the resumed roll-ups.
        assertThat(LedgerReader.rows(rows, LedgerRow.RollUp.class).stream().map(LedgerRow.RollUp::uid).toList()).doesNotHaveDuplicates();
        assertThat(LedgerReader.rows(rows, LedgerRow.Ics.class).stream().map(i -> i.device() + i.standard()).toList()).doesNotHaveDuplicates();
        assertThat(LedgerReader.rows(rows, LedgerRow.SchemeVerdict.class).stream().map(s -> s.scheme() + "/" + s.requirement()).toList())
                .doesNotHaveDuplicates();

        // The case cut short by the second kill started over; what its first attempt wrote is kept aside, listed once.
        List<LedgerRow.Interrupted> interrupted = resumes.get(1).interrupted();
        assertThat(interrupted).isNotEmpty();
        assertThat(interrupted.stream().flatMap(c -> c.evidence().stream())).isNotEmpty()
                .allSatisfy(moved -> assertThat(out.resolve(moved.file())).exists().hasSize(moved.bytes()));
        Set<String> evidenceRows = new HashSet<>();
        Set<String> current = LedgerReader.rows(LedgerReader.current(rows), LedgerRow.EvidenceFile.class).stream()
                .map(LedgerRow.EvidenceFile::file).collect(Collectors.toSet());
        for (LedgerRow.EvidenceFile e : LedgerReader.rows(LedgerReader.current(rows), LedgerRow.EvidenceFile.class)) {
            assertThat(evidenceRows.add(e.file())).as("evidence listed twice: " + e.file()).isTrue();
            assertThat(Files.size(out.resolve(e.file()))).isEqualTo(e.bytes());
        }
        Set<String> moved = resumes.stream().flatMap(r -> r.interrupted().stream()).flatMap(c -> c.evidence().stream())
                .map(LedgerRow.MovedFile::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(out.resolve("evidence"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                assertThat(current.contains(name) || moved.contains(name)).as("evidence file nobody lists: " + name).isTrue();
                assertThat(current.contains(name) && moved.contains(name)).as("evidence file listed twice: " + name).isFalse();
            }
        }

        // The report has every case once, the moved attempt's files with their case, and the bundle verifies.
        JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
        List<String> reportCases = new ArrayList<>();
        Set<String> reportEvidence = new HashSet<>();
        report.path("devices").forEach(d -> d.path("standards").forEach(s -> s.path("provisions").forEach(p -> p.path("cases").forEach(c -> {
            reportCases.add(c.path("id").asString());
            c.path("evidence").forEach(e -> reportEvidence.add(e.path("file").asString()));
        }))));
        assertThat(reportCases).hasSize(planned.size()).doesNotHaveDuplicates();
        assertThat(reportEvidence).containsAll(moved).containsAll(current);
        CertbenchCliTest.Result verified = CertbenchCliTest.certbench("verify", out.toString(), "--ca", keys.resolve(TestKeys.CA_FILE).toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isEqualTo(ExitCodes.PASS);

        // 5. Stopped after the end row, before the bundle was written: resume only writes the bundle.
        for (String file : List.of("report.json", "report.html", "MANIFEST.sha256", "MANIFEST.sha256.p7s")) {
            Files.delete(out.resolve(file));
        }
        long lines = Files.readAllLines(ledger).size();
        CertbenchCliTest.Result again = CertbenchCliTest.certbench("run", "--resume", out.toString(), "--plain",
                "--sign-with", keys.resolve(TestKeys.KEYSTORE_FILE).toString(), "--password-file", password.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isEqualTo(ExitCodes.FAIL);
        assertThat(Files.readAllLines(ledger)).hasSize((int) lines);
        verified = CertbenchCliTest.certbench("verify", out.toString(), "--ca", keys.resolve(TestKeys.CA_FILE).toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isEqualTo(ExitCodes.PASS);
        assertThat(log("first.log") + log("second.log") + log("between.log") + log("third.log") + again.out() + again.err())
                .doesNotContain(Files.readString(password).trim());
    }

    @Test
    void aResumeOfAChangedProfileOrOfNothingIsRefusedWithExit3() throws Exception {
        CertbenchCliTest.Result nothing = CertbenchCliTest.certbench("run", "--resume", dir.resolve("none").toString());
        assertThat(nothing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nothing.err()).contains("holds no run to resume");

        Path out = dir.resolve("run");
        Path profile = bench.profiles().get(Variant.flawed());
        CertbenchCliTest.Result first = CertbenchCliTest.certbench("run", "--bench", bench.benchFile().toString(), "--device", profile.toString(),
                "--unattended", "--answers", bench.answersFile().toString(), "--assessment", "conceptual", "--plain", "--out", out.toString());
        assertThat(first.exit()).as(first.err()).isIn(ExitCodes.PASS, ExitCodes.FAIL, ExitCodes.INCONCLUSIVE);
        // Cut the run back to before its end, as a kill would have left it, and change the profile.
        List<String> lines = Files.readAllLines(out.resolve(Ledger.FILE_NAME));
        Files.write(out.resolve(Ledger.FILE_NAME), lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
        Files.writeString(profile, Files.readString(profile) + "\n# changed after the run began\n");
        CertbenchCliTest.Result changed = CertbenchCliTest.certbench("run", "--resume", out.toString());
        assertThat(changed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(changed.err()).contains("the profile of virtual-flawed").contains("changed since the run began").doesNotContain("Exception");

        CertbenchCliTest.Result mixed = CertbenchCliTest.certbench("run", "--resume", out.toString(), "--device", profile.toString());
        assertThat(mixed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("--resume continues a run with the devices");
    }

    private Process certbench(Path log, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Certbench.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    private void kill() throws InterruptedException {
        running.destroyForcibly();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        running = null;
    }

    /**
     * Kills the run with -9 at a moment the condition holds: the process is frozen (SIGSTOP) while the ledger and
     * the evidence are looked at, so the case seen in progress is still in progress when the kill lands (the cases
     * are quick enough to end between a look and a kill).
     */
    private void killWhen(Path ledger, Predicate<List<LedgerRow>> condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String pid = String.valueOf(running.pid());
        while (Instant.now().isBefore(deadline)) {
            if (!running.isAlive()) {
                throw new AssertionError("certbench ended (exit " + running.exitValue() + ") before " + what);
            }
            assertThat(new ProcessBuilder("kill", "-STOP", pid).start().waitFor()).isZero();
            if (Files.exists(ledger) && condition.test(LedgerReader.read(ledger))) {
                kill();
                return;
            }
            assertThat(new ProcessBuilder("kill", "-CONT", pid).start().waitFor()).isZero();
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " in " + PATIENCE);
    }

    private void awaitLedger(Path ledger, Predicate<List<LedgerRow>> condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!running.isAlive()) {
                throw new AssertionError("certbench ended (exit " + running.exitValue() + ") before " + what);
            }
            if (Files.exists(ledger) && condition.test(LedgerReader.read(ledger))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " in " + PATIENCE);
    }

    private static List<LedgerRow.CaseVerdict> verdicts(List<LedgerRow> rows) {
        return LedgerReader.rows(rows, LedgerRow.CaseVerdict.class);
    }

    /** Whether a planned case has an evidence file on disk but no verdict yet. */
    private static boolean caseInProgressWithEvidence(Path out, List<LedgerRow> rows) {
        Set<String> decided = verdicts(rows).stream().map(LedgerRow.CaseVerdict::uid).collect(Collectors.toSet());
        for (LedgerRow.Plan plan : LedgerReader.rows(rows, LedgerRow.Plan.class)) {
            Path folder = out.resolve("evidence").resolve(plan.device()).resolve(plan.standard()).resolve(plan.caseId());
            if (!decided.contains(plan.uid()) && Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(Files::isRegularFile)) {
                        return true;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private String log(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
