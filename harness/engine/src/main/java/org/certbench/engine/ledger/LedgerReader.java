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
     * Follows a ledger that is still being written: each call of {@link #rows()} parses only the complete rows
     * appended since the last, so a listener that looks up every case as it ends reads the ledger once, not once a
     * case. A row still being written (no line end yet) waits for the next call; a ledger cut shorter than what was
     * read (a resumed run cuts a row a kill left half-written) is read again from its start.
     *
     * <pre>{@code
     * LedgerReader.Follower ledger = LedgerReader.follow(out.resolve(Ledger.FILE_NAME));
     * List<LedgerRow> now = ledger.rows();
     * }</pre>
     */
    public static final class Follower {
        private final Path file;
        private final List<LedgerRow> rows = new ArrayList<>();
        private long offset;
        private int lines;

        private Follower(Path file) {
            this.file = file;
        }

        /** Every complete row so far, in order. */
        public synchronized List<LedgerRow> rows() throws IOException {
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
                long size = channel.size();
                if (size < offset) {
                    rows.clear();
                    offset = 0;
                    lines = 0;
                }
                if (size > offset) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(Math.toIntExact(size - offset));
                    channel.position(offset);
                    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                        // until the size seen
                    }
                    byte[] bytes = buffer.array();
                    int start = 0;
                    for (int i = 0; i < buffer.position(); i++) {
                        if (bytes[i] == '\n') {
                            lines++;
                            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                            if (!line.isBlank()) {
                                try {
                                    rows.add(Ledger.MAPPER.readValue(line, LedgerRow.class));
                                } catch (JacksonException e) {
                                    throw new IOException(file + ":" + lines + ": unreadable ledger row: " + e.getOriginalMessage(), e);
                                }
                            }
                            start = i + 1;
                        }
                    }
                    offset += start;
                }
            }
            return List.copyOf(rows);
        }
    }

    /** A follower of the ledger {@code file}, which need not exist yet when made. */
    public static Follower follow(Path file) {
        return new Follower(file);
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
