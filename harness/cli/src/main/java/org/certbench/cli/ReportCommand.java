package org.certbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.certbench.reports.AllureResults;
import org.certbench.reports.BundleZip;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certbench report allure BUNDLE}: other views of a bundle, made offline from what it holds. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Other views of a report bundle.",
        subcommands = {ReportCommand.Allure.class})
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "allure", mixinStandardHelpOptions = true,
            description = {"Generate the Allure HTML report of a bundle's allure-results, offline, as one file (index.html).",
                "Uses Allure's own generator (allure-commandline, shipped with certbench). The bundle is not changed."})
    static final class Allure implements Callable<Integer> {

        /** Where the distribution unpacks allure-commandline, beside certbench's jar (or classes folder). */
        static final String HOME_DIRECTORY = "allure-commandline";
        /** Overrides where allure-commandline is looked for. */
        static final String HOME_ENV = "CERTBENCH_ALLURE_HOME";

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE", description = "The bundle folder, or its zip.")
        Path bundle;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the Allure report (default: BUNDLE-allure beside the bundle).")
        Path out;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            try (BundleZip.Opened opened = BundleZip.open(bundle)) {
                Path folder = opened.folder();
                Path results = folder.resolve(AllureResults.DIRECTORY);
                if (!Files.isDirectory(results)) {
                    err.println("certbench: " + bundle + " holds no " + AllureResults.DIRECTORY + "/ (is it a certbench bundle?)");
                    return ExitCodes.BAD_INPUT;
                }
                Optional<Path> home = home();
                if (home.isEmpty()) {
                    err.println("certbench: allure-commandline is not installed beside certbench (build with ./mvnw package, or set "
                            + HOME_ENV + ")");
                    return ExitCodes.INTERNAL;
                }
                Path target = out != null ? out
                        : bundle.toAbsolutePath().resolveSibling(bundle.getFileName().toString().replaceFirst("\\.zip$", "") + "-allure");
                String javaCommand = ProcessHandle.current().info().command().orElse("java");
                ProcessBuilder generate = new ProcessBuilder(javaCommand, "-classpath",
                        home.get().resolve("lib") + "/*:" + home.get().resolve("lib/config"), "io.qameta.allure.CommandLine", "generate",
                        "--single-file", "--clean", "-o", target.toString(), results.toString()).redirectErrorStream(true);
                // Allure's page loads Google Analytics unless told not to: a lab's evidence view must not call out, and must open offline.
                generate.environment().put("ALLURE_NO_ANALYTICS", "true");
                generate.environment().put("APP_HOME", home.get().toString());
                Process process = generate.start();
                process.getOutputStream().close();
                String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    err.println("certbench: Allure did not finish in 10 minutes");
                    return ExitCodes.INTERNAL;
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(target.resolve("index.html"))) {
                    err.println("certbench: Allure failed (exit " + process.exitValue() + "):");
                    err.println(log.strip());
                    return ExitCodes.INTERNAL;
                }
                spec.commandLine().getOut().println("Allure report: " + target.resolve("index.html"));
                return ExitCodes.PASS;
            }
        }

        /** allure-commandline's folder (the one holding lib/): from the environment, or beside certbench's code. */
        static Optional<Path> home() {
            String env = System.getenv(HOME_ENV);
            if (env != null && !env.isBlank()) {
                return Optional.of(Path.of(env)).filter(p -> Files.isDirectory(p.resolve("lib")));
            }
            try {
                Path code = Path.of(ReportCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path base = code.getParent().resolve(HOME_DIRECTORY);
                if (!Files.isDirectory(base)) {
                    return Optional.empty();
                }
                try (Stream<Path> children = Files.list(base)) {
                    List<Path> homes = children.filter(p -> Files.isDirectory(p.resolve("lib"))).sorted().toList();
                    return homes.isEmpty() ? Optional.empty() : Optional.of(homes.get(homes.size() - 1));
                }
            } catch (URISyntaxException | IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
