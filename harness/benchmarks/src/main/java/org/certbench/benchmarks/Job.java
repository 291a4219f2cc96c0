package org.certbench.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.certbench.cli.Certbench;
import org.certbench.engine.ledger.Digests;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerReader;
import org.certbench.engine.ledger.LedgerRow;
import org.certbench.lab.virtual.InJvmBench;
import org.certbench.lab.virtual.Variant;
import org.certbench.probes.Deadline;
import org.certbench.probes.coap.CoapProbe;
import org.certbench.probes.coap.CoapResult;
import org.certbench.probes.coap.CoapSecurity;
import org.certbench.probes.coap.CoapTarget;
import org.certbench.probes.login.Attempt;
import org.certbench.probes.login.DefaultsResult;
import org.certbench.probes.login.LoginProbe;
import org.certbench.probes.login.LoginSurface;
import org.certbench.probes.login.Wordlist;
import org.certbench.probes.net.PortRange;
import org.certbench.probes.net.PortScan;
import org.certbench.probes.net.ScanOptions;
import org.certbench.probes.net.TcpPortScanner;
import org.certbench.probes.tls.CipherSuite;
import org.certbench.probes.tls.TlsScan;
import org.certbench.probes.tls.TlsScanOptions;
import org.certbench.probes.tls.TlsScanner;
import org.certbench.reports.BundleSigner;
import org.certbench.reports.BundleVerifier;
import org.certbench.reports.Manifest;
import org.certbench.reports.TestKeys;

/**
 * One benchmark job, run as {@code run.sh} times it: a fresh JVM, the job, one JSON line of what was
 * found on standard output. Jobs:
 *
 * <pre>{@code
 * java -cp … org.certbench.benchmarks.Job scan 10.214.0.2            # {"open":[22,80,443]}
 * java -cp … org.certbench.benchmarks.Job tls 10.214.0.2 443         # {"TLSv1.2":["ECDHE-RSA-AES128-GCM-SHA256",…],…}
 * java -cp … org.certbench.benchmarks.Job coap 10.214.0.2 5683 1000  # {"requests":1000,"answered":1000}
 * java -cp … org.certbench.benchmarks.Job login ftp 10.214.0.2 21 / credentials.txt 4
 *                                               # {"attempts":100,"found":"owner","sha256":"…"} (of user:password; never the password)
 * java -cp … org.certbench.benchmarks.Job keys DIR                   # a TEST signing key (password: CERTBENCH_KEYSTORE_PASSWORD)
 * java -cp … org.certbench.benchmarks.Job sign BUNDLE KEYSTORE       # {"files":17,"bytes":1073741824}
 * java -cp … org.certbench.benchmarks.Job verify BUNDLE CA           # {"valid":true,"problems":[]}
 * java -cp … org.certbench.benchmarks.Job engine 100                 # 100 devices × 100 trivial cases: {"tests":10000,"failed":0}
 * java -cp … org.certbench.benchmarks.Job jupiter                    # 10,000 trivial Jupiter tests: {"tests":10000,"failed":0}
 * java -cp … org.certbench.benchmarks.Job campaign 16 DIR            # EN 303 645 on 16 in-JVM flawed devices at once:
 *                                               # {"devices":16,"campaign_s":…,"cases":[{"device":…,"case":…,"verdict":…,"ms":…},…]}
 * }</pre>
 */
public final class Job {

    private Job() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String json = switch (args[0]) {
            case "scan" -> scan(arg(args, 1), times(args, 2));
            case "tls" -> tls(arg(args, 1), Integer.parseInt(arg(args, 2)), times(args, 3));
            case "coap" -> coap(arg(args, 1), Integer.parseInt(arg(args, 2)), Integer.parseInt(arg(args, 3)));
            case "login" -> login(arg(args, 1), arg(args, 2), Integer.parseInt(arg(args, 3)), arg(args, 4), Path.of(arg(args, 5)),
                    Integer.parseInt(arg(args, 6)));
            case "keys" -> keys(Path.of(arg(args, 1)));
            case "sign" -> sign(Path.of(arg(args, 1)), Path.of(arg(args, 2)));
            case "verify" -> verify(Path.of(arg(args, 1)), Path.of(arg(args, 2)));
            case "engine" -> engine(Integer.parseInt(arg(args, 1)));
            case "jupiter" -> jupiter();
            case "campaign" -> campaign(Integer.parseInt(arg(args, 1)), Path.of(arg(args, 2)));
            default -> {
                usage();
                yield "";
            }
        };
        System.out.println(json);
    }

    /** How many times to do the job in this process (an optional last argument, 1 by default). */
    private static int times(String[] args, int index) {
        return args.length > index ? Integer.parseInt(args[index]) : 1;
    }

    private static String arg(String[] args, int index) {
        if (args.length <= index) {
            usage();
        }
        return args[index];
    }

    private static void usage() {
        System.err.println("usage: Job scan HOST [TIMES] | tls HOST PORT [TIMES] | coap HOST PORT COUNT"
                + " | login telnet|ftp|http HOST PORT PATH CREDENTIALS PARALLELISM | keys DIR | sign BUNDLE KEYSTORE | verify BUNDLE CA"
                + " | engine DEVICES | jupiter | campaign DEVICES DIR");
        System.exit(3);
    }

    /**
     * All 65,535 TCP ports, as {@code nmap -sT -p-} does; {@code times} scans in one process, as a campaign scans one
     * device after another, so that the second's time (the run of 2 less the run of 1) leaves the JVM's start and its
     * compiler's first work out. Every scan must find the same ports.
     */
    static String scan(String host, int times) throws IOException {
        PortScan scan = null;
        for (int i = 0; i < times; i++) {
            PortScan next = new TcpPortScanner(ScanOptions.DEFAULT).scan(host, PortRange.ALL, Deadline.NONE);
            if (scan != null && !next.open().equals(scan.open())) {
                return "{\"open\":\"differs: " + scan.open() + " then " + next.open() + "\",\"complete\":false}";
            }
            scan = next;
        }
        return "{\"open\":" + scan.open() + ",\"complete\":" + scan.complete() + "}";
    }

    /**
     * Versions and suites an endpoint accepts, by OpenSSL name as sslscan prints them; {@code times} scans in one
     * process, as for {@link #scan}.
     */
    static String tls(String host, int port, int times) {
        Map<String, List<String>> suites = null;
        for (int i = 0; i < times; i++) {
            TlsScan scan = new TlsScanner(TlsScanOptions.DEFAULT).scan(host, port, Deadline.NONE, null);
            Map<String, List<String>> found = new TreeMap<>();
            scan.suites().forEach((version, list) -> found.put(version.label(), list.stream().map(CipherSuite::opensslName).sorted().toList()));
            if (suites != null && !found.equals(suites)) {
                return "{\"differs\":[\"" + suites + " then " + found + "\"]}";
            }
            suites = found;
        }
        return suites.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue().stream().map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(",", "{", "}"));
    }

    /** {@code count} confirmable GETs of {@code /.well-known/core}, one after another over one client session. */
    static String coap(String host, int port, int count) {
        CoapProbe probe = CoapProbe.standalone(Deadline.in(Duration.ofMinutes(10)));
        CoapTarget target = new CoapTarget(host, port, CoapSecurity.none());
        int answered = 0;
        try (CoapProbe.Exchanges session = probe.open(target)) {
            for (int i = 0; i < count; i++) {
                CoapResult result = session.get("/.well-known/core", true);
                if (result.success()) {
                    answered++;
                }
            }
        }
        return "{\"requests\":" + count + ",\"answered\":" + answered + "}";
    }

    /**
     * The credentials of the file ({@code user:password} a line) tried in order on one login surface, {@code parallelism}
     * at once, as {@code hydra -t} does. What was found is told by the SHA-256 of {@code user:password}, so that the
     * comparison with hydra's find never prints the password.
     */
    static String login(String kind, String host, int port, String path, Path credentials, int parallelism) throws IOException {
        LoginSurface surface = switch (kind) {
            case "telnet" -> LoginSurface.telnet(host, port);
            case "ftp" -> LoginSurface.ftp(host, port);
            case "http" -> LoginSurface.http(host, port, path, false);
            default -> {
                usage();
                yield null;
            }
        };
        Wordlist list = Wordlist.load(credentials);
        DefaultsResult result = LoginProbe.standalone(Deadline.in(Duration.ofMinutes(10)), list.entries().size())
                .tryDefaults(surface, list, parallelism);
        Map<Attempt.Outcome, Long> outcomes = result.attempts().stream()
                .collect(Collectors.groupingBy(Attempt::outcome, TreeMap::new, Collectors.counting()));
        String found = result.accepted().map(c -> "\"found\":\"" + c.username() + "\",\"sha256\":\"" + Digests.sha256(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)) + "\"").orElse("\"found\":null");
        return "{\"attempts\":" + result.attempts().size() + "," + found + ",\"outcomes\":" + outcomes.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}")) + "}";
    }

    static String keys(Path dir) throws IOException, GeneralSecurityException {
        TestKeys.Made made = TestKeys.create(dir, password());
        return "{\"keystore\":\"" + made.keystore() + "\",\"ca\":\"" + made.caCertificate() + "\"}";
    }

    /** Writes the bundle's manifest (SHA-256 of every file) and its CMS signature. */
    static String sign(Path bundle, Path keystore) throws IOException, GeneralSecurityException {
        BundleSigner.fromPkcs12(keystore, password()).sign(bundle);
        List<String> lines = Files.readAllLines(bundle.resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8);
        long bytes = 0;
        for (String line : lines) {
            bytes += Files.size(bundle.resolve(line.substring(66)));
        }
        return "{\"files\":" + lines.size() + ",\"bytes\":" + bytes + "}";
    }

    /** Checks signature, chain, every digest and the report, as {@code certbench verify} does. */
    static String verify(Path bundle, Path ca) throws IOException, GeneralSecurityException {
        X509Certificate trusted;
        try (var in = Files.newInputStream(ca)) {
            trusted = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        BundleVerifier.Result result = BundleVerifier.verify(bundle, trusted);
        return "{\"valid\":" + result.valid() + ",\"problems\":" + result.problems().stream().map(p -> "\"" + p.replace("\"", "'") + "\"")
                .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    /** The trivial suite on {@code devices} devices (100 cases each), through the launcher, with its ledger. */
    static String engine(int devices) throws IOException {
        Path dir = Files.createTempDirectory("certbench-engine-bench");
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            Path profile = dir.resolve("device-" + i + ".yaml");
            Files.writeString(profile, "certbench: 1\ndevice: { id: bench-" + i + ", manufacturer: certbench, model: trivial, firmware: \"1\" }\n");
            profiles.add(profile.toString());
        }
        return launch(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(
                        org.certbench.benchmarks.trivial.TrivialSuite.class))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("certbench"))
                .configurationParameter("certbench.devices", String.join(",", profiles))
                .configurationParameter("certbench.out", dir.resolve("run").toString()));
    }

    /** The 10,000 trivial Jupiter tests through the same launcher. */
    static String jupiter() {
        return launch(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(
                        org.certbench.benchmarks.trivial.TrivialJupiterTests.class))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("junit-jupiter")));
    }

    /**
     * The full EN 303 645 campaign, as {@code certbench demo} runs it (unattended, the bench's answers, the demo's login
     * budget), on {@code devices} copies of the flawed virtual device at once, served from this JVM. Timed from the
     * command's start to its exit, the devices' start-up left out; every case's verdict and time from the ledger.
     * The JVM's heap holds the devices too (and the lab broker, which a lab's campaign holds as well), so the peak
     * heap of the process bounds the campaign's from above.
     */
    static String campaign(int devices, Path dir) throws IOException {
        List<Variant> variants = IntStream.range(0, devices)
                .mapToObj(Variant::flawedCopy).toList();
        try (InJvmBench bench = InJvmBench.start(variants, dir.resolve("bench"))) {
            Path out = dir.resolve("run");
            List<String> run = new ArrayList<>(List.of("run", "--bench", bench.benchFile().toString(), "--out", out.toString(),
                    "--unattended", "--answers", bench.answersFile().toString(), "--login-budget", "12", "--plain"));
            for (Variant variant : variants) {
                run.add("--device");
                run.add(bench.profiles().get(variant).toString());
            }
            StringWriter log = new StringWriter();
            long started = System.nanoTime();
            int exit = Certbench.execute(run.toArray(String[]::new), new PrintWriter(log, true),
                    new PrintWriter(log, true));
            double seconds = (System.nanoTime() - started) / 1e9;
            Files.writeString(dir.resolve("campaign.log"), log.toString());
            List<LedgerRow> rows = LedgerReader.read(
                    out.resolve(Ledger.FILE_NAME));
            Map<String, String> titles = new TreeMap<>();
            LedgerReader.rows(rows, LedgerRow.Plan.class).forEach(p -> titles.put(p.uid(), p.title()));
            String cases = LedgerReader.rows(rows, LedgerRow.CaseVerdict.class)
                    .stream().map(v -> "{\"device\":\"" + v.device() + "\",\"case\":\"" + v.caseId() + "\",\"title\":\""
                            + titles.getOrDefault(v.uid(), "").replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"verdict\":\""
                            + v.verdict() + "\",\"ms\":" + v.durationMs() + "}")
                    .collect(Collectors.joining(",", "[", "]"));
            return String.format(java.util.Locale.ROOT, "{\"devices\":%d,\"exit\":%d,\"campaign_s\":%.3f,\"cases\":%s}", devices, exit,
                    seconds, cases);
        }
    }

    private static String launch(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder request) {
        var summary = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
        // Listeners found on the class path (Allure's, through reports) would time their own writing, not the engines';
        // they register when the launcher is made, so only the launcher's own configuration keeps them out.
        org.junit.platform.launcher.core.LauncherConfig config = org.junit.platform.launcher.core.LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).enablePostDiscoveryFilterAutoRegistration(false).build();
        org.junit.platform.launcher.core.LauncherFactory.create(config).execute(request.enableImplicitConfigurationParameters(false).build(),
                summary);
        return "{\"tests\":" + summary.getSummary().getTestsSucceededCount() + ",\"failed\":"
                + (summary.getSummary().getTestsFailedCount() + summary.getSummary().getTestsAbortedCount()) + "}";
    }

    private static char[] password() {
        String password = System.getenv("CERTBENCH_KEYSTORE_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("set CERTBENCH_KEYSTORE_PASSWORD");
            System.exit(3);
        }
        return password.toCharArray();
    }
}
