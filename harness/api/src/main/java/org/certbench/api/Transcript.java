package org.certbench.api;

/**
 * A timestamped record of an exchange with a device: what was sent, what came back, and notes.
 * Every line is written through at once (nothing is lost if the run dies), with known secrets
 * replaced by {@code ***}.
 *
 * <pre>{@code
 * try (Transcript t = evidence.transcript("telnet-login.txt")) {
 *     t.sent("admin");
 *     t.received("Login incorrect");
 * }
 * }</pre>
 */
public interface Transcript extends AutoCloseable {

    /** Records what the harness sent. */
    void sent(String line);

    /** Records what came back from the device. */
    void received(String line);

    /** Records a remark of the harness (a decision, a timing, a count). */
    void note(String line);

    /** Flushes and closes the transcript file. */
    @Override
    void close();
}
