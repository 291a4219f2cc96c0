package org.certbench.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something found on the device at run time (an open port, a login service), with its own verdict.
 * Each finding becomes a dynamic child {@code [finding:ID]} of the case that found it.
 *
 * <pre>{@code
 * evidence.finding(Finding.fail("tcp-2323", "port 2323/tcp open, not declared in interfaces.network.ports"));
 * evidence.finding(Finding.pass("tcp-443", "port 443/tcp open, declared as https"));
 * }</pre>
 *
 * @param id stable id within the case: lower-case letters, digits, dots and dashes
 * @param verdict PASS, FAIL or INCONCLUSIVE
 * @param summary what was found, in one line
 */
public record Finding(String id, Verdict verdict, String summary) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.\\-]*");

    public Finding {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("finding id must match " + ID + ": " + id);
        }
        if (verdict == Verdict.NOT_APPLICABLE || verdict == Verdict.ERROR) {
            throw new IllegalArgumentException("a finding is PASS, FAIL or INCONCLUSIVE, not " + verdict);
        }
    }

    /** A finding that meets the case. */
    public static Finding pass(String id, String summary) {
        return new Finding(id, Verdict.PASS, summary);
    }

    /** A finding that breaks the case. */
    public static Finding fail(String id, String summary) {
        return new Finding(id, Verdict.FAIL, summary);
    }
}
