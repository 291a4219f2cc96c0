package org.certbench.engine.discovery;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
        return Optional.of(new ProvisionDescriptor(standard.getUniqueId().append(Segments.PROVISION, provision.id()),
                provision, parent.dut().id(), parent.suite().id()));
    }

    CaseDescriptor testCase(TestDescriptor provision, Dut dut, SuiteModel suite, CaseModel model) {
        return new CaseDescriptor(provision.getUniqueId().append(Segments.CASE, model.id()), model, dut, suite.id(),
                Applicability.notApplicable(dut, suite.id(), model));
    }

    /** Selectors for every provision of the suite that has a selected case. */
    Set<DiscoverySelector> provisionsOf(StandardDescriptor standard) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (CaseModel model : standard.suite().cases()) {
            String provision = model.provision().id();
            if (inputs.caseSelected(standard.suite().id(), model)) {
                selectors.add(DiscoverySelectors.selectUniqueId(standard.getUniqueId().append(Segments.PROVISION, provision)));
            }
        }
        return selectors;
    }

    /** Selectors for every case of a provision. */
    Set<DiscoverySelector> casesOf(ProvisionDescriptor provision, SuiteModel suite) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (CaseModel model : suite.cases(provision.provision().id())) {
            if (inputs.caseSelected(suite.id(), model)) {
                selectors.add(DiscoverySelectors.selectUniqueId(provision.getUniqueId().append(Segments.CASE, model.id())));
            }
        }
        return selectors;
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
