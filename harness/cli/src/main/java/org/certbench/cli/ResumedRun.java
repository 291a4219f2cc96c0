package org.certbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.engine.ledger.Digests;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.engine.suite.SuiteDigest;

/**
 * A stopped run, as {@code certbench run --resume DIR} finds it: the configuration and plan its ledger
 * recorded, checked against what is on disk now. A resumed run must certify what the first one did, so a
 * device profile, bench file or suite that changed since is a bad input, named with both digests.
 *
 * <pre>{@code
 * ResumedRun stopped = ResumedRun.read(Path.of("certbench-runs/20261201T094100Z"));
 * launch(stopped.configuration(), stopped.plan());
 * }</pre>
 */
final class ResumedRun {

    private final Map<String, String> configuration;
    private final List<String> plan;
    private final boolean ended;
    private final int decided;

    private ResumedRun(Map<String, String> configuration, List<String> plan, boolean ended, int decided) {
        this.configuration = configuration;
        this.plan = plan;
        this.ended = ended;
        this.decided = decided;
    }

    /**
     * Reads the run in {@code out}.
     *
     * @throws BadInput naming what does not allow the run to go on
     */
    static ResumedRun read(Path out) throws BadInput {
        Path file = out.resolve(Ledger.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BadInput(out + " holds no run to resume (no " + Ledger.FILE_NAME + ")");
        }
        List<LedgerRow> rows;
        try {
            rows = LedgerReader.read(file);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
        List<LedgerRow.Campaign> campaigns = LedgerReader.rows(rows, LedgerRow.Campaign.class);
        if (campaigns.isEmpty() || campaigns.get(0).configuration() == null) {
            throw new BadInput(file + ": no campaign row with its configuration; this run cannot be resumed");
        }
        List<String> problems = new ArrayList<>();
        for (LedgerRow.Device device : LedgerReader.rows(rows, LedgerRow.Device.class)) {
            unchanged("the profile of " + device.device(), Path.of(device.profile()), device.profileSha256(), problems);
        }
        for (LedgerRow.BenchState bench : LedgerReader.rows(rows, LedgerRow.BenchState.class)) {
            if (bench.source() != null && bench.sha256() != null) {
                unchanged("the bench file", Path.of(bench.source()), bench.sha256(), problems);
            }
        }
        for (LedgerRow.Suite suite : LedgerReader.rows(rows, LedgerRow.Suite.class)) {
            try {
                String now = SuiteDigest.of(Class.forName(suite.suiteClass(), false, ResumedRun.class.getClassLoader()));
                if (!now.equals(suite.codeSha256())) {
                    problems.add("the suite " + suite.standard() + " (" + suite.suiteClass() + ") is not the code the run began with "
                            + "(sha256 " + suite.codeSha256() + ", now " + now + ")");
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("the suite " + suite.standard() + " (" + suite.suiteClass() + ") is not on this certbench's class path");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(String.join("\n", problems) + "\na resumed run must certify what the first one did; start a new run instead");
        }
        Map<String, String> configuration = new LinkedHashMap<>(campaigns.get(0).configuration());
        List<String> plan = LedgerReader.rows(rows, LedgerRow.Plan.class).stream().map(LedgerRow.Plan::uid).distinct().toList();
        if (plan.isEmpty()) {
            throw new BadInput(file + ": the run was stopped before it wrote its plan; start it again instead");
        }
        int decided = (int) LedgerReader.rows(rows, LedgerRow.CaseVerdict.class).stream().map(LedgerRow.CaseVerdict::uid).distinct().count();
        return new ResumedRun(configuration, plan, !LedgerReader.rows(rows, LedgerRow.End.class).isEmpty(), decided);
    }

    private static void unchanged(String what, Path file, String sha256, List<String> problems) {
        try {
            String now = Digests.sha256(file);
            if (!now.equals(sha256)) {
                problems.add(what + " (" + file + ") changed since the run began (sha256 " + sha256 + ", now " + now + ")");
            }
        } catch (IOException e) {
            problems.add(what + " (" + file + ") cannot be read: " + e.getMessage());
        }
    }

    /** The {@code certbench.*} parameters the stopped run was given (paths as it resolved them). */
    Map<String, String> configuration() {
        return configuration;
    }

    /** The unique ids of every case the stopped run planned. */
    List<String> plan() {
        return plan;
    }

    /** How many of the planned cases have a verdict. */
    int decided() {
        return decided;
    }

    /** Whether the run had already ended (it was stopped while its bundle was written). */
    boolean ended() {
        return ended;
    }

    /** Why a run cannot be resumed. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }
}
