package org.certbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certbench.api.Verdict;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;

/**
 * The end-of-run summary, made from the ledger (never from JUnit results): a table of device ×
 * standard with the overall verdict and case counts, then every case that did not pass with its
 * reason, and the exit code the devices' overall verdicts give.
 */
final class Summary {

    private final List<LedgerRow> rows;
    private final Path out;

    private Summary(List<LedgerRow> rows, Path out) {
        this.rows = rows;
        this.out = out;
    }

    static Summary read(Path out) throws IOException {
        return new Summary(LedgerReader.current(LedgerReader.read(out.resolve(Ledger.FILE_NAME))), out);
    }

    /** The ledger rows the summary was made from. */
    List<LedgerRow> rows() {
        return rows;
    }

    /** Whether the ledger holds the end row (the run finished, whatever its verdicts). */
    boolean ended() {
        return !LedgerReader.rows(rows, LedgerRow.End.class).isEmpty();
    }

    /** The exit code of the run: from each device's overall verdict in the end row. */
    int exitCode() {
        List<LedgerRow.End> end = LedgerReader.rows(rows, LedgerRow.End.class);
        if (end.isEmpty()) {
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.of(end.get(end.size() - 1).devices().values());
    }

    void print(PrintWriter writer) {
        Map<String, Map<Verdict, Integer>> counts = new LinkedHashMap<>();
        for (LedgerRow.CaseVerdict verdict : LedgerReader.rows(rows, LedgerRow.CaseVerdict.class)) {
            counts.computeIfAbsent(verdict.device() + " " + verdict.standard(), k -> new EnumMap<>(Verdict.class))
                    .merge(verdict.verdict(), 1, Integer::sum);
        }
        writer.println();
        writer.printf(Locale.ROOT, "%-24s %-20s %-15s %5s %5s %5s %5s %5s%n", "device", "standard", "overall", "pass", "fail",
                "inc", "n/a", "error");
        for (LedgerRow.RollUp standard : LedgerReader.rows(rows, LedgerRow.RollUp.class)) {
            if (!standard.level().equals("standard")) {
                continue;
            }
            Map<Verdict, Integer> c = counts.getOrDefault(standard.device() + " " + standard.standard(), Map.of());
            writer.printf(Locale.ROOT, "%-24s %-20s %-15s %5d %5d %5d %5d %5d%n", standard.device(), standard.standard(),
                    standard.verdict(), c.getOrDefault(Verdict.PASS, 0), c.getOrDefault(Verdict.FAIL, 0),
                    c.getOrDefault(Verdict.INCONCLUSIVE, 0), c.getOrDefault(Verdict.NOT_APPLICABLE, 0),
                    c.getOrDefault(Verdict.ERROR, 0));
            if (standard.reason() != null && standard.reason().startsWith("ICS invalid")) {
                writer.println("    " + standard.reason());
            }
        }
        List<LedgerRow.SchemeVerdict> schemes = LedgerReader.rows(rows, LedgerRow.SchemeVerdict.class).stream()
                .filter(s -> s.requirement() == null).toList();
        if (!schemes.isEmpty()) {
            writer.println();
            writer.printf(Locale.ROOT, "%-24s %-20s %-15s %s%n", "device", "scheme", "overall", "reason");
            for (LedgerRow.SchemeVerdict scheme : schemes) {
                writer.printf(Locale.ROOT, "%-24s %-20s %-15s %s%n", scheme.device(), scheme.scheme(), scheme.verdict(),
                        scheme.reason() == null ? "" : scheme.reason());
            }
        }
        List<String> notPassed = new ArrayList<>();
        for (LedgerRow.CaseVerdict verdict : LedgerReader.rows(rows, LedgerRow.CaseVerdict.class)) {
            if (verdict.verdict() == Verdict.FAIL || verdict.verdict() == Verdict.INCONCLUSIVE || verdict.verdict() == Verdict.ERROR) {
                notPassed.add(String.format(Locale.ROOT, "  %-12s %s %s %s: %s", verdict.verdict(), verdict.device(),
                        verdict.standard(), verdict.caseId(), verdict.reason()));
            }
        }
        if (!notPassed.isEmpty()) {
            writer.println();
            writer.println("Cases that did not pass:");
            notPassed.forEach(writer::println);
        }
        for (LedgerRow.BenchState bench : LedgerReader.rows(rows, LedgerRow.BenchState.class)) {
            bench.check().stream().filter(c -> c.status() == org.certbench.engine.bench.BenchCheck.Status.DEAD).forEach(c -> writer.println(
                    "Bench:    " + c.kind() + " " + c.name() + " (" + c.target() + ") did not answer before the run: " + c.detail()));
        }
        writer.println();
        writer.println("Ledger:   " + out.resolve(Ledger.FILE_NAME));
        writer.println("Evidence: " + out.resolve("evidence"));
    }
}
