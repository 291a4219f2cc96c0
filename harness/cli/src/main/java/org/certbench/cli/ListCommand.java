package org.certbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.certbench.api.Assessment;
import org.certbench.engine.suite.CaseModel;
import org.certbench.engine.suite.ProvisionInfo;
import org.certbench.engine.suite.SuiteModel;
import org.certbench.engine.suite.SuiteRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certbench list}: standards → provisions → cases. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the standards certbench ships, every provision with its status, and the cases that assess it.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--standard", paramLabel = "ID", description = "Only this standard (repeatable).")
    List<String> standards = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SuiteModel> suites = SuiteRegistry.registered().stream().map(SuiteModel::of).toList();
        for (String wanted : standards) {
            if (suites.stream().noneMatch(s -> s.id().equals(wanted))) {
                spec.commandLine().getErr().println("certbench: unknown standard '" + wanted + "'; known: "
                        + suites.stream().map(SuiteModel::id).toList());
                return ExitCodes.BAD_INPUT;
            }
        }
        for (SuiteModel suite : suites) {
            if (!standards.isEmpty() && !standards.contains(suite.id())) {
                continue;
            }
            long automated = suite.provisions().keySet().stream()
                    .filter(p -> suite.cases(p).stream().anyMatch(c -> c.assessment() == Assessment.FUNCTIONAL)).count();
            out.printf(Locale.ROOT, "%s %s  %s%n", suite.id(), suite.version(), suite.title());
            out.printf(Locale.ROOT, "  %d provisions, %d with a functional case, %d cases%n", suite.provisions().size(), automated,
                    suite.cases().size());
            for (ProvisionInfo provision : suite.provisions().values()) {
                List<CaseModel> cases = suite.cases(provision.id());
                out.printf(Locale.ROOT, "  %-8s %-12s %-9s %s%s%n", provision.id(), provision.status(), provision.level().name().toLowerCase(Locale.ROOT),
                        provision.title(), cases.isEmpty() ? "  [no case yet]"
                                : cases.stream().noneMatch(c -> c.assessment() == Assessment.FUNCTIONAL) ? "  [conceptual only]" : "");
                for (CaseModel c : cases) {
                    out.printf(Locale.ROOT, "      %-10s %-10s %s%n", c.id(), c.assessment().name().toLowerCase(Locale.ROOT), c.title());
                }
            }
            out.println();
        }
        return ExitCodes.PASS;
    }
}
