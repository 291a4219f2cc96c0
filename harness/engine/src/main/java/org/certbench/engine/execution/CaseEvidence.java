package org.certbench.engine.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.certbench.api.Evidence;
import org.certbench.api.Finding;
import org.certbench.api.Redactions;
import org.certbench.api.Transcript;
import org.certbench.engine.ledger.Digests;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;

/**
 * The evidence of one running case, in {@code evidence/DEVICE/STANDARD/CASE/} of the run's folder.
 * Findings go to the ledger at once; files are hashed into evidence rows when the case is
 * {@linkplain #seal() sealed}, after which nothing more can be written (a case thread that overran
 * its deadline cannot change what was recorded).
 */
final class CaseEvidence implements Evidence {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Campaign campaign;
    private final CaseInfo info;
    private final Path dir;
    private final Set<Path> files = new LinkedHashSet<>();
    private final List<FileTranscript> transcripts = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private boolean sealed;

    CaseEvidence(Campaign campaign, CaseInfo info) {
        this.campaign = campaign;
        this.info = info;
        this.dir = folder(campaign.out(), info.device(), info.standard(), info.caseId());
    }

    /** Where a case's evidence goes in a run's folder. */
    static Path folder(Path out, String device, String standard, String caseId) {
        return out.resolve("evidence").resolve(device).resolve(standard).resolve(caseId);
    }

    @Override
    public synchronized Path write(String name, byte[] content) {
        Path file = newFile(name);
        try {
            Files.write(file, content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new OutputFailure("cannot write evidence " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    @Override
    public Path writeText(String name, String content) {
        return write(name, Redactions.apply(content).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized Transcript transcript(String name) {
        FileTranscript transcript = new FileTranscript(newFile(name));
        transcripts.add(transcript);
        return transcript;
    }

    @Override
    public synchronized void finding(Finding finding) {
        checkOpen();
        if (findings.stream().anyMatch(f -> f.id().equals(finding.id()))) {
            throw new IllegalArgumentException("finding " + finding.id() + " was already recorded by this case");
        }
        findings.add(finding);
        campaign.ledger().append(new LedgerRow.Finding(Ledger.now(), info.uid().append("finding", finding.id()).toString(),
                info.uid().toString(), info.device(), info.caseId(), finding.id(), finding.verdict(), finding.summary()));
    }

    /** Findings recorded so far. */
    synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Closes open transcripts, hashes every file into the ledger, and refuses further writes. */
    synchronized void seal() {
        if (sealed) {
            return;
        }
        sealed = true;
        transcripts.forEach(FileTranscript::close);
        for (Path file : files) {
            try {
                campaign.ledger().append(new LedgerRow.EvidenceFile(Ledger.now(), info.uid().toString(), info.device(),
                        info.caseId(), campaign.out().relativize(file).toString().replace('\\', '/'), Digests.sha256(file), Files.size(file)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot hash evidence " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private Path newFile(String name) {
        checkOpen();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("evidence name '" + name + "' must be a plain file name (letters, digits, . _ -)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputFailure("cannot create evidence folder " + dir + ": " + e.getMessage(), e);
        }
        Path file = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int n = 2; files.contains(file) || Files.exists(file); n++) {
            file = dir.resolve(dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n);
        }
        files.add(file);
        return file;
    }

    /** The run's output folder failed (a full disk): the case cannot be decided, and the run must stop. */
    static final class OutputFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        OutputFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    private void checkOpen() {
        if (sealed) {
            throw new IllegalStateException("the case is over; its evidence is sealed");
        }
    }
}
