package org.certbench.api;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Ends a test case with a verdict and a reason. A case that returns normally passes.
 *
 * <pre>{@code
 * Verdicts.failIf(!undeclared.isEmpty(), "open TCP ports not declared in the IXIT: %s", undeclared);
 * String answer = operator.ask("5.3-16-2", "Model designation on the label?")
 *         .orElseThrow(() -> Verdicts.inconclusive("no answer about the label"));
 * }</pre>
 *
 * <p>Each method throws a {@link VerdictException}; the ones declared to return it do so only so
 * that {@code throw Verdicts.fail(...)} keeps the compiler's flow analysis happy.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /** Ends the case FAIL with a reason that names what was seen. */
    public static VerdictException fail(String reason, @Nullable Object... args) {
        throw new VerdictException(Verdict.FAIL, format(reason, args));
    }

    /** Ends the case FAIL when {@code condition} holds; does nothing otherwise. */
    public static void failIf(boolean condition, String reason, @Nullable Object... args) {
        if (condition) {
            fail(reason, args);
        }
    }

    /** Ends the case INCONCLUSIVE: the harness could not decide, and the reason says why. */
    public static VerdictException inconclusive(String reason, @Nullable Object... args) {
        throw new VerdictException(Verdict.INCONCLUSIVE, format(reason, args));
    }

    /** Ends the case NOT_APPLICABLE with the ICS item or profile entry that rules it out. */
    public static VerdictException notApplicable(String reason, @Nullable Object... args) {
        throw new VerdictException(Verdict.NOT_APPLICABLE, format(reason, args));
    }

    private static String format(String reason, @Nullable Object... args) {
        return args == null || args.length == 0 ? reason : String.format(Locale.ROOT, reason, args);
    }
}
