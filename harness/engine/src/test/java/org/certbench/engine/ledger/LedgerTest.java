package org.certbench.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.certbench.api.Redactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows appended one at a time and in one write (a campaign's plan) end up the same on disk, secrets blanked. */
class LedgerTest {

    @TempDir
    Path dir;

    private static List<LedgerRow> plan(String secret) {
        List<LedgerRow> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new LedgerRow.Plan("2026-12-01T00:00:00Z", "[engine:certbench]/[device:d" + i + "]", "d" + i, "etsi-en-303-645",
                    "5.1-1", "5.1-1-2", "no default \"password\" like " + secret + " in row " + i, "FUNCTIONAL", "MANDATORY",
                    i % 7 == 0 ? "NOT_APPLICABLE" : "RUN", i % 7 == 0 ? "ICS n/a (" + secret + ")" : null, 60_000));
        }
        return rows;
    }

    @Test
    void rowsWrittenInOneGoReadBackAsTheSameRowsAsRowsWrittenOneByOne() throws Exception {
        String secret = "s3cr\"et-" + System.nanoTime();
        Redactions.register(secret);
        Path single = dir.resolve("single.jsonl");
        Path batch = dir.resolve("batch.jsonl");
        try (Ledger ledger = Ledger.open(single)) {
            plan(secret).forEach(ledger::append);
        }
        try (Ledger ledger = Ledger.open(batch)) {
            ledger.append(plan(secret).get(0));
            ledger.appendAll(plan(secret).subList(1, 500));
            ledger.appendAll(List.of());
        }

        String written = Files.readString(batch);
        assertThat(written).isEqualTo(Files.readString(single)).doesNotContain("s3cr").contains(Redactions.MASK);
        assertThat(written.lines()).hasSize(500);
        List<LedgerRow> rows = LedgerReader.read(batch);
        assertThat(LedgerReader.rows(rows, LedgerRow.Plan.class)).hasSize(500)
                .extracting(LedgerRow.Plan::device).startsWith("d0", "d1", "d2").endsWith("d499");
    }

    @Test
    void aPlanCutShortByAKillIsCutBackToItsLastWholeRowOnResume() throws Exception {
        Path file = dir.resolve(Ledger.FILE_NAME);
        try (Ledger ledger = Ledger.open(file)) {
            ledger.appendAll(plan("x"));
        }
        byte[] whole = Files.readAllBytes(file);
        // a kill during the one write keeps some prefix of it
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        Ledger.Continued continued = Ledger.resume(file);
        continued.ledger().close();

        List<LedgerRow.Plan> kept = LedgerReader.rows(LedgerReader.read(file), LedgerRow.Plan.class);
        assertThat(kept).isNotEmpty().hasSizeLessThan(500);
        assertThat(continued.discardedBytes()).isPositive();
        assertThat(Files.readString(file)).endsWith("\n");
    }
}
