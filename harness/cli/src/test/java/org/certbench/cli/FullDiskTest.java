package org.certbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.probes.testing.Tools;
import org.certbench.reports.Manifest;
import org.certbench.reports.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder on a small tmpfs that fills in the middle of a campaign, and on a read-only one: a clear
 * message, exit 70 (full) or 3 (unwritable), no bundle that could pass for a finished one, no stack trace; once
 * there is room again, {@code run --resume} finishes the run and its signed bundle verifies.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private Path mount;
    private Path profile;

    @BeforeEach
    void profile() throws Exception {
        Tools.requireThat("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        profile = Files.writeString(dir.resolve("device.yaml"), """
                certbench: 1
                device: { id: acme-t1-0042, manufacturer: ACME, model: T1 Thermostat, firmware: 2.4.1 }
                interfaces:
                  network:
                    host: 127.0.0.1
                """);
        mount = Files.createDirectories(dir.resolve("disk"));
    }

    @AfterEach
    void unmount() {
        if (mount != null) {
            try {
                Tools.run(dir, "umount", mount.toString());
            } catch (IllegalStateException e) {
                // not mounted: the test failed before it could mount
            }
        }
    }

    @Test
    void aDiskThatFillsStopsTheRunWithExit70AndNoBundleThenResumeFinishesIt() throws Exception {
        Tools.run(dir, "mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", mount.toString());
        Path out = mount.resolve("run");
        CertbenchCliTest.Result full = CertbenchCliTest.certbench("run", "--device", profile.toString(), "--assessment", "conceptual",
                "--unattended", "--plain", "--out", out.toString());

        assertThat(full.exit()).as(full.out() + full.err()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(full.err()).contains("No space left on device").contains("the run did not end, so no bundle was made")
                .contains("continue it with  certbench run --resume " + out).doesNotContain("\tat ");
        assertThat(full.out()).doesNotContain("\tat ");
        for (String file : List.of(Manifest.FILE_NAME, Manifest.SIGNATURE_NAME, "report.json", "report.html")) {
            assertThat(out.resolve(file)).as(file).doesNotExist();
        }
        List<LedgerRow> stopped = LedgerReader.read(out.resolve(Ledger.FILE_NAME));
        assertThat(LedgerReader.rows(stopped, LedgerRow.End.class)).isEmpty();
        int planned = LedgerReader.rows(stopped, LedgerRow.Plan.class).size();
        int decided = LedgerReader.rows(stopped, LedgerRow.CaseVerdict.class).size();
        assertThat(decided).as("the disk filled in the middle").isBetween(1, planned - 1);
        // No case was decided on evidence that could not be written.
        assertThat(LedgerReader.rows(stopped, LedgerRow.CaseVerdict.class)).noneMatch(v -> String.valueOf(v.reason()).contains("cannot write"));

        Tools.run(dir, "mount", "-o", "remount,size=64m", mount.toString());
        Path password = Files.writeString(dir.resolve("keystore-password"), "full-disk-test-pw");
        assertThat(CertbenchCliTest.certbench("keys", "init", "--out", dir.resolve("keys").toString(), "--password-file", password.toString())
                .exit()).isZero();
        CertbenchCliTest.Result resumed = CertbenchCliTest.certbench("run", "--resume", out.toString(), "--plain", "--sign-with",
                dir.resolve("keys").resolve(TestKeys.KEYSTORE_FILE).toString(), "--password-file", password.toString());
        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isIn(ExitCodes.FAIL, ExitCodes.INCONCLUSIVE);
        List<LedgerRow> rows = LedgerReader.read(out.resolve(Ledger.FILE_NAME));
        assertThat(LedgerReader.rows(rows, LedgerRow.CaseVerdict.class)).hasSize(planned);
        CertbenchCliTest.Result verified = CertbenchCliTest.certbench("verify", out.toString(), "--ca",
                dir.resolve("keys").resolve(TestKeys.CA_FILE).toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isEqualTo(ExitCodes.PASS);
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedWithExit3BeforeAnythingRuns() throws Exception {
        Tools.run(dir, "mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", mount.toString());
        CertbenchCliTest.Result refused = CertbenchCliTest.certbench("run", "--device", profile.toString(), "--plain",
                "--out", mount.resolve("run").toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("cannot write the output folder " + mount.resolve("run")).contains("Read-only file system")
                .doesNotContain("\tat ");
    }
}
