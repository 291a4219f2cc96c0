package org.certbench.lab.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A virtual device's brute-force protection (EN 303 645 5.1-5), as its IXIT declares it: after five
 * failed logins in a row an account is locked for 60 s, doubling with each further failure; while
 * locked even the right password is refused. One per login service.
 *
 * <pre>{@code
 * LoginLockout lockout = LoginLockout.standard();
 * if (!lockout.locked(user) && passwordMatches) { lockout.succeeded(user); } else { lockout.failed(user); }
 * }</pre>
 */
public final class LoginLockout {

    /** Failures in a row before the account locks. */
    public static final int FAILURES = 5;
    /** How long the first lock lasts. */
    public static final Duration LOCK = Duration.ofSeconds(60);

    private final boolean enabled;
    private final Map<String, int[]> failures = new HashMap<>();
    private final Map<String, Long> lockedUntil = new HashMap<>();

    private LoginLockout(boolean enabled) {
        this.enabled = enabled;
    }

    /** The declared protection. */
    public static LoginLockout standard() {
        return new LoginLockout(true);
    }

    /** No protection at all: every guess is checked (the flaw the 5.1-5 case must find). */
    public static LoginLockout none() {
        return new LoginLockout(false);
    }

    /** Whether the account is locked now. */
    public synchronized boolean locked(String user) {
        Long until = lockedUntil.get(user);
        return until != null && System.nanoTime() < until;
    }

    /** Checks a login: true when the account is not locked and the password is right; counts the outcome. */
    public synchronized boolean check(String user, boolean passwordMatches) {
        if (locked(user)) {
            failed(user);
            return false;
        }
        if (passwordMatches) {
            failures.remove(user);
            lockedUntil.remove(user);
            return true;
        }
        failed(user);
        return false;
    }

    private void failed(String user) {
        if (!enabled) {
            return;
        }
        int count = ++failures.computeIfAbsent(user, u -> new int[1])[0];
        if (count >= FAILURES) {
            long lock = LOCK.toNanos() << Math.min(count - FAILURES, 10);
            lockedUntil.put(user, System.nanoTime() + lock);
        }
    }
}
