package org.certbench.engine.discovery;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.certbench.api.TestCase;
import org.certbench.engine.descriptor.Segments;
import org.certbench.engine.descriptor.StandardDescriptor;
import org.certbench.engine.input.LoadedProfile;
import org.certbench.engine.suite.CaseModel;
import org.certbench.engine.suite.SuiteModel;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves a suite class into one standard per device, and a suite method into one case per device.
 * Package, class-path-root and module selectors arrive here as class selectors.
 */
final class SuiteSelectorResolver implements SelectorResolver {

    private final DiscoveryInputs inputs;
    private final DescriptorFactory factory;

    SuiteSelectorResolver(DiscoveryInputs inputs, DescriptorFactory factory) {
        this.inputs = inputs;
        this.factory = factory;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!SuiteModel.isSuite(type)) {
            return Resolution.unresolved();
        }
        SuiteModel suite = inputs.model(type);
        inputs.saw(suite);
        if (!inputs.standardSelected(suite.id())) {
            return Resolution.unresolved();
        }
        Set<Match> matches = new LinkedHashSet<>();
        for (LoadedProfile device : inputs.devices()) {
            context.addToParent(() -> DiscoverySelectors.selectUniqueId(factory.device(device).getUniqueId()),
                    parent -> Optional.of(factory.standard(parent, suite)))
                    .ifPresent(standard -> matches.add(Match.exact(standard, () -> factory.provisionsAndCasesOf((StandardDescriptor) standard))));
        }
        return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!SuiteModel.isSuite(type) || !method.isAnnotationPresent(TestCase.class)) {
            return Resolution.unresolved();
        }
        SuiteModel suite = inputs.model(type);
        inputs.saw(suite);
        Optional<CaseModel> model = suite.cases().stream().filter(c -> c.method().equals(method)).findFirst();
        if (model.isEmpty() || !inputs.standardSelected(suite.id()) || !inputs.caseSelected(suite.id(), model.get())) {
            return Resolution.unresolved();
        }
        Set<Match> matches = new LinkedHashSet<>();
        for (LoadedProfile device : inputs.devices()) {
            context.addToParent(() -> DiscoverySelectors.selectUniqueId(factory.device(device).getUniqueId()
                            .append(Segments.STANDARD, suite.id()).append(Segments.PROVISION, model.get().provision().id())),
                    parent -> Optional.of(factory.testCase(parent, device.dut(), suite, model.get())))
                    .ifPresent(testCase -> matches.add(Match.exact(testCase)));
        }
        return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
    }
}
