package org.certbench.engine.descriptor;

import org.certbench.api.Redactions;
import org.jspecify.annotations.Nullable;

/**
 * The JUnit failure of a case whose verdict is ERROR: the harness itself broke. Carries the original
 * stack trace but a redacted message, and not the original exception, whose message could hold a
 * secret.
 */
public final class HarnessError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private HarnessError(String message) {
        super(message);
    }

    static HarnessError of(@Nullable String reason, @Nullable Throwable cause) {
        HarnessError error = new HarnessError("ERROR: " + Redactions.apply(String.valueOf(reason)));
        if (cause != null) {
            error.setStackTrace(cause.getStackTrace());
        }
        return error;
    }
}
