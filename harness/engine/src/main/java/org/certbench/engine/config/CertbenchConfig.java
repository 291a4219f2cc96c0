package org.certbench.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.certbench.api.Assessment;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration parameters of certbench, each declared once with type, default and description,
 * in the manner of Californium's {@code CoapConfig}. The CLI sets them from its options; a Maven
 * Surefire run or an IDE sets them as JUnit Platform configuration parameters.
 *
 * <pre>{@code
 * Duration deadline = CertbenchConfig.TIMEOUT_DEFAULT.get(parameters);
 * List<Path> profiles = CertbenchConfig.DEVICES.get(parameters);
 * }</pre>
 */
public final class CertbenchConfig {

    /** Device profiles to certify: comma-separated paths. */
    public static final Key<List<Path>> DEVICES = new Key<>("certbench.devices", "paths",
            "Device profiles (YAML) to certify, comma-separated.", "", CertbenchConfig::paths);

    /** The bench file; empty means the built-in local bench. */
    public static final Key<Optional<Path>> BENCH = new Key<>("certbench.bench", "path",
            "Bench file (YAML); without one, the local bench (this machine, loopback) is used.", "",
            v -> v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.strip())));

    /** Standards to run; empty means every suite selected. */
    public static final Key<Set<String>> STANDARDS = new Key<>("certbench.standards", "ids",
            "Standard ids to run, comma-separated (e.g. etsi-en-303-645); empty runs every selected suite.", "",
            CertbenchConfig::ids);

    /** Provisions to run; empty means all. */
    public static final Key<Set<String>> PROVISIONS = new Key<>("certbench.provisions", "ids",
            "Provision ids to run, comma-separated (e.g. 5.6-1,5.1-1); empty runs all.", "", CertbenchConfig::ids);

    /** Another edition's provision statuses, for suites whose catalogue lists it. */
    public static final Key<Optional<String>> STATUSES = new Key<>("certbench.statuses", "edition",
            "Judge the ICS and report provisions with the statuses of another edition of the standard, for suites whose "
                    + "catalogue lists it (2.1.1: EN 303 645 V2.1.1, which UK PSTI cites); empty: each standard's own.", "",
            v -> v.isBlank() ? Optional.empty() : Optional.of(v.strip().replaceFirst("^[vV]", "")));

    /** Kinds of test case to run. */
    public static final Key<Set<Assessment>> ASSESSMENTS = new Key<>("certbench.assessments", "kinds",
            "Kinds of test case to run, comma-separated: conceptual (IXIT review, assessor's judgement), functional "
                    + "(against the device); empty runs both, as ETSI TS 103 701 assesses.", "",
            CertbenchConfig::assessments);

    /** Where the run's ledger, evidence and bundle go. */
    public static final Key<Optional<Path>> OUT = new Key<>("certbench.out", "path",
            "Output folder of the run (ledger, evidence); default certbench-runs/<campaign id>.", "",
            v -> v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.strip())));

    /** The deadline of a case that does not set its own. */
    public static final Key<Duration> TIMEOUT_DEFAULT = new Key<>("certbench.timeout.default", "duration",
            "Deadline of a test case that sets none; past it the case is INCONCLUSIVE and the lane goes on.", "PT5M",
            Durations::parse);

    /** How INCONCLUSIVE shows in JUnit: aborted (default) or failed. */
    public static final Key<InconclusiveResult> INCONCLUSIVE_RESULT = new Key<>("certbench.inconclusive.result",
            "aborted|failed", "JUnit result of an INCONCLUSIVE case: aborted (default) or failed, for CI that must go red.",
            "aborted", v -> InconclusiveResult.valueOf(v.strip().toUpperCase(Locale.ROOT)));

    /** Whether devices run in parallel lanes. */
    public static final Key<Boolean> PARALLEL = new Key<>("certbench.parallel", "boolean",
            "Run devices in parallel, one lane each (cases of one device always run one at a time).", "true",
            CertbenchConfig::bool);

    /** Connects in flight during a TCP port scan. */
    public static final Key<Integer> SCAN_CONCURRENCY = new Key<>("certbench.scan.concurrency", "integer",
            "TCP connects in flight at once during a port scan (1-16384).", "512", v -> {
                int n = Integer.parseInt(v.strip());
                if (n < 1 || n > 16_384) {
                    throw new IllegalArgumentException(n + " is not within 1-16384");
                }
                return n;
            });

    /** How long an unanswered connect waits. */
    public static final Key<Duration> SCAN_TIMEOUT = new Key<>("certbench.scan.timeout", "duration",
            "How long an unanswered TCP connect waits before the port counts as filtered.", "1500ms", Durations::parse);

    /** How long a complete scan is reused by later cases. */
    public static final Key<Duration> SCAN_REUSE = new Key<>("certbench.scan.reuse", "duration",
            "How long a complete all-port TCP scan made for one case is reused by the campaign's later cases on the same "
                    + "device, instead of scanning again (each case's evidence records the scan it used, when and for which "
                    + "case it was made); 0s scans afresh for every case.", "30m", Durations::parse);

    /** The most login attempts one login-probe call makes. */
    public static final Key<Integer> LOGIN_BUDGET = new Key<>("certbench.login.budget", "integer",
            "The most login attempts one default-credential or brute-force check makes on one surface (1-10000).", "100", v -> {
                int n = Integer.parseInt(v.strip());
                if (n < 1 || n > 10_000) {
                    throw new IllegalArgumentException(n + " is not within 1-10000");
                }
                return n;
            });

    /** Who is operating the bench. */
    public static final Key<String> OPERATOR = new Key<>("certbench.operator", "name",
            "Name of the person operating the bench, recorded with every answer; default the OS user.", "",
            v -> v.isBlank() ? System.getProperty("user.name", "unknown") : v.strip());

    /** Answers for unattended runs. */
    public static final Key<Optional<Path>> ANSWERS = new Key<>("certbench.answers", "path",
            "YAML answers file for operator questions in unattended runs (question id: answer).", "",
            v -> v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.strip())));

    /** Whether the operator may be asked on the terminal. */
    public static final Key<Boolean> INTERACTIVE = new Key<>("certbench.interactive", "boolean",
            "Ask the operator on the terminal when no answer is on file (only when a terminal is attached).", "true",
            CertbenchConfig::bool);

    /** Whether this run continues a stopped one. */
    public static final Key<Boolean> RESUME = new Key<>("certbench.resume", "boolean",
            "Continue the stopped run whose ledger is in certbench.out: the cases it decided keep their verdicts and are not "
                    + "run again, the cases it had begun start over (their first attempt's evidence is kept aside).", "false",
            CertbenchConfig::bool);

    /** Every key, for documentation and for spotting misspelt ones. */
    public static final List<Key<?>> ALL = List.of(DEVICES, BENCH, STANDARDS, PROVISIONS, STATUSES, ASSESSMENTS, OUT, TIMEOUT_DEFAULT,
            INCONCLUSIVE_RESULT, PARALLEL, SCAN_CONCURRENCY, SCAN_TIMEOUT, SCAN_REUSE, LOGIN_BUDGET, OPERATOR, ANSWERS, INTERACTIVE, RESUME);

    private CertbenchConfig() {
    }

    /** How an INCONCLUSIVE verdict is reported to JUnit. */
    public enum InconclusiveResult {
        ABORTED,
        FAILED
    }

    /**
     * One declared configuration parameter.
     *
     * @param <T> the value's type
     */
    public static final class Key<T> {
        private final String name;
        private final String type;
        private final String description;
        private final String defaultValue;
        private final Function<String, T> parser;

        Key(String name, String type, String description, String defaultValue, Function<String, T> parser) {
            this.name = name;
            this.type = type;
            this.description = description;
            this.defaultValue = defaultValue;
            this.parser = parser;
        }

        public String name() {
            return name;
        }

        public String type() {
            return type;
        }

        public String description() {
            return description;
        }

        public String defaultValue() {
            return defaultValue;
        }

        /**
         * The value in {@code parameters}, or the default.
         *
         * @throws IllegalArgumentException naming the key when the value does not parse
         */
        public T get(ConfigurationParameters parameters) {
            String raw = parameters.get(name).orElse(defaultValue);
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("configuration parameter " + name + " (" + type + "): "
                        + (e.getMessage() == null ? "invalid value '" + raw + "'" : e.getMessage()), e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Path> paths(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private static Set<String> ids(String value) {
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        return ids;
    }

    private static Set<Assessment> assessments(String value) {
        Set<Assessment> kinds = EnumSet.noneOf(Assessment.class);
        for (String id : ids(value)) {
            try {
                kinds.add(Assessment.valueOf(id.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + id + "' is not conceptual or functional", e);
            }
        }
        return kinds.isEmpty() ? EnumSet.allOf(Assessment.class) : kinds;
    }

    private static boolean bool(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is not true or false");
        }
        return v.equals("true");
    }
}
