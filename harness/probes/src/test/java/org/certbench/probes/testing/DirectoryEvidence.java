package org.certbench.probes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.certbench.api.Evidence;
import org.certbench.api.Finding;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;

/**
 * Evidence written to a folder, for probe tests that run without the engine (the engine's own evidence
 * also hashes files into the ledger). Lines look like the engine's: {@code TIME > sent}.
 */
public final class DirectoryEvidence implements Evidence {

    private final Path dir;
    private final List<Finding> findings = new ArrayList<>();

    public DirectoryEvidence(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path write(String name, byte[] content) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path writeText(String name, String content) {
        return write(name, Redactions.apply(content).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Transcript transcript(String name) {
        try {
            Files.createDirectories(dir);
            Writer writer = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new Transcript() {
                private void line(char direction, String text) {
                    try {
                        writer.write(Instant.now() + " " + direction + " " + Redactions.apply(text) + "\n");
                        writer.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void sent(String line) {
                    line('>', line);
                }

                @Override
                public void received(String line) {
                    line('<', line);
                }

                @Override
                public void note(String line) {
                    line('#', line);
                }

                @Override
                public void close() {
                    try {
                        writer.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void finding(Finding finding) {
        findings.add(finding);
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Everything written to the folder, as one text. */
    public String allText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
