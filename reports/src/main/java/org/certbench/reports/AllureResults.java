package org.certbench.reports;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.certbench.api.Level;
import org.certbench.api.Verdict;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.jspecify.annotations.Nullable;

/**
 * The bundle's {@code allure-results/}: allure-junit-platform listens to the run like any JUnit Platform
 * listener, and each case's result is completed from what certbench recorded before it is written: the
 * standard as parent suite, the device as suite, the provision as sub-suite, severity from the
 * provision's level (shall → critical, should → normal), the rich verdict as status (INCONCLUSIVE shows
 * as unknown, ERROR as broken, NOT_APPLICABLE as skipped), findings as steps and evidence files as
 * attachments. Findings are not reported as tests of their own, so Allure counts each case once.
 *
 * <pre>{@code
 * TestExecutionListener allure = AllureResults.listener(bundle.resolve("allure-results"), uid -> ledgerFacts(uid));
 * launcher.execute(plan, allure);
 * }</pre>
 */
public final class AllureResults {

    /** The folder name inside a bundle. */
    public static final String DIRECTORY = "allure-results";

    /** The unique-id segment type of a finding (the engine's {@code Segments.FINDING}). */
    private static final String FINDING_SEGMENT = "finding";
    /** Labels allure-junit-platform derives from the Java class and method; certbench's hierarchy replaces them. */
    private static final Set<String> REPLACED = Set.of(ResultsUtils.SUITE_LABEL_NAME, ResultsUtils.PARENT_SUITE_LABEL_NAME,
            ResultsUtils.SUB_SUITE_LABEL_NAME, ResultsUtils.SEVERITY_LABEL_NAME, ResultsUtils.PACKAGE_LABEL_NAME);

    private AllureResults() {
    }

    /**
     * What certbench recorded for one case, by the time its result is written.
     *
     * @param device the device id
     * @param standard the standard id
     * @param provision the provision id
     * @param level the provision's level
     * @param verdict the case's verdict
     * @param reason why, if the verdict is not PASS
     * @param evidence the case's evidence files
     * @param findings what the case found
     */
    public record CaseFacts(String device, String standard, String provision, Level level, Verdict verdict, @Nullable String reason,
            List<Path> evidence, List<Report.Finding> findings) {
        public CaseFacts {
            evidence = List.copyOf(evidence);
            findings = List.copyOf(findings);
        }
    }

    /** Looks up a case by its unique id; empty for anything that is not a certbench case. */
    @FunctionalInterface
    public interface Lookup {
        Optional<CaseFacts> find(String uniqueId);
    }

    /** A listener writing Allure results into {@code directory} (created if needed). */
    public static TestExecutionListener listener(Path directory, Lookup lookup) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return new AllureJunitPlatform(new AllureLifecycle(new CertbenchWriter(new FileSystemResultsWriter(directory), lookup)));
    }

    /** The Allure severity of a provision's level. */
    static String severity(Level level) {
        return level == Level.MANDATORY ? "critical" : "normal";
    }

    static @Nullable Status status(Verdict verdict) {
        return switch (verdict) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            case ERROR -> Status.BROKEN;
            case NOT_APPLICABLE -> Status.SKIPPED;
            case INCONCLUSIVE -> null;
        };
    }

    private static final class CertbenchWriter implements AllureResultsWriter {

        private final AllureResultsWriter delegate;
        private final Lookup lookup;

        CertbenchWriter(AllureResultsWriter delegate, Lookup lookup) {
            this.delegate = delegate;
            this.lookup = lookup;
        }

        @Override
        public void write(TestResult result) {
            Optional<String> uid = result.getLabels().stream().filter(l -> AllureJunitPlatform.JUNIT_PLATFORM_UNIQUE_ID.equals(l.getName()))
                    .map(Label::getValue).findFirst();
            if (uid.isPresent() && isFinding(uid.get())) {
                return;
            }
            uid.flatMap(lookup::find).ifPresent(facts -> complete(result, facts));
            delegate.write(result);
        }

        private void complete(TestResult result, CaseFacts facts) {
            result.getLabels().removeIf(l -> REPLACED.contains(l.getName()));
            result.getLabels().add(ResultsUtils.createParentSuiteLabel(facts.standard()));
            result.getLabels().add(ResultsUtils.createSuiteLabel(facts.device()));
            result.getLabels().add(ResultsUtils.createSubSuiteLabel(facts.provision()));
            result.getLabels().add(ResultsUtils.createLabel(ResultsUtils.SEVERITY_LABEL_NAME, severity(facts.level())));
            result.getLabels().add(ResultsUtils.createTagLabel(facts.level().name().toLowerCase(Locale.ROOT)));
            result.setStatus(status(facts.verdict()));
            result.setStatusDetails(new StatusDetails().setMessage(facts.verdict() + (facts.reason() == null ? "" : ": " + facts.reason())));
            for (Report.Finding finding : facts.findings()) {
                result.getSteps().add(new StepResult().setName(finding.id() + ": " + finding.summary()).setStatus(status(finding.verdict()))
                        .setStart(result.getStart()).setStop(result.getStop()));
            }
            for (Path file : facts.evidence()) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String source = UUID.randomUUID() + "-attachment" + (dot > 0 ? name.substring(dot) : "");
                try (InputStream in = Files.newInputStream(file)) {
                    delegate.write(source, in);
                } catch (IOException e) {
                    result.getSteps().add(new StepResult().setName("evidence " + name + " could not be attached: " + e.getMessage())
                            .setStatus(Status.BROKEN));
                    continue;
                }
                result.getAttachments().add(new Attachment().setName(name).setSource(source).setType(mediaType(name)));
            }
        }

        @Override
        public void write(TestResultContainer container) {
            delegate.write(container);
        }

        @Override
        public void write(String source, InputStream attachment) {
            delegate.write(source, attachment);
        }
    }

    private static boolean isFinding(String uid) {
        try {
            return UniqueId.parse(uid).getLastSegment().getType().equals(FINDING_SEGMENT);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt") || lower.endsWith(".log")) {
            return "text/plain";
        }
        if (lower.endsWith(".json") || lower.endsWith(".jsonl")) {
            return "application/json";
        }
        if (lower.endsWith(".pem")) {
            return "application/x-pem-file";
        }
        if (lower.endsWith(".pcap")) {
            return "application/vnd.tcpdump.pcap";
        }
        return "application/octet-stream";
    }
}
