package org.certbench.engine.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certbench.api.Bench;
import org.certbench.engine.config.CampaignSettings;
import org.certbench.engine.descriptor.CaseDescriptor;
import org.certbench.engine.descriptor.CertbenchEngineDescriptor;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.input.BenchLoader;
import org.certbench.engine.input.InputProblem;
import org.certbench.engine.input.InvalidInputException;
import org.certbench.engine.input.LoadedProfile;
import org.certbench.engine.input.ProfileLoader;
import org.certbench.engine.suite.SchemeModel;
import org.certbench.engine.suite.SuiteModel;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Discovers a campaign: reads the inputs, resolves the selectors into the tree, and reports every bad
 * input as an ERROR discovery issue (which fails the run) naming file and line. A selection that names
 * suites but yields no case is an error too: an empty campaign never passes.
 *
 * <pre>{@code
 * CertbenchEngineDescriptor engine = new CertbenchDiscoverer().discover(request, uniqueId);
 * }</pre>
 */
public final class CertbenchDiscoverer {

    public CertbenchEngineDescriptor discover(EngineDiscoveryRequest request, UniqueId engineId) {
        CertbenchEngineDescriptor engine = new CertbenchEngineDescriptor(engineId);
        Issues issues = new Issues(request, engineId);
        CampaignSettings settings;
        try {
            settings = CampaignSettings.from(request.getConfigurationParameters());
        } catch (IllegalArgumentException e) {
            issues.error(e.getMessage(), null);
            return engine;
        }
        List<LoadedProfile> devices = new ArrayList<>();
        Map<String, Path> seenIds = new HashMap<>();
        // Read on every core (a bench of 100 profiles), then taken in the given order so problems and duplicates are
        // reported as a sequential read would.
        List<Object> read = settings.devices().parallelStream().map(CertbenchDiscoverer::loadOrProblem).toList();
        for (int i = 0; i < read.size(); i++) {
            Path path = settings.devices().get(i);
            try {
                if (read.get(i) instanceof InvalidInputException e) {
                    throw e;
                }
                LoadedProfile loaded = (LoadedProfile) read.get(i);
                Path earlier = seenIds.putIfAbsent(loaded.dut().id(), path);
                if (earlier != null) {
                    issues.problem(loaded.document().problemAt("/device/id", false,
                            "device id " + loaded.dut().id() + " is also used by " + earlier));
                } else {
                    devices.add(loaded);
                }
            } catch (InvalidInputException e) {
                e.problems().forEach(issues::problem);
            }
        }
        Bench bench = Bench.LOCAL;
        if (settings.bench().isPresent()) {
            try {
                bench = BenchLoader.load(settings.bench().get());
            } catch (InvalidInputException e) {
                e.problems().forEach(issues::problem);
            }
        }
        AnswersFile answers = AnswersFile.NONE;
        if (settings.answers().isPresent()) {
            try {
                answers = AnswersFile.load(settings.answers().get());
            } catch (InvalidInputException e) {
                e.problems().forEach(issues::problem);
            }
        }
        DiscoveryInputs inputs = new DiscoveryInputs(settings, devices, bench, answers);
        engine.setInputs(inputs.settings(), inputs.bench(), inputs.answers());
        DescriptorFactory factory = new DescriptorFactory(inputs, engineId);
        EngineDiscoveryRequestResolver.<CertbenchEngineDescriptor>builder()
                .addClassContainerSelectorResolver(SuiteModel::isSuite)
                .addSelectorResolver(new SuiteSelectorResolver(inputs, factory))
                .addSelectorResolver(new UniqueIdSelectorResolver(inputs, factory, engineId))
                .build()
                .resolve(request, engine);
        if (inputs.suiteSelected()) {
            checkSelection(engine, inputs, issues, settings.devices().isEmpty());
        }
        return engine;
    }

    private static Object loadOrProblem(Path path) {
        try {
            return ProfileLoader.load(path);
        } catch (InvalidInputException e) {
            return e;
        }
    }

    private static void checkSelection(CertbenchEngineDescriptor engine, DiscoveryInputs inputs, Issues issues,
            boolean noDevicesGiven) {
        for (SuiteModel suite : inputs.knownSuites()) {
            for (SuiteModel.Problem problem : suite.problems()) {
                issues.error(suite.suiteClass().getSimpleName() + ": " + problem.message(),
                        problem.method().<TestSource>map(MethodSource::from).orElse(ClassSource.from(suite.suiteClass())));
            }
        }
        if (noDevicesGiven) {
            issues.error("suites were selected but no device profile was given: set certbench.devices "
                    + "(certbench run --device PROFILE)", null);
        }
        inputs.settings().statuses().ifPresent(edition -> {
            if (inputs.knownSuites().stream().noneMatch(s -> s.statusEdition().isPresent())) {
                issues.error("certbench.statuses: no selected standard's catalogue has the statuses of edition " + edition
                        + " (EN 303 645 has 2.1.1)", null);
            }
        });
        for (String standard : inputs.settings().standards()) {
            if (inputs.suite(standard).isEmpty() && inputs.schemes().stream().noneMatch(s -> s.id().equals(standard))) {
                issues.error("unknown standard '" + standard + "' in certbench.standards; known: "
                        + inputs.knownSuites().stream().map(SuiteModel::id).toList() + ", schemes "
                        + inputs.schemes().stream().map(SchemeModel::id).toList(), null);
            }
        }
        for (SchemeModel scheme : inputs.schemes()) {
            for (SchemeModel.Requirement requirement : scheme.requirements()) {
                for (SchemeModel.Ref ref : requirement.covers()) {
                    Optional<SuiteModel> suite = inputs.suite(ref.standard());
                    if (suite.isEmpty() || (suite.get().provision(ref.id()).isEmpty() && suite.get().testCase(ref.id()).isEmpty())) {
                        issues.error("scheme " + scheme.id() + " requirement " + requirement.id() + " covers " + ref
                                + ", which no suite on the class path has", null);
                    }
                }
            }
        }
        for (String provision : inputs.settings().provisions()) {
            boolean known = inputs.knownSuites().stream()
                    .filter(s -> inputs.standardSelected(s.id()))
                    .anyMatch(s -> s.provisions().containsKey(provision));
            if (!known) {
                issues.error("unknown provision '" + provision + "' in certbench.provisions: no selected standard has it", null);
            }
        }
        for (LoadedProfile device : inputs.devices()) {
            for (String standard : device.dut().ics().standardIds()) {
                Optional<SuiteModel> suite = inputs.suite(standard);
                if (suite.isEmpty()) {
                    issues.problem(device.document().problemAt("/ics/" + standard, true,
                            "no suite implements standard '" + standard + "'; known: "
                                    + inputs.knownSuites().stream().map(SuiteModel::id).toList()), Severity.WARNING);
                    continue;
                }
                if (!suite.get().hasCatalogue()) {
                    continue;
                }
                for (String provision : device.dut().ics().standard(standard).keySet()) {
                    if (!suite.get().provisions().containsKey(provision)) {
                        issues.problem(device.document().problemAt("/ics/" + standard + "/" + provision, true,
                                "standard " + standard + " has no provision " + provision));
                    }
                }
            }
        }
        boolean anyCase = hasCase(engine);
        if (!anyCase && !issues.any() && !noDevicesGiven) {
            issues.error("the selection is empty: no test case matches (standards " + inputs.settings().standards()
                    + ", provisions " + inputs.settings().provisions() + ")", null);
        }
    }

    /** Whether the tree holds a case, found without copying the whole tree (getDescendants) as large campaigns would. */
    private static boolean hasCase(TestDescriptor descriptor) {
        if (descriptor instanceof CaseDescriptor) {
            return true;
        }
        for (TestDescriptor child : descriptor.getChildren()) {
            if (hasCase(child)) {
                return true;
            }
        }
        return false;
    }

    /** Reports discovery issues to the request's listener. */
    private static final class Issues {
        private final EngineDiscoveryRequest request;
        private final UniqueId engineId;
        private boolean any;

        Issues(EngineDiscoveryRequest request, UniqueId engineId) {
            this.request = request;
            this.engineId = engineId;
        }

        void error(String message, TestSource source) {
            report(Severity.ERROR, message, source);
        }

        void problem(InputProblem problem) {
            problem(problem, Severity.ERROR);
        }

        void problem(InputProblem problem, Severity severity) {
            FileSource source = problem.line() > 0
                    ? FileSource.from(problem.file().toFile(), FilePosition.from(problem.line(), Math.max(1, problem.column())))
                    : FileSource.from(problem.file().toFile());
            report(severity, problem.toString(), source);
        }

        private void report(Severity severity, String message, TestSource source) {
            if (severity == Severity.ERROR) {
                any = true;
            }
            DiscoveryIssue.Builder issue = DiscoveryIssue.builder(severity, message);
            if (source != null) {
                issue.source(source);
            }
            request.getDiscoveryListener().issueEncountered(engineId, issue.build());
        }

        boolean any() {
            return any;
        }
    }
}
