package org.certbench.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger followed while it is written: appended rows, a row half-written, a ledger cut shorter. */
class LedgerFollowerTest {

    @TempDir
    Path dir;

    private static String row(String device) throws IOException {
        return Ledger.MAPPER.writeValueAsString(new LedgerRow.Ics("2026-12-01T00:00:00Z", device, "etsi-en-303-645", true, List.of()));
    }

    private static List<String> devices(List<LedgerRow> rows) {
        return LedgerReader.rows(rows, LedgerRow.Ics.class).stream().map(LedgerRow.Ics::device).toList();
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void eachCallAddsTheCompleteRowsWrittenSinceTheLast() throws IOException {
        Path file = dir.resolve(Ledger.FILE_NAME);
        LedgerReader.Follower ledger = LedgerReader.follow(file);
        append(file, "");
        assertThat(ledger.rows()).isEmpty();

        String third = row("c");
        append(file, row("a") + "\n" + row("b") + "\n" + third.substring(0, 20));
        assertThat(devices(ledger.rows())).containsExactly("a", "b");

        append(file, third.substring(20) + "\n");
        assertThat(devices(ledger.rows())).containsExactly("a", "b", "c");
        assertThat(devices(ledger.rows())).as("nothing new: nothing doubled").containsExactly("a", "b", "c");
        assertThat(ledger.rows()).isEqualTo(LedgerReader.read(file));
    }

    @Test
    void aLedgerCutShorterIsReadAgainFromItsStart() throws IOException {
        Path file = dir.resolve(Ledger.FILE_NAME);
        LedgerReader.Follower ledger = LedgerReader.follow(file);
        append(file, row("a") + "\n" + row("b") + "\n");
        assertThat(devices(ledger.rows())).containsExactly("a", "b");

        Files.writeString(file, row("a") + "\n");
        assertThat(devices(ledger.rows())).containsExactly("a");
    }

    @Test
    void anUnreadableCompleteRowNamesItsLine() throws IOException {
        Path file = dir.resolve(Ledger.FILE_NAME);
        append(file, row("a") + "\n{\"type\":\"ics\",\"at\":\n");
        assertThatThrownBy(() -> LedgerReader.follow(file).rows()).isInstanceOf(IOException.class).hasMessageContaining(file + ":2:");
    }
}
