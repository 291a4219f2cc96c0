package org.certbench.probes.login;

import java.util.List;
import java.util.Optional;

/**
 * What trying default credentials on one surface found.
 *
 * <pre>{@code
 * result.accepted().ifPresent(hit -> Verdicts.fail("default credential %s accepted by %s", hit.describe(true), result.surface()));
 * }</pre>
 *
 * @param surface where they were tried
 * @param attempts every attempt, in order
 * @param budgetExhausted whether the list was longer than the attempts allowed
 */
public record DefaultsResult(LoginSurface surface, List<Attempt> attempts, boolean budgetExhausted) {

    public DefaultsResult {
        attempts = List.copyOf(attempts);
    }

    /** The first credential the device accepted. */
    public Optional<UserPass> accepted() {
        return attempts.stream().filter(Attempt::accepted).map(Attempt::credential).findFirst();
    }
}
