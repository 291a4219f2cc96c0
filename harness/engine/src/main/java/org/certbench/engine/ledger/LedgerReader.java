package org.certbench.engine.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Reads a verdict ledger back into typed rows. A last line cut short by a killed run is ignored;
 * any other unreadable line is an error naming the line.
 *
 * <pre>{@code
 * List<LedgerRow> rows = LedgerReader.read(outDir.resolve(Ledger.FILE_NAME));
 * }</pre>
 */
public final class LedgerReader {

    private LedgerReader() {
    }

    public static List<LedgerRow> read(Path file) throws IOException {
        List<LedgerRow> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            String pendingError = null;
            while ((line = reader.readLine()) != null) {
                number++;
                if (pendingError != null) {
                    throw new IOException(pendingError);
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(Ledger.MAPPER.readValue(line, LedgerRow.class));
                } catch (JacksonException e) {
                    // Tolerated only if it is the last line: a row cut short when the run was killed.
                    pendingError = file + ":" + number + ": unreadable ledger row: " + e.getOriginalMessage();
                }
            }
        }
        return rows;
    }

    /**
     * The rows that stand: {@code rows} without the finding, evidence and answer rows of attempts that a
     * {@link LedgerRow.Resume} row says were interrupted (those attempts' files are listed by the resume row).
     * Reports and summaries read these; the ledger itself keeps everything.
     */
    public static List<LedgerRow> current(List<LedgerRow> rows) {
        List<LedgerRow> kept = new ArrayList<>(rows.size());
        java.util.Set<String> superseded = new java.util.HashSet<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            LedgerRow row = rows.get(i);
            if (row instanceof LedgerRow.Resume resume) {
                resume.interrupted().forEach(c -> superseded.add(c.uid()));
            } else if (!superseded.isEmpty() && superseded.contains(attemptOf(row))) {
                continue;
            }
            kept.add(row);
        }
        java.util.Collections.reverse(kept);
        return kept;
    }

    private static String attemptOf(LedgerRow row) {
        if (row instanceof LedgerRow.Finding f) {
            return f.caseUid();
        }
        if (row instanceof LedgerRow.EvidenceFile e) {
            return e.uid();
        }
        if (row instanceof LedgerRow.Answer a) {
            return a.uid();
        }
        return "";
    }

    /** The rows of one type, in order. */
    public static <T extends LedgerRow> List<T> rows(List<LedgerRow> rows, Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
