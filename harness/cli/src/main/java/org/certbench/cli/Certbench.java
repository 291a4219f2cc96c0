package org.certbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.certbench.engine.execution.Campaign;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code certbench} command.
 *
 * <pre>{@code
 * int exit = Certbench.execute(new String[] {"run", "--device", "acme.yaml"}, out, err);
 * }</pre>
 */
@Command(name = "certbench", mixinStandardHelpOptions = true, versionProvider = Certbench.Version.class,
        description = "Certification test harness for IoT devices (ETSI EN 303 645 and the schemes mapped onto it).",
        subcommands = {RunCommand.class, DemoCommand.class, ListCommand.class, ValidateCommand.class, VerifyCommand.class, DiffCommand.class, KeysCommand.class, ReportCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:overall PASS", "1:FAIL", "2:INCONCLUSIVE (or nothing applicable)", "3:bad input or usage",
            "4:verification failed", "70:internal error"})
public final class Certbench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogging();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /**
     * Protocol libraries log their set-up at INFO through java.util.logging; on a lab terminal that buries
     * the progress lines. Warnings stay; a logging configuration given with
     * {@code -Djava.util.logging.config.file} wins.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("java.util.logging.config.file") == null && System.getProperty("java.util.logging.config.class") == null) {
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            root.setLevel(java.util.logging.Level.WARNING);
            for (java.util.logging.Handler handler : root.getHandlers()) {
                handler.setLevel(java.util.logging.Level.WARNING);
            }
        }
    }

    /** Runs the command line and returns its exit code; never calls {@link System#exit}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Certbench());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // "--device a.yaml --devise b.yaml" must be an unknown option, not a profile named --devise.
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("certbench: " + e.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println("certbench: internal error: " + e);
            if (System.getenv("CERTBENCH_DEBUG") != null) {
                e.printStackTrace(command.getErr());
            } else {
                command.getErr().println("Set CERTBENCH_DEBUG=1 for the stack trace, and report it.");
            }
            return ExitCodes.INTERNAL;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code certbench --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"certbench " + Campaign.VERSION, "Java " + System.getProperty("java.version")};
        }
    }
}
