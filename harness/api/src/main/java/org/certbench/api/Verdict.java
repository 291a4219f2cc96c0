package org.certbench.api;

import java.util.Collection;

/**
 * The verdict of a test case, and the roll-up of verdicts to provisions and standards.
 *
 * <p>Roll-up (ETSI TS 103 701): any FAIL gives FAIL; else any ERROR gives ERROR (the harness could
 * not decide, kept apart from the device's own inconclusive results); else any INCONCLUSIVE gives
 * INCONCLUSIVE; else all NOT_APPLICABLE (or nothing at all) gives NOT_APPLICABLE; else PASS.
 *
 * <pre>{@code
 * Verdict provision = Verdict.rollUp(List.of(Verdict.PASS, Verdict.NOT_APPLICABLE)); // PASS
 * }</pre>
 */
public enum Verdict {
    /** The device met the test case. */
    PASS,
    /** The device did not; the reason names what was seen. */
    FAIL,
    /** The harness could not decide: missing IXIT, device unreachable, operator absent, timeout. */
    INCONCLUSIVE,
    /** The ICS or the profile rules the case out; the reason names the ICS item or profile entry. */
    NOT_APPLICABLE,
    /** The harness itself broke. */
    ERROR;

    /** Rolls verdicts up to their parent's verdict; an empty collection is NOT_APPLICABLE. */
    public static Verdict rollUp(Collection<Verdict> verdicts) {
        if (verdicts.contains(FAIL)) {
            return FAIL;
        }
        if (verdicts.contains(ERROR)) {
            return ERROR;
        }
        if (verdicts.contains(INCONCLUSIVE)) {
            return INCONCLUSIVE;
        }
        if (verdicts.stream().allMatch(v -> v == NOT_APPLICABLE)) {
            return NOT_APPLICABLE;
        }
        return PASS;
    }
}
