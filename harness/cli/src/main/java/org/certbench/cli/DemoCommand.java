package org.certbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.certbench.lab.virtual.ContainerBench;
import org.certbench.lab.virtual.InJvmBench;
import org.certbench.lab.virtual.SecretFiles;
import org.certbench.lab.virtual.Variant;
import org.certbench.lab.virtual.VirtualBench;
import org.certbench.reports.TestKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code certbench demo}: starts the virtual bench, makes a test signing key if there is none,
 * certifies the secure and the flawed virtual device against every shipped suite, signs and verifies
 * the bundle, and stops everything it started, on Ctrl-C too.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Certify the virtual secure and flawed devices against every shipped suite: start the virtual bench",
            "(containers when a container engine answers, else inside this JVM), make a TEST signing key if none exists,",
            "run, sign, verify, print the verdicts and the HTML report's path, and stop everything it started."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the demo's keys, bench and runs (default: certbench-demo).")
    Path dir = Path.of("certbench-demo");

    @Option(names = "--in-jvm", description = "Serve the devices from inside this JVM even when a container engine answers.")
    boolean inJvm;

    @Option(names = "--all-variants", description = "Also certify every single-flaw variant.")
    boolean allVariants;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path keys = dir.resolve("keys");
        Path keystore = keys.resolve(TestKeys.KEYSTORE_FILE);
        Path passwordFile = keys.resolve("keystore-password");
        Path runs = dir.resolve("runs");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        Path outDir = runs.resolve(stamp);
        try {
            if (!Files.exists(keystore)) {
                SecretFiles.privateDir(keys);
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                SecretFiles.write(passwordFile, HexFormat.of().formatHex(random));
                int made = sub("keys", "init", "--out", keys.toString(), "--password-file", passwordFile.toString());
                if (made != ExitCodes.PASS) {
                    return made;
                }
            }
        } catch (IOException e) {
            err.println("certbench: cannot make the demo's test key in " + keys + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<Variant> variants = allVariants ? Variant.all() : List.of(Variant.secure(), Variant.flawed());
        VirtualBench bench;
        try {
            boolean containers = !inJvm && ContainerBench.engineReachable();
            out.println("certbench demo: starting " + variants.size() + " virtual devices " + (containers ? "in containers" : "inside this JVM")
                    + (containers || inJvm ? "" : " (no container engine answered)") + " ...");
            bench = containers ? ContainerBench.start(variants, dir.resolve("bench").resolve(stamp))
                    : InJvmBench.start(variants, dir.resolve("bench").resolve(stamp));
        } catch (IOException | RuntimeException e) {
            err.println("certbench: the virtual bench did not start: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                bench.close();
            }
        };
        // Ctrl-C ends the JVM through its shutdown hooks: the devices, containers and broker go with it.
        Thread hook = new Thread(stop, "certbench-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<String> run = new ArrayList<>(List.of("run", "--bench", bench.benchFile().toString(), "--out", outDir.toString(),
                    "--sign-with", keystore.toString(), "--password-file", passwordFile.toString(), "--unattended",
                    "--answers", bench.answersFile().toString(), "--operator", "certbench demo",
                    // The dozen most common public defaults per login: a console refuses one each 3 s, and a demo should not take minutes.
                    "--login-budget", "12"));
            variants.forEach(v -> {
                run.add("--device");
                run.add(bench.profiles().get(v).toString());
            });
            int verdict = sub(run.toArray(String[]::new));
            if (verdict != ExitCodes.PASS && verdict != ExitCodes.FAIL && verdict != ExitCodes.INCONCLUSIVE) {
                return verdict;
            }
            int verified = sub("verify", outDir.resolve("..").resolve(outDir.getFileName() + ".zip").normalize().toString(),
                    "--ca", keys.resolve(TestKeys.CA_FILE).toString());
            out.println();
            out.println("The flawed device is meant to fail, the secure one to pass what can be automated.");
            out.println("Open the report: " + outDir.resolve("report.html").toAbsolutePath());
            out.println("Signed with a TEST key (" + TestKeys.MARK + "): fine for a demo, never for a certificate.");
            return verified == ExitCodes.PASS ? ExitCodes.PASS : verified;
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs (and finds the bench stopped)
            }
        }
    }

    private int sub(String... args) {
        return new CommandLine(new Certbench()).setOut(spec.commandLine().getOut()).setErr(spec.commandLine().getErr()).execute(args);
    }
}
