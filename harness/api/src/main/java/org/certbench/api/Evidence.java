package org.certbench.api;

import java.nio.file.Path;

/**
 * The evidence of the running test case: files, transcripts and findings. Everything written here
 * lands under the run's {@code evidence/} folder, is hashed (SHA-256) into the verdict ledger when the
 * case ends, and is linked from the report. Known secrets are replaced by {@code ***} in text.
 *
 * <pre>{@code
 * try (Transcript t = evidence.transcript("mqtt-anonymous.txt")) {
 *     t.sent("CONNECT clientId=certbench no credentials");
 *     t.received("CONNACK rc=0 (accepted)");
 * }
 * evidence.finding(Finding.fail("tcp-2323", "port 2323/tcp open, not declared"));
 * }</pre>
 */
public interface Evidence {

    /** Writes a file of evidence and returns where it was stored. Names are plain file names. */
    Path write(String name, byte[] content);

    /** Writes a text file of evidence, with known secrets redacted. */
    Path writeText(String name, String content);

    /** Opens a timestamped transcript; close it (try-with-resources) when the exchange is over. */
    Transcript transcript(String name);

    /** Records something found on the device at run time; it becomes a dynamic child of the case. */
    void finding(Finding finding);
}
