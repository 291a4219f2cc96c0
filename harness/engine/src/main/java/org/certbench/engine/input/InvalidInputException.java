package org.certbench.engine.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A user's input file could not be used; carries every problem found, not just the first.
 *
 * <pre>{@code
 * try { loader.load(path); } catch (InvalidInputException e) { e.problems().forEach(err::println); }
 * }</pre>
 */
public final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    /** Every problem found, in file order. */
    public List<InputProblem> problems() {
        return problems;
    }
}
