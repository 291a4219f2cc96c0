package org.certbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.certbench.api.Verdict;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.json}: the campaign, and per device, standard, provision and case the verdict with its
 * reason, timings and evidence, as the ledger recorded them.
 *
 * <pre>{@code
 * Report report = Report.read(bundle.resolve(Report.FILE_NAME));
 * report.devices().get(0).overall(); // FAIL
 * }</pre>
 *
 * @param schema the format's name and version, {@code certbench-report/1}
 * @param campaign the run
 * @param devices every device certified
 */
public record Report(String schema, Campaign campaign, List<Device> devices) {

    public static final String FILE_NAME = "report.json";
    public static final String SCHEMA = "certbench-report/1";
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Report {
        devices = List.copyOf(devices);
    }

    /** The run. */
    public record Campaign(String id, String started, @Nullable String ended, String operator, String certbench, String lab,
            List<String> standards) {
    }

    /** One device's results. */
    public record Device(String id, Verdict overall, List<Standard> standards) {
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
            List<EvidenceFile> evidence, List<Finding> findings) {
    }

    /** A file of evidence. */
    public record EvidenceFile(String file, String sha256, long bytes) {
    }

    /** Something a case found. */
    public record Finding(String id, Verdict verdict, String summary) {
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(this) + "\n");
    }

    /** Reads a report; a malformed one is an IOException naming what is wrong. */
    public static Report read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), Report.class);
        } catch (JacksonException e) {
            throw new IOException(file.getFileName() + " is not a certbench report: " + e.getOriginalMessage(), e);
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
            Verdict expected = Verdict.rollUp(standardVerdicts);
            if (expected != device.overall()) {
                problems.add("report.json: " + device.id() + " says " + device.overall() + " but its standards roll up to " + expected);
            }
        }
        return problems;
    }
}
