package org.certbench.engine.discovery;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certbench.api.Dut;
import org.certbench.engine.input.LoadedProfile;
import org.certbench.engine.descriptor.CaseDescriptor;
import org.certbench.engine.descriptor.DeviceDescriptor;
import org.certbench.engine.descriptor.ProvisionDescriptor;
import org.certbench.engine.descriptor.Segments;
import org.certbench.engine.descriptor.StandardDescriptor;
import org.certbench.engine.suite.CaseModel;
import org.certbench.engine.suite.ProvisionInfo;
import org.certbench.engine.suite.SuiteModel;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Builds each level of the tree the same way whichever selector led to it, and lists the selectors
 * that expand a container into its children.
 */
final class DescriptorFactory {

    private final DiscoveryInputs inputs;
    private final UniqueId engineId;

    DescriptorFactory(DiscoveryInputs inputs, UniqueId engineId) {
        this.inputs = inputs;
        this.engineId = engineId;
    }

    DeviceDescriptor device(LoadedProfile profile) {
        return new DeviceDescriptor(Segments.deviceId(engineId, profile.dut().id()), profile.dut(), profile.document());
    }

    StandardDescriptor standard(TestDescriptor device, SuiteModel suite) {
        Dut dut = ((DeviceDescriptor) device).dut();
        return new StandardDescriptor(device.getUniqueId().append(Segments.STANDARD, suite.id()), suite, dut,
                IcsCheck.problems(dut, suite));
    }

    Optional<ProvisionDescriptor> provision(TestDescriptor standard, ProvisionInfo provision) {
        StandardDescriptor parent = (StandardDescriptor) standard;
        UniqueId id = standard.getUniqueId().append(Segments.PROVISION, provision.id());
        return Optional.of(existing(standard, id, ProvisionDescriptor.class)
                .orElseGet(() -> new ProvisionDescriptor(id, provision, parent.dut().id(), parent.suite().id())));
    }

    CaseDescriptor testCase(TestDescriptor provision, Dut dut, SuiteModel suite, CaseModel model) {
        UniqueId id = provision.getUniqueId().append(Segments.CASE, model.id());
        return existing(provision, id, CaseDescriptor.class)
                .orElseGet(() -> new CaseDescriptor(id, model, dut, suite.id(), Applicability.notApplicable(dut, suite.id(), model)));
    }

    /**
     * Adds every provision of the standard that has a selected case, each with its selected cases, in the suite's
     * order. Built here rather than through a unique-id selector per child: a campaign of 100 devices has 20,000
     * children, and resolving each through the launcher's selector queue cost a second of discovery.
     *
     * @return no further selectors: the standard is complete
     */
    Set<DiscoverySelector> provisionsAndCasesOf(StandardDescriptor standard) {
        SuiteModel suite = standard.suite();
        Map<String, ProvisionDescriptor> provisions = new LinkedHashMap<>();
        for (TestDescriptor child : standard.getChildren()) {
            if (child instanceof ProvisionDescriptor p) {
                provisions.put(p.provision().id(), p);
            }
        }
        for (CaseModel model : suite.cases()) {
            if (!inputs.caseSelected(suite.id(), model)) {
                continue;
            }
            ProvisionDescriptor provision = provisions.computeIfAbsent(model.provision().id(), id -> {
                ProvisionDescriptor added = new ProvisionDescriptor(standard.getUniqueId().append(Segments.PROVISION, id),
                        suite.provision(id).orElse(model.provision()), standard.dut().id(), suite.id());
                standard.addChild(added);
                return added;
            });
            provision.addChild(testCase(provision, standard.dut(), suite, model));
        }
        return Set.of();
    }

    /** Adds every selected case of a provision, as {@link #provisionsAndCasesOf} does for a whole standard. */
    Set<DiscoverySelector> casesOf(ProvisionDescriptor provision, SuiteModel suite) {
        StandardDescriptor standard = (StandardDescriptor) provision.getParent().orElseThrow();
        for (CaseModel model : suite.cases(provision.provision().id())) {
            if (inputs.caseSelected(suite.id(), model)) {
                provision.addChild(testCase(provision, standard.dut(), suite, model));
            }
        }
        return Set.of();
    }

    /**
     * The child a parent already has under that id: a standard built whole may also be named by a selector for one of
     * its provisions or cases, and that selector must resolve to the descriptor in the tree, not to a twin outside it.
     */
    private static <T extends TestDescriptor> Optional<T> existing(TestDescriptor parent, UniqueId id, Class<T> type) {
        for (TestDescriptor child : parent.getChildren()) {
            if (child.getUniqueId().equals(id)) {
                return Optional.of(type.cast(child));
            }
        }
        return Optional.empty();
    }

    /** Selectors for every known suite selected by the standards filter, under one device. */
    Set<DiscoverySelector> standardsOf(DeviceDescriptor device) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        // A standard with a case that runs last goes after the others, so that case is the device's last.
        List<SuiteModel> suites = inputs.knownSuites().stream()
                .sorted(Comparator.comparingInt(s -> s.cases().stream().anyMatch(CaseModel::runsLast) ? 1 : 0)).toList();
        for (SuiteModel suite : suites) {
            if (inputs.standardSelected(suite.id())) {
                selectors.add(DiscoverySelectors.selectUniqueId(device.getUniqueId().append(Segments.STANDARD, suite.id())));
            }
        }
        return selectors;
    }
}
