package org.certbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.certbench.api.Level;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.reports.AllureResults;
import org.certbench.reports.Report;

/**
 * What the ledger says of a case, for its Allure result. The engine writes a case's verdict, evidence
 * and finding rows before JUnit reports the case finished, so the ledger read at that moment holds them.
 */
final class LedgerFacts implements AllureResults.Lookup {

    private final Path out;
    private final LedgerReader.Follower ledger;

    LedgerFacts(Path out) {
        this.out = out;
        this.ledger = LedgerReader.follow(out.resolve(org.certbench.engine.ledger.Ledger.FILE_NAME));
    }

    @Override
    public Optional<AllureResults.CaseFacts> find(String uniqueId) {
        List<LedgerRow> rows;
        try {
            rows = LedgerReader.current(ledger.rows());
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<LedgerRow.CaseVerdict> verdict = LedgerReader.rows(rows, LedgerRow.CaseVerdict.class).stream()
                .filter(v -> v.uid().equals(uniqueId)).reduce((first, last) -> last);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        LedgerRow.CaseVerdict v = verdict.get();
        Level level = LedgerReader.rows(rows, LedgerRow.Plan.class).stream().filter(p -> p.uid().equals(uniqueId)).findFirst()
                .map(p -> Level.valueOf(p.level())).orElse(Level.MANDATORY);
        List<Path> evidence = LedgerReader.rows(rows, LedgerRow.EvidenceFile.class).stream().filter(e -> e.uid().equals(uniqueId))
                .map(e -> out.resolve(e.file())).toList();
        List<Report.Finding> findings = LedgerReader.rows(rows, LedgerRow.Finding.class).stream().filter(f -> f.caseUid().equals(uniqueId))
                .map(f -> new Report.Finding(f.finding(), f.verdict(), f.summary())).toList();
        return Optional.of(new AllureResults.CaseFacts(v.device(), v.standard(), v.provision(), level, v.verdict(), v.reason(), evidence,
                findings));
    }
}
