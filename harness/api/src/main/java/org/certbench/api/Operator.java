package org.certbench.api;

import java.util.Optional;

/**
 * The person at the bench, for what only a person can judge or do (read a label, press a reset
 * button, judge a published policy). Answers come from an interactive prompt on a terminal or from
 * an answers file in unattended runs; each is recorded in the ledger with who answered and when.
 *
 * <pre>{@code
 * boolean pressed = operator.confirm("5.11-1-2.reset", "Hold the reset button for 10 s. Done?")
 *         .orElseThrow(() -> Verdicts.inconclusive("operator did not confirm the factory reset"));
 * }</pre>
 */
public interface Operator {

    /**
     * Asks a free-text question. Empty when nobody can answer: an unattended run whose answers file
     * has no entry for {@code questionId}.
     *
     * @param questionId stable id of the question, used as the key in answers files
     * @param question the question as the operator reads it
     */
    Optional<String> ask(String questionId, String question);

    /** Asks a yes/no question; empty when nobody can answer. */
    Optional<Boolean> confirm(String questionId, String question);
}
