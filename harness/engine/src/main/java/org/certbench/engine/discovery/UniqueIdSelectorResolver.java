package org.certbench.engine.discovery;

import java.util.Optional;
import org.certbench.engine.descriptor.Segments;
import org.certbench.engine.input.LoadedProfile;
import org.certbench.engine.suite.CaseModel;
import org.certbench.engine.suite.ProvisionInfo;
import org.certbench.engine.suite.SuiteModel;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves unique ids at every level, so one device, standard, provision or case can be re-run by id
 * from an IDE or {@code certbench run --select}. A finding's id re-runs the case that found it.
 */
final class UniqueIdSelectorResolver implements SelectorResolver {

    private final DiscoveryInputs inputs;
    private final DescriptorFactory factory;
    private final UniqueId engineId;

    UniqueIdSelectorResolver(DiscoveryInputs inputs, DescriptorFactory factory, UniqueId engineId) {
        this.inputs = inputs;
        this.factory = factory;
        this.engineId = engineId;
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.hasPrefix(engineId) || id.equals(engineId)) {
            return Resolution.unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        Optional<LoadedProfile> device = inputs.device(Segments.value(id, Segments.DEVICE));
        if (device.isEmpty()) {
            return Resolution.unresolved();
        }
        String standardId = Segments.value(id, Segments.STANDARD);
        Optional<SuiteModel> suite = standardId == null ? Optional.empty()
                : inputs.suite(standardId).filter(s -> inputs.standardSelected(s.id()));
        if (suite.isPresent()) {
            inputs.saw(suite.get());
        }
        return switch (last.getType()) {
            case Segments.DEVICE -> context.addToParent(parent -> Optional.of(factory.device(device.get())))
                    .map(d -> Resolution.match(Match.exact(d, () -> factory.standardsOf(d))))
                    .orElse(Resolution.unresolved());
            case Segments.STANDARD -> suite.flatMap(s -> context.addToParent(() -> parentOf(id),
                            parent -> Optional.of(factory.standard(parent, s))))
                    .map(d -> Resolution.match(Match.exact(d, () -> factory.provisionsAndCasesOf(d))))
                    .orElse(Resolution.unresolved());
            case Segments.PROVISION -> resolveProvision(id, last.getValue(), suite, context);
            case Segments.CASE -> resolveCase(id, last.getValue(), device.get(), suite, context);
            case Segments.FINDING -> context.resolve(parentOf(id))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(Resolution.unresolved());
            default -> Resolution.unresolved();
        };
    }

    private Resolution resolveProvision(UniqueId id, String provisionId, Optional<SuiteModel> suite, Context context) {
        Optional<ProvisionInfo> provision = suite.flatMap(s -> s.provision(provisionId))
                .filter(p -> suite.get().cases(p.id()).stream().anyMatch(c -> inputs.caseSelected(suite.get().id(), c)));
        if (provision.isEmpty()) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> parentOf(id), parent -> factory.provision(parent, provision.get()))
                .map(d -> Resolution.match(Match.exact(d, () -> factory.casesOf(d, suite.get()))))
                .orElse(Resolution.unresolved());
    }

    private Resolution resolveCase(UniqueId id, String caseId, LoadedProfile device, Optional<SuiteModel> suite, Context context) {
        Optional<CaseModel> model = suite.flatMap(s -> s.testCase(caseId))
                .filter(c -> c.provision().id().equals(Segments.value(id, Segments.PROVISION)))
                .filter(c -> inputs.caseSelected(suite.get().id(), c));
        if (model.isEmpty()) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> parentOf(id),
                        parent -> Optional.of((TestDescriptor) factory.testCase(parent, device.dut(), suite.get(), model.get())))
                .map(d -> Resolution.match(Match.exact(d)))
                .orElse(Resolution.unresolved());
    }

    private static org.junit.platform.engine.DiscoverySelector parentOf(UniqueId id) {
        return DiscoverySelectors.selectUniqueId(id.removeLastSegment());
    }
}
