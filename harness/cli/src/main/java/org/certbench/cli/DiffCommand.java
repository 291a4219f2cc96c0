package org.certbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.certbench.reports.Report;
import org.certbench.reports.ReportDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code certbench diff OLD NEW}: the verdicts that changed between two runs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show which verdicts changed between two bundles (or report.json files): per device, standard,",
            "provision and case. Exit 0 when no verdict changed, 1 when some did, 3 on bad input."})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier bundle or report.json.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later bundle or report.json.")
    Path after;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Report old;
        Report fresh;
        try {
            old = Report.read(reportOf(before));
            fresh = Report.read(reportOf(after));
        } catch (IOException e) {
            spec.commandLine().getErr().println("certbench: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<ReportDiff.Change> changes = ReportDiff.compare(old, fresh);
        changes.forEach(change -> out.println(change));
        out.println(changes.isEmpty() ? "no verdict changed" : changes.size() + " verdict(s) changed");
        return changes.isEmpty() ? ExitCodes.PASS : ExitCodes.FAIL;
    }

    private static Path reportOf(Path path) throws IOException {
        Path report = Files.isDirectory(path) ? path.resolve(Report.FILE_NAME) : path;
        if (!Files.isRegularFile(report)) {
            throw new IOException(report + ": no such report");
        }
        return report;
    }
}
