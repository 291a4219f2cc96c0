package org.certbench.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.api.Verdict;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.json}: the campaign, the bench and its check, the tools and suites (with the digest of
 * their code), and per device its profile as certified (secrets are only ever referenced), the ICS and
 * IXIT used, and per standard, provision and case the verdict with its reason, timings, evidence,
 * findings and operator answers, as the ledger recorded them. {@code reports/schema/report.schema.json}
 * describes it.
 *
 * <pre>{@code
 * Report report = Report.read(bundle.resolve(Report.FILE_NAME));
 * report.devices().get(0).overall(); // FAIL
 * }</pre>
 *
 * @param schema the format's name and version, {@code certbench-report/2}
 * @param campaign the run
 * @param bench the bench, and what its check found before the run
 * @param tools versions of certbench, Java, the OS and the protocol libraries
 * @param suites the suites run, with the digest of their code
 * @param devices every device certified
 */
public record Report(String schema, Campaign campaign, Bench bench, Map<String, String> tools, List<Suite> suites, List<Device> devices) {

    public static final String FILE_NAME = "report.json";
    public static final String SCHEMA = "certbench-report/2";
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    public Report {
        tools = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tools));
        suites = List.copyOf(suites);
        devices = List.copyOf(devices);
    }

    /** The run. */
    public record Campaign(String id, String started, @Nullable String ended, String operator, String certbench, String lab,
            List<String> standards) {
    }

    /** The bench the run used; {@code source} and {@code sha256} name the bench file, if there was one. */
    public record Bench(String lab, @Nullable String accreditation, String harnessAddress, String broker, Map<String, String> serialPorts,
            Map<String, String> outlets, @Nullable String source, @Nullable String sha256, List<BenchResource> check) {
    }

    /** One bench resource's check before the run: {@code status} is OK, DEAD or NOT_CHECKED. */
    public record BenchResource(String kind, String name, String target, String status, String detail) {
    }

    /** A suite the run used. */
    public record Suite(String standard, String version, String title, String suiteClass, String codeSha256) {
    }

    /** One device: who it is, its profile as certified, and its results. */
    public record Device(String id, String manufacturer, String model, String firmware, Verdict overall, Profile profile,
            List<Standard> standards, List<Scheme> schemes) {
        public Device {
            schemes = schemes == null ? List.of() : List.copyOf(schemes);
        }
    }

    /**
     * A mapped scheme's verdicts for the device, rolled up from the cases above (none ran twice): each
     * requirement from the cases it names ({@code standard/case}), the scheme from its requirements.
     */
    public record Scheme(String id, String version, String title, Verdict overall, @Nullable String reason,
            List<SchemeRequirement> requirements) {
    }

    /** One requirement of a scheme and the cases that cover it. */
    public record SchemeRequirement(String id, String title, Verdict verdict, @Nullable String reason, List<String> cases) {
    }

    /**
     * The profile a device was certified with: the file, its digest, its content (credentials appear
     * only as references such as {@code env:NAME}), and the ICS and IXIT it declares.
     */
    public record Profile(String file, String sha256, JsonNode content, @Nullable JsonNode ics, @Nullable JsonNode ixit) {
    }

    /** One standard's results for a device; its overall verdict follows ETSI TS 103 701. */
    public record Standard(String id, Verdict overall, @Nullable String reason, boolean icsValid, List<String> icsProblems,
            List<Provision> provisions) {
    }

    /** One provision (test group). */
    public record Provision(String id, Verdict verdict, @Nullable String reason, List<Case> cases) {
    }

    /** One test case. */
    public record Case(String id, String title, Verdict verdict, @Nullable String reason, String started, String ended, long durationMs,
            List<EvidenceFile> evidence, List<Finding> findings, List<Answer> answers) {
    }

    /** An operator's answer to a case's question, with who gave it, when, and from where (terminal or answers file). */
    public record Answer(String question, String text, String answer, String operator, String source, String at) {
    }

    /** A file of evidence. */
    public record EvidenceFile(String file, String sha256, long bytes) {
    }

    /** Something a case found. */
    public record Finding(String id, Verdict verdict, String summary) {
    }

    public void write(Path file) throws IOException {
        WholeFile.write(file, (MAPPER.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads a report; a malformed one is an IOException naming what is wrong. */
    public static Report read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), Report.class);
        } catch (JacksonException e) {
            throw new IOException(file.getFileName() + " is not a certbench report: " + e.getOriginalMessage(), e);
        }
    }

    private static void schemeProblems(Device device, List<String> problems) {
        Map<String, Verdict> caseVerdicts = new java.util.HashMap<>();
        device.standards().forEach(s -> s.provisions().forEach(p -> p.cases().forEach(c -> caseVerdicts.put(s.id() + "/" + c.id(), c.verdict()))));
        for (Scheme scheme : device.schemes()) {
            for (SchemeRequirement requirement : scheme.requirements()) {
                List<Verdict> verdicts = new ArrayList<>();
                for (String ref : requirement.cases()) {
                    Verdict verdict = caseVerdicts.get(ref);
                    if (verdict == null) {
                        problems.add("report.json: " + device.id() + " scheme " + scheme.id() + " requirement " + requirement.id()
                                + " names case " + ref + ", which the report does not hold");
                    } else {
                        verdicts.add(verdict);
                    }
                }
                Verdict expected = verdicts.isEmpty() ? Verdict.INCONCLUSIVE : Verdict.rollUp(verdicts);
                if (expected != requirement.verdict()) {
                    problems.add("report.json: " + device.id() + " scheme " + scheme.id() + " requirement " + requirement.id() + " says "
                            + requirement.verdict() + " but its cases roll up to " + expected);
                }
            }
            Verdict rolled = Verdict.rollUp(scheme.requirements().stream().map(SchemeRequirement::verdict).toList());
            if (scheme.overall() != rolled && !(scheme.overall() == Verdict.FAIL && scheme.reason() != null
                    && scheme.reason().startsWith("invalid ICS"))) {
                problems.add("report.json: " + device.id() + " scheme " + scheme.id() + " says " + scheme.overall()
                        + " but its requirements roll up to " + rolled);
            }
        }
    }

    /** Roll-ups that do not follow from what they roll up: the report contradicts itself. */
    public List<String> rollUpProblems() {
        List<String> problems = new ArrayList<>();
        if (!SCHEMA.equals(schema)) {
            problems.add("report.json: schema is '" + schema + "', expected " + SCHEMA);
        }
        for (Device device : devices) {
            List<Verdict> standardVerdicts = new ArrayList<>();
            for (Standard standard : device.standards()) {
                List<Verdict> provisionVerdicts = new ArrayList<>();
                for (Provision provision : standard.provisions()) {
                    Verdict expected = Verdict.rollUp(provision.cases().stream().map(Case::verdict).toList());
                    if (expected != provision.verdict()) {
                        problems.add("report.json: " + device.id() + " " + standard.id() + " " + provision.id() + " says " + provision.verdict()
                                + " but its cases roll up to " + expected);
                    }
                    provisionVerdicts.add(provision.verdict());
                }
                Verdict expected = standard.icsValid() ? Verdict.rollUp(provisionVerdicts) : Verdict.FAIL;
                if (expected != standard.overall()) {
                    problems.add("report.json: " + device.id() + " " + standard.id() + " says " + standard.overall() + " but "
                            + (standard.icsValid() ? "its provisions roll up to " : "its invalid ICS makes it ") + expected);
                }
                standardVerdicts.add(standard.overall());
            }
            schemeProblems(device, problems);
            Verdict expected = Verdict.rollUp(standardVerdicts);
            if (expected != device.overall()) {
                problems.add("report.json: " + device.id() + " says " + device.overall() + " but its standards roll up to " + expected);
            }
        }
        return problems;
    }
}
