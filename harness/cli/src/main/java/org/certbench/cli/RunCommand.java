package org.certbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.certbench.engine.CertbenchTestEngine;
import org.certbench.engine.config.CertbenchConfig;
import org.certbench.engine.descriptor.Segments;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.suite.SuiteRegistry;
import org.certbench.reports.AllureResults;
import org.certbench.reports.BundleSigner;
import org.certbench.reports.BundleZip;
import org.certbench.reports.HtmlReport;
import org.certbench.reports.Manifest;
import org.certbench.reports.Report;
import org.certbench.reports.TimeStampClient;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherConstants;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.open.xml.OpenTestReportGeneratingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certbench run}: certifies devices and writes the run's ledger and evidence. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certify devices against the conformance suites.",
            "Exit 0 when every device passes, 1 on any FAIL, 2 when something stayed undecided, 3 on bad input."})
final class RunCommand implements Callable<Integer> {

    /** The bundle folder holding the Open Test Reporting XML. */
    static final String OPEN_TEST_REPORTING = "open-test-reporting";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-d", "--device"}, arity = "1..*", paramLabel = "PROFILE",
            description = "Device profile(s) to certify (YAML).")
    List<Path> devices = List.of();

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the stopped run in DIR (killed, Ctrl-C, power cut) with its own devices and selection: "
                    + "decided cases keep their verdicts, the others run, and the bundle is written.")
    Path resume;

    @Option(names = "--bench", paramLabel = "FILE", description = "Bench file; without one, the local bench.")
    Path bench;

    @Option(names = "--standard", paramLabel = "ID", description = "Only these standards (repeatable); default all.")
    List<String> standards = List.of();

    @Option(names = "--provision", paramLabel = "ID", description = "Only these provisions (repeatable); default all.")
    List<String> provisions = List.of();

    @Option(names = "--statuses", paramLabel = "EDITION",
            description = "Judge the ICS with the provision statuses of another edition (2.1.1: EN 303 645 V2.1.1, as UK PSTI cites).")
    String statuses;

    @Option(names = "--assessment", paramLabel = "KIND",
            description = "Only conceptual (IXIT review) or functional (device) cases (repeatable); default both.")
    List<String> assessments = List.of();

    @Option(names = "--select", paramLabel = "UNIQUE-ID",
            description = "Run only these devices, standards, provisions or cases, by unique id (as an IDE shows them).")
    List<String> select = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder; default certbench-runs/<time>. Must not hold a run.")
    Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Deadline of a case that sets none (default 5m).")
    String timeout;

    @Option(names = "--login-budget", paramLabel = "N",
            description = "The most login attempts a default-credential or brute-force check makes on one login (default 100).")
    String loginBudget;

    @Option(names = "--answers", paramLabel = "FILE", description = "Answers to operator questions, for unattended runs.")
    Path answers;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who operates the bench (default: the OS user).")
    String operator;

    @Option(names = "--unattended", description = "Never prompt; unanswered questions make their case INCONCLUSIVE.")
    boolean unattended;

    @Option(names = "--sequential", description = "Run devices one after another instead of in parallel lanes.")
    boolean sequential;

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    boolean plain;

    @Option(names = "--sign-with", paramLabel = "KEYSTORE", description = "PKCS#12 keystore to sign the bundle with "
            + "(password from $CERTBENCH_KEYSTORE_PASSWORD, --password-file or a prompt).")
    Path signWith;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "Sign with a key on a PKCS#11 token (a lab HSM): a SunPKCS11 "
            + "configuration file (name, library, slot or slotListIndex). The PIN comes like a keystore password.")
    Path pkcs11;

    @Option(names = "--key-alias", paramLabel = "ALIAS", description = "The key on the token, if it holds more than one.")
    String keyAlias;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamping authority for the signature.")
    java.net.URI tsa;

    @picocli.CommandLine.Mixin
    KeystorePassword password = new KeystorePassword();

    /** Whether the engine itself failed (the bundle is still written from what the ledger holds). */
    private boolean engineFailed;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Map<String, String> configuration = new LinkedHashMap<>();
        List<DiscoverySelector> selectors = new ArrayList<>();
        Path outDir;
        boolean ended = false;
        if (resume != null) {
            if (!devices.isEmpty() || bench != null || !standards.isEmpty() || !provisions.isEmpty() || statuses != null
                    || !assessments.isEmpty() || !select.isEmpty() || out != null || timeout != null || loginBudget != null
                    || operator != null || sequential) {
                stderr.println("certbench: --resume continues a run with the devices, selection and settings it began with; "
                        + "give only --answers, --unattended, --plain and the signing options with it");
                return ExitCodes.BAD_INPUT;
            }
            outDir = resume;
            ResumedRun stopped;
            try {
                stopped = ResumedRun.read(outDir);
            } catch (ResumedRun.BadInput e) {
                e.getMessage().lines().forEach(line -> stderr.println("certbench: " + line));
                return ExitCodes.BAD_INPUT;
            }
            ended = stopped.ended();
            stdout.println("certbench: resuming the run in " + outDir + ": " + stopped.decided() + " of " + stopped.plan().size()
                    + " cases were decided before it stopped" + (ended ? " and it had ended; writing its bundle" : ""));
            configuration.putAll(stopped.configuration());
            configuration.put(CertbenchConfig.OUT.name(), outDir.toString());
            configuration.put(CertbenchConfig.RESUME.name(), "true");
            stopped.plan().forEach(uid -> selectors.add(DiscoverySelectors.selectUniqueId(uid)));
            if (unattended) {
                configuration.put(CertbenchConfig.INTERACTIVE.name(), "false");
            }
            if (answers != null) {
                configuration.put(CertbenchConfig.ANSWERS.name(), answers.toAbsolutePath().toString());
            }
            // The Allure and Open Test Reporting views are made again from the whole run; the ledger is the record.
            for (String view : List.of(AllureResults.DIRECTORY, OPEN_TEST_REPORTING)) {
                deleteTree(outDir.resolve(view));
            }
        } else {
            if (devices.isEmpty()) {
                stderr.println("certbench: give the device profile(s) to certify (-d PROFILE), or --resume DIR");
                return ExitCodes.BAD_INPUT;
            }
            outDir = out != null ? out
                    : Path.of("certbench-runs", DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)));
            if (Files.exists(outDir.resolve(Ledger.FILE_NAME))) {
                stderr.println("certbench: " + outDir + " already holds a run (" + Ledger.FILE_NAME + "); give another --out, "
                        + "or continue it with --resume " + outDir);
                return ExitCodes.BAD_INPUT;
            }
            Integer refused = selectors(stderr, selectors);
            if (refused != null) {
                return refused;
            }
            configure(configuration, outDir);
        }
        try {
            Files.createDirectories(outDir);
            Path probe = Files.createTempFile(outDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            stderr.println("certbench: cannot write the output folder " + outDir + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        BundleSigner signer;
        try {
            signer = signer();
        } catch (BadOption e) {
            stderr.println("certbench: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!ended) {
            Integer result = launch(configuration, selectors, outDir, stdout, stderr);
            if (result != null) {
                return result;
            }
        }
        return bundle(outDir, signer, stdout, stderr);
    }

    /** The --select ids as selectors (or every suite); an exit code if one is not a certbench id. */
    private @org.jspecify.annotations.Nullable Integer selectors(PrintWriter stderr, List<DiscoverySelector> selectors) {
        for (String id : select) {
            try {
                UniqueId uniqueId = UniqueId.parse(id);
                if (!uniqueId.getEngineId().map(Segments.ENGINE_ID::equals).orElse(false)) {
                    throw new IllegalArgumentException("not a certbench id");
                }
                selectors.add(DiscoverySelectors.selectUniqueId(uniqueId));
            } catch (RuntimeException e) {
                stderr.println("certbench: --select " + id + ": not a certbench unique id such as "
                        + "[engine:certbench]/[device:ID]/[standard:ID]/[provision:ID]/[case:ID]");
                return ExitCodes.BAD_INPUT;
            }
        }
        if (selectors.isEmpty()) {
            SuiteRegistry.registered().forEach(suite -> selectors.add(DiscoverySelectors.selectClass(suite)));
        }
        return null;
    }

    /** The configuration parameters of a new run; paths absolute, so that the run can be resumed from anywhere. */
    private void configure(Map<String, String> configuration, Path outDir) {
        configuration.put(CertbenchConfig.DEVICES.name(),
                devices.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining(",")));
        configuration.put(CertbenchConfig.OUT.name(), outDir.toString());
        configuration.put(CertbenchConfig.STANDARDS.name(), String.join(",", standards));
        configuration.put(CertbenchConfig.PROVISIONS.name(), String.join(",", provisions));
        configuration.put(CertbenchConfig.ASSESSMENTS.name(), String.join(",", assessments));
        configuration.put(CertbenchConfig.PARALLEL.name(), String.valueOf(!sequential));
        configuration.put(CertbenchConfig.INTERACTIVE.name(), String.valueOf(!unattended));
        if (bench != null) {
            configuration.put(CertbenchConfig.BENCH.name(), bench.toAbsolutePath().normalize().toString());
        }
        if (timeout != null) {
            configuration.put(CertbenchConfig.TIMEOUT_DEFAULT.name(), timeout);
        }
        if (statuses != null) {
            configuration.put(CertbenchConfig.STATUSES.name(), statuses);
        }
        if (loginBudget != null) {
            configuration.put(CertbenchConfig.LOGIN_BUDGET.name(), loginBudget);
        }
        if (answers != null) {
            configuration.put(CertbenchConfig.ANSWERS.name(), answers.toAbsolutePath().normalize().toString());
        }
        if (operator != null) {
            configuration.put(CertbenchConfig.OPERATOR.name(), operator);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The signer the options name, or null for an unsigned bundle. */
    private @org.jspecify.annotations.Nullable BundleSigner signer() throws BadOption {
        if (signWith != null && pkcs11 != null) {
            throw new BadOption("give --sign-with or --pkcs11, not both");
        }
        if (tsa != null && signWith == null && pkcs11 == null) {
            throw new BadOption("--tsa time-stamps a signature: give --sign-with or --pkcs11 too");
        }
        if (signWith == null && pkcs11 == null) {
            return null;
        }
        Path key = signWith != null ? signWith : pkcs11;
        try {
            BundleSigner signer = signWith != null ? BundleSigner.fromPkcs12(signWith, password.read("Password of " + signWith))
                    : BundleSigner.fromPkcs11(pkcs11, keyAlias, password.read("PIN of the token in " + pkcs11));
            return tsa == null ? signer : signer.withTimeStamps(new TimeStampClient(tsa, java.time.Duration.ofSeconds(30)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new BadOption("cannot use the signing key " + key + ": " + e.getMessage());
        }
    }

    /** A command-line option that cannot be used. */
    private static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }

    /** Discovers and runs the campaign; an exit code if it must end here, null when the bundle is to be written. */
    private @org.jspecify.annotations.Nullable Integer launch(Map<String, String> configuration, List<DiscoverySelector> selectors,
            Path outDir, PrintWriter stdout, PrintWriter stderr) {
        // Bad input is reported by this command, with exit 3, instead of the launcher throwing at discovery.
        configuration.put(LauncherConstants.DISCOVERY_ISSUE_FAILURE_PHASE_PROPERTY_NAME, "execution");
        configuration.put("junit.platform.reporting.open.xml.enabled", "true");
        configuration.put(LauncherConstants.OUTPUT_DIR_PROPERTY_NAME, outDir.resolve(OPEN_TEST_REPORTING).toAbsolutePath().toString());
        Issues issues = new Issues();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(configuration)
                .enableImplicitConfigurationParameters(false)
                .listeners(issues)
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new CertbenchTestEngine())
                .build());
        TestPlan plan = launcher.discover(request);
        issues.warnings.forEach(w -> stderr.println("warning: " + w));
        if (!issues.errors.isEmpty()) {
            issues.errors.forEach(e -> stderr.println("error: " + e));
            stderr.println("certbench: " + issues.errors.size() + " problem(s) in the input; nothing was run");
            return ExitCodes.BAD_INPUT;
        }
        if (plan.countTestIdentifiers(t -> t.getUniqueIdObject().getLastSegment().getType().equals(Segments.CASE)) == 0) {
            stderr.println("certbench: the selection holds no test case; nothing was run");
            return ExitCodes.BAD_INPUT;
        }
        stdout.println("certbench: campaign in " + outDir.toAbsolutePath());
        boolean terminal = System.console() != null && !plain;
        AtomicReference<Throwable> engineFailure = new AtomicReference<>();
        TestExecutionListener engineWatch = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.getParentId().isEmpty() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                    engineFailure.set(result.getThrowable().orElse(new IllegalStateException("engine failed")));
                }
            }
        };
        launcher.execute(plan, new Progress(stdout, plan, terminal), engineWatch,
                new GuardedListener("Allure results", AllureResults.listener(outDir.resolve(AllureResults.DIRECTORY), new LedgerFacts(outDir)),
                        stderr),
                new GuardedListener("Open Test Reporting events", new OpenTestReportGeneratingListener(), stderr));
        if (engineFailure.get() != null) {
            stderr.println("certbench: the run could not complete: " + engineFailure.get().getMessage());
            if (!Files.exists(outDir.resolve(Ledger.FILE_NAME))) {
                return ExitCodes.INTERNAL;
            }
            engineFailed = true;
        }
        return null;
    }

    /** Summarises the ledger, writes the report, manifest, signature and zip. */
    private int bundle(Path outDir, @org.jspecify.annotations.Nullable BundleSigner signer, PrintWriter stdout, PrintWriter stderr)
            throws IOException {
        Summary summary = Summary.read(outDir);
        summary.print(stdout);
        if (!summary.ended()) {
            // A bundle of a run that did not end would look complete; the ledger keeps it resumable instead.
            stderr.println("certbench: the run did not end, so no bundle was made; its ledger and evidence are kept in " + outDir);
            stderr.println("certbench: once the cause is fixed, continue it with  certbench run --resume " + outDir);
            return ExitCodes.INTERNAL;
        }
        try {
            Report report = ReportBuilder.fromLedger(summary.rows());
            report.write(outDir.resolve(Report.FILE_NAME));
            stdout.println("Report:   " + HtmlReport.write(report, outDir));
            if (signer != null) {
                signer.sign(outDir);
                stdout.println("Signed:   " + outDir.resolve(Manifest.SIGNATURE_NAME) + " by " + signer.certificate().getSubjectX500Principal().getName());
            } else {
                Manifest.write(outDir);
                stdout.println("Manifest: " + outDir.resolve(Manifest.FILE_NAME) + " (not signed: give --sign-with)");
            }
            stdout.println("Bundle:   " + BundleZip.write(outDir));
        } catch (java.security.GeneralSecurityException | IOException e) {
            // Only the signature is missing: the ledger, evidence and report stay on disk for the operator.
            stderr.println("certbench: the bundle could not be written or signed: " + e.getMessage());
            stderr.println("certbench: the run's ledger, evidence and report are kept in " + outDir);
            return ExitCodes.INTERNAL;
        }
        return engineFailed ? ExitCodes.INTERNAL : summary.exitCode();
    }

    /** Collects discovery issues so bad input ends the run before anything touches a device. */
    private static final class Issues implements LauncherDiscoveryListener {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
            (issue.severity().compareTo(DiscoveryIssue.Severity.ERROR) >= 0 ? errors : warnings).add(issue.message());
        }
    }
}
