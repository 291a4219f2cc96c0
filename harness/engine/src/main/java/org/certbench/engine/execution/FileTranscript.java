package org.certbench.engine.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;

/**
 * A transcript file: one line per event, {@code TIMESTAMP > sent}, {@code TIMESTAMP < received},
 * {@code TIMESTAMP # note}, flushed per line and redacted.
 */
final class FileTranscript implements Transcript {

    private final Writer writer;
    private boolean closed;

    FileTranscript(Path file) {
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new CaseEvidence.OutputFailure("cannot create transcript " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void sent(String line) {
        write('>', line);
    }

    @Override
    public void received(String line) {
        write('<', line);
    }

    @Override
    public void note(String line) {
        write('#', line);
    }

    private synchronized void write(char direction, String line) {
        if (closed) {
            throw new IllegalStateException("transcript is closed: the case is over");
        }
        try {
            for (String part : Redactions.apply(line).split("\n", -1)) {
                writer.write(Instant.now() + " " + direction + " " + part + "\n");
            }
            writer.flush();
        } catch (IOException e) {
            throw new CaseEvidence.OutputFailure("cannot write transcript: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                throw new CaseEvidence.OutputFailure("cannot close transcript: " + e.getMessage(), e);
            }
        }
    }
}
