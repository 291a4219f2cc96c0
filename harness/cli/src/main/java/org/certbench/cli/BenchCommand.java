package org.certbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.certbench.api.Bench;
import org.certbench.engine.bench.BenchCheck;
import org.certbench.engine.config.Durations;
import org.certbench.engine.input.BenchLoader;
import org.certbench.engine.input.InputProblem;
import org.certbench.engine.input.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certbench bench check BENCH}: does every resource of the bench answer? */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "The lab bench.", subcommands = {BenchCommand.Check.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Ask each resource of a bench file whether it answers: the broker, each serial port, each power outlet.",
                "The same check runs before every campaign and goes into the report. Exit 0 when none is dead, 1 otherwise, 3 on a bad file."})
    static final class Check implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BENCH", description = "The bench file.")
        Path file;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "How long each resource has to answer (default 3s).")
        String timeout = "3s";

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Duration wait;
            try {
                wait = Durations.parse(timeout);
            } catch (IllegalArgumentException e) {
                err.println("certbench: --timeout " + timeout + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            Bench bench;
            try {
                bench = BenchLoader.load(file);
            } catch (InvalidInputException e) {
                e.problems().stream().map(InputProblem::toString).forEach(p -> err.println("invalid " + p));
                return ExitCodes.BAD_INPUT;
            }
            List<BenchCheck.Result> results = BenchCheck.check(bench, wait);
            out.println(bench.lab() + (bench.accreditation() == null ? "" : " (" + bench.accreditation() + ")"));
            out.printf("%-12s %-7s %-12s %-36s %s%n", "resource", "kind", "check", "where", "seen");
            for (BenchCheck.Result r : results) {
                out.printf("%-12s %-7s %-12s %-36s %s%n", r.name(), r.kind(), r.status(), r.target(), r.detail());
            }
            List<String> dead = results.stream().filter(r -> r.status() == BenchCheck.Status.DEAD).map(BenchCheck.Result::name).toList();
            if (dead.isEmpty()) {
                out.println("every resource that can be checked answers");
                return ExitCodes.PASS;
            }
            out.println("dead: " + String.join(", ", dead));
            return ExitCodes.FAIL;
        }
    }
}
