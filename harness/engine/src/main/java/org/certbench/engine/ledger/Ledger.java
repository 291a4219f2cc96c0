package org.certbench.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.certbench.api.Redactions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only verdict ledger ({@code ledger.jsonl}). Each row is one line, written through to the
 * operating system before the call returns, so a run killed at any point keeps every row it wrote;
 * roll-ups and the end row are also forced to disk. Known secrets are blanked from every row.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(outDir.resolve("ledger.jsonl"))) {
 *     ledger.append(new LedgerRow.CaseVerdict(Ledger.now(), uid, …));
 * }
 * }</pre>
 */
public final class Ledger implements AutoCloseable {

    /** The ledger's file name inside a run's output folder. */
    public static final String FILE_NAME = "ledger.jsonl";

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Path file;
    private final FileChannel channel;
    private volatile @org.jspecify.annotations.Nullable UncheckedIOException failure;

    private Ledger(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or continues) a ledger file for appending. */
    public static Ledger open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new Ledger(file, channel);
    }

    /**
     * Opens the ledger of a stopped run to continue it: a last row the stop cut short (no line end) is cut
     * off first, so the next row starts on a line of its own.
     *
     * @return the ledger, and how many bytes were cut off
     */
    public static Continued resume(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            channel.truncate(keep);
            channel.force(true);
            channel.position(keep);
            return new Continued(new Ledger(file, channel), size - keep);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A ledger continued by {@link #resume(Path)}. */
    public record Continued(Ledger ledger, long discardedBytes) {
    }

    /** The current time as ledger rows write it. */
    public static String now() {
        return Instant.now().toString();
    }

    public Path file() {
        return file;
    }

    /** Appends a row; standard, device and scheme roll-ups and the end row are forced to disk as well. */
    public void append(LedgerRow row) {
        write(line(row), forced(row));
    }

    /**
     * Appends rows in one write, in order (a campaign's plan: a row per case). A run killed during the write may keep
     * some of them and a cut-off last line, which {@link #resume(Path)} cuts off as it does for one row.
     */
    public void appendAll(java.util.List<? extends LedgerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // one generator for all the rows: a plan of 10,000 rows written one writeValueAsString at a time spent most of
        // the time before a campaign's first case setting generators up
        java.io.StringWriter json = new java.io.StringWriter(rows.size() * 256);
        try (tools.jackson.databind.SequenceWriter sequence = MAPPER.writer().withRootValueSeparator("\n").writeValues(json)) {
            sequence.writeAll(rows);
        }
        write(redacted(json.toString()) + "\n", rows.stream().anyMatch(Ledger::forced));
    }

    /**
     * A provision's roll-up recomputes from its verdict rows; a standard's or device's verdict and the end are forced,
     * one sync each rather than one per provision (10,000 provisions cost 10,000 syncs otherwise).
     */
    private static boolean forced(LedgerRow row) {
        return row instanceof LedgerRow.RollUp rollUp && !rollUp.level().equals("provision") || row instanceof LedgerRow.End;
    }

    private static String line(LedgerRow row) {
        return redacted(MAPPER.writeValueAsString(row)) + "\n";
    }

    /** JSON with every known secret blanked, as it appears both plain and JSON-escaped. */
    private static String redacted(String json) {
        return Redactions.apply(Redactions.apply(json), Ledger::jsonEscaped);
    }

    private void write(String lines, boolean force) {
        ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (force) {
                    channel.force(false);
                }
            } catch (IOException e) {
                // Once a row is lost nothing after it may be written: the ledger would no longer say what happened in order.
                failure = new UncheckedIOException("cannot write the ledger " + file + ": " + e.getMessage(), e);
                throw failure;
            }
        }
    }

    /**
     * Refuses every row from now on, because the run's output folder failed elsewhere (evidence that could not
     * be written): a verdict without its evidence must not be recorded as if the case had been decided.
     */
    public synchronized void stop(UncheckedIOException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** Why the ledger stopped taking rows (a full disk, a lost device), if it did; the run must stop then. */
    public java.util.Optional<UncheckedIOException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** A string as it appears inside a JSON string literal. */
    private static String jsonEscaped(String text) {
        String quoted = MAPPER.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
