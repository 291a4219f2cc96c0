package org.certbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.certbench.api.Bench;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.input.BenchLoader;
import org.certbench.engine.input.InputProblem;
import org.certbench.engine.input.InvalidInputException;
import org.certbench.engine.input.LoadedProfile;
import org.certbench.engine.input.ProfileLoader;
import org.certbench.engine.input.YamlDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code certbench validate FILE…}: checks device profiles, bench files and answers files. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check device profiles, bench files and answers files against their schemas.",
            "Every problem is printed as file:line:column: field: message. Exit 0 when all are valid, 3 otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check; the kind is told by the first key.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path file : files) {
            try {
                out.println("ok      " + file + ": " + check(file));
            } catch (InvalidInputException e) {
                invalid++;
                for (InputProblem problem : e.problems()) {
                    err.println("invalid " + problem);
                }
            }
        }
        out.println(files.size() - invalid + " valid, " + invalid + " invalid");
        return invalid == 0 ? ExitCodes.PASS : ExitCodes.BAD_INPUT;
    }

    private static String check(Path file) throws InvalidInputException {
        YamlDocument document = YamlDocument.read(file);
        if (document.root().has("certbench")) {
            LoadedProfile profile = ProfileLoader.load(file);
            return "device profile of " + profile.dut().id();
        }
        if (document.root().has("certbench-bench")) {
            Bench bench = BenchLoader.load(file);
            return "bench file of " + bench.lab();
        }
        if (document.root().has("certbench-answers")) {
            AnswersFile.load(file);
            return "answers file";
        }
        throw new InvalidInputException(document.problemAt("", false,
                "not a certbench file: a device profile starts with 'certbench: 1', a bench file with 'certbench-bench: 1', "
                        + "an answers file with 'certbench-answers: 1'"));
    }
}
