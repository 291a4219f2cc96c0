package org.certbench.probes.login;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a surface held up to repeated wrong passwords (EN 303 645 5.1-5).
 *
 * <pre>{@code
 * result.lockedOutAfter();   // Optional[5]: the right password was refused after 5 failures
 * result.slowdown();         // 8.0: the last failures took eight times as long as the first
 * }</pre>
 *
 * @param surface the surface
 * @param attempts the wrong attempts, then (if a right credential was given) the right one
 * @param lockedOutAfter after how many failures attempts were refused, or the right credential rejected
 * @param slowdown median time of the last three failures over the first three (1.0 when flat)
 */
public record BruteForceResult(LoginSurface surface, List<Attempt> attempts, Optional<Integer> lockedOutAfter, double slowdown) {

    public BruteForceResult {
        attempts = List.copyOf(attempts);
    }

    /** The median time the device took to reject one wrong password. */
    public Duration medianRejection() {
        List<Duration> times = attempts.stream().filter(a -> a.outcome() == Attempt.Outcome.REJECTED).map(Attempt::elapsed).sorted().toList();
        return times.isEmpty() ? Duration.ZERO : times.get(times.size() / 2);
    }
}
