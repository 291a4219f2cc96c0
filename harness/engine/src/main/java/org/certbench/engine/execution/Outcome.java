package org.certbench.engine.execution;

import java.util.List;
import org.certbench.api.Finding;
import org.certbench.api.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * How a case ended.
 *
 * @param verdict the verdict
 * @param reason why, for anything but PASS
 * @param error what broke, for ERROR
 * @param findings what the case found on the device
 */
public record Outcome(Verdict verdict, @Nullable String reason, @Nullable Throwable error, List<Finding> findings) {
}
