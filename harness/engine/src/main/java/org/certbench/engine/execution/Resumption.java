package org.certbench.engine.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.certbench.api.Finding;
import org.certbench.engine.ledger.Digests;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.jspecify.annotations.Nullable;

/**
 * What a stopped run had recorded, read back from its ledger when {@code certbench run --resume} continues
 * it: the campaign's id and start, the verdict (and findings) of every case it decided, the roll-ups it
 * wrote, and the cases it had begun but not decided, whose evidence folders are moved aside
 * ({@code CASE.interrupted-N}) so that the new attempt starts empty and the old one is kept.
 *
 * <pre>{@code
 * Resumption resumed = Resumption.read(out, LedgerReader.read(out.resolve(Ledger.FILE_NAME)));
 * resumed.verdict(uid).ifPresent(previous -> ...);
 * }</pre>
 */
final class Resumption {

    private final String campaign;
    private final Instant started;
    private final Map<String, LedgerRow.CaseVerdict> verdicts;
    private final Map<String, List<Finding>> findings;
    private final Set<String> written;
    private final List<LedgerRow.Interrupted> interrupted;

    private Resumption(String campaign, Instant started, Map<String, LedgerRow.CaseVerdict> verdicts, Map<String, List<Finding>> findings,
            Set<String> written, List<LedgerRow.Interrupted> interrupted) {
        this.campaign = campaign;
        this.started = started;
        this.verdicts = verdicts;
        this.findings = findings;
        this.written = written;
        this.interrupted = interrupted;
    }

    /**
     * Reads the stopped run and moves the evidence of its undecided cases aside.
     *
     * @throws IOException if the ledger holds no campaign, has already ended, or a folder cannot be moved
     */
    static Resumption read(Path out, List<LedgerRow> all) throws IOException {
        List<LedgerRow.Campaign> campaigns = LedgerReader.rows(all, LedgerRow.Campaign.class);
        if (campaigns.isEmpty()) {
            throw new IOException(out + ": the ledger holds no campaign row; there is no run to resume");
        }
        if (!LedgerReader.rows(all, LedgerRow.End.class).isEmpty()) {
            throw new IOException(out + ": the run already ended; there is nothing to resume");
        }
        List<LedgerRow> rows = LedgerReader.current(all);
        Map<String, LedgerRow.CaseVerdict> verdicts = new HashMap<>();
        Map<String, List<Finding>> findings = new HashMap<>();
        Set<String> written = new HashSet<>();
        Set<String> begun = new HashSet<>();
        for (LedgerRow row : rows) {
            if (row instanceof LedgerRow.CaseVerdict v) {
                verdicts.put(v.uid(), v);
            } else if (row instanceof LedgerRow.Finding f) {
                findings.computeIfAbsent(f.caseUid(), k -> new ArrayList<>()).add(new Finding(f.finding(), f.verdict(), f.summary()));
                begun.add(f.caseUid());
            } else if (row instanceof LedgerRow.EvidenceFile e) {
                begun.add(e.uid());
            } else if (row instanceof LedgerRow.Answer a) {
                begun.add(a.uid());
            }
            String key = keyOf(row);
            if (key != null) {
                written.add(key);
            }
        }
        List<LedgerRow.Interrupted> interrupted = new ArrayList<>();
        Map<String, LedgerRow.Plan> plan = new LinkedHashMap<>();
        LedgerReader.rows(rows, LedgerRow.Plan.class).forEach(p -> plan.put(p.uid(), p));
        for (LedgerRow.Plan p : plan.values()) {
            if (verdicts.containsKey(p.uid())) {
                continue;
            }
            Path dir = CaseEvidence.folder(out, p.device(), p.standard(), p.caseId());
            if (!Files.isDirectory(dir) && !begun.contains(p.uid())) {
                continue; // never started: nothing to keep
            }
            interrupted.add(new LedgerRow.Interrupted(p.uid(), p.device(), p.standard(), p.caseId(), moveAside(out, dir)));
        }
        findings.keySet().removeIf(uid -> !verdicts.containsKey(uid));
        LedgerRow.Campaign first = campaigns.get(0);
        return new Resumption(first.campaign(), Instant.parse(first.at()), verdicts, findings, written, interrupted);
    }

    private static List<LedgerRow.MovedFile> moveAside(Path out, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path target;
        int n = 1;
        do {
            target = dir.resolveSibling(dir.getFileName() + ".interrupted-" + n++);
        } while (Files.exists(target));
        Files.move(dir, target);
        List<LedgerRow.MovedFile> moved = new ArrayList<>();
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                moved.add(new LedgerRow.MovedFile(out.relativize(file).toString().replace('\\', '/'), Digests.sha256(file), Files.size(file)));
            }
        }
        return moved;
    }

    /** What makes a decision row the same decision again (null for rows that are not decisions). */
    static @Nullable String keyOf(LedgerRow row) {
        if (row instanceof LedgerRow.CaseVerdict v) {
            return "verdict " + v.uid();
        }
        if (row instanceof LedgerRow.RollUp r) {
            return "rollup " + r.uid();
        }
        if (row instanceof LedgerRow.Ics i) {
            return "ics " + i.device() + " " + i.standard();
        }
        if (row instanceof LedgerRow.SchemeVerdict s) {
            return "scheme " + s.device() + " " + s.scheme() + " " + s.requirement();
        }
        return null;
    }

    String campaign() {
        return campaign;
    }

    Instant started() {
        return started;
    }

    /** The verdict the stopped run recorded for a case, if it decided it. */
    Optional<LedgerRow.CaseVerdict> verdict(String uid) {
        return Optional.ofNullable(verdicts.get(uid));
    }

    /** What a decided case found. */
    List<Finding> findings(String uid) {
        return findings.getOrDefault(uid, List.of());
    }

    /** Whether the stopped run already recorded this decision (a roll-up, an ICS check, a scheme verdict, a case verdict). */
    boolean recorded(LedgerRow row) {
        String key = keyOf(row);
        return key != null && written.contains(key);
    }

    int decided() {
        return verdicts.size();
    }

    List<LedgerRow.Interrupted> interrupted() {
        return List.copyOf(interrupted);
    }
}
