package org.certbench.cli;

import java.util.Collection;
import org.certbench.api.Verdict;

/**
 * The exit codes of {@code certbench}, a contract scripts and CI rely on (DESIGN.md §8).
 *
 * <pre>{@code
 * int code = ExitCodes.of(List.of(Verdict.PASS, Verdict.FAIL)); // 1
 * }</pre>
 */
public final class ExitCodes {

    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int INCONCLUSIVE = 2;
    public static final int BAD_INPUT = 3;
    public static final int VERIFICATION_FAILED = 4;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** The exit code for the devices' overall verdicts: any FAIL, else any ERROR, else anything undecided. */
    public static int of(Collection<Verdict> overall) {
        if (overall.isEmpty()) {
            return INCONCLUSIVE;
        }
        return switch (Verdict.rollUp(overall)) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case ERROR -> INTERNAL;
            case INCONCLUSIVE, NOT_APPLICABLE -> INCONCLUSIVE;
        };
    }
}
