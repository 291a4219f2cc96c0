package org.certbench.api;

/**
 * Ends a test case early with a verdict other than PASS. Thrown by {@link Verdicts}; the engine
 * records the verdict and reason in the ledger and reports the JUnit result that belongs to it.
 *
 * <pre>{@code
 * try { ... } catch (VerdictException e) { log(e.verdict(), e.reason()); throw e; }
 * }</pre>
 */
public final class VerdictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Verdict verdict;

    VerdictException(Verdict verdict, String reason) {
        super(reason, null, false, true);
        if (verdict == Verdict.PASS) {
            throw new IllegalArgumentException("a case passes by returning, not by throwing");
        }
        this.verdict = verdict;
    }

    /** The verdict the case ends with. */
    public Verdict verdict() {
        return verdict;
    }

    /** The reason, naming what was seen or what was missing. */
    public String reason() {
        return getMessage();
    }
}
