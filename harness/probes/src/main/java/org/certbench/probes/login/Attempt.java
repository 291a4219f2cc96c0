package org.certbench.probes.login;

import java.time.Duration;

/**
 * One login attempt and how the device answered it.
 *
 * <pre>{@code
 * attempt.outcome(); // ACCEPTED
 * }</pre>
 *
 * @param credential what was tried
 * @param outcome accepted, rejected, refused before any credential could be checked (locked out,
 *     connection refused), or failed for another reason
 * @param elapsed how long the device took to answer
 * @param detail what the device said
 */
public record Attempt(UserPass credential, Outcome outcome, Duration elapsed, String detail) {

    /** How an attempt ended. */
    public enum Outcome {
        ACCEPTED,
        REJECTED,
        REFUSED,
        FAILED
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
