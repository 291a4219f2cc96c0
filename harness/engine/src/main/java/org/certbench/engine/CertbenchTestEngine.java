package org.certbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.certbench.api.Units;
import org.certbench.engine.config.CampaignSettings;
import org.certbench.engine.descriptor.CertbenchEngineDescriptor;
import org.certbench.engine.descriptor.DeviceDescriptor;
import org.certbench.engine.descriptor.Segments;
import org.certbench.engine.discovery.CertbenchDiscoverer;
import org.certbench.engine.execution.Campaign;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

/**
 * The certbench JUnit Platform test engine (id {@code certbench}). Runs conformance suites against
 * devices described by profiles: one lane per device, devices in parallel, every verdict in the ledger.
 *
 * <p>Any JUnit Platform launcher runs it: the {@code certbench} CLI, Maven Surefire, Gradle, an IDE.
 *
 * <pre>{@code
 * LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
 *         .selectors(DiscoverySelectors.selectClass(En303645.class))
 *         .configurationParameter("certbench.devices", "device-profiles/examples/acme-t1.yaml")
 *         .build();
 * LauncherFactory.create().execute(request);
 * }</pre>
 */
public final class CertbenchTestEngine extends HierarchicalTestEngine<CertbenchExecutionContext> {

    @Override
    public String getId() {
        return Segments.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.certbench");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("certbench-engine");
    }

    @Override
    public Optional<String> getVersion() {
        return Optional.of(Campaign.VERSION);
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        return new CertbenchDiscoverer().discover(request, uniqueId);
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        CertbenchEngineDescriptor root = (CertbenchEngineDescriptor) request.getRootTestDescriptor();
        long devices = root.getChildren().stream().filter(DeviceDescriptor.class::isInstance).count();
        CampaignSettings settings = root.settings();
        if (settings == null || !settings.parallel() || devices < 2) {
            return new SameThreadHierarchicalTestExecutorService();
        }
        // Lanes wait on devices, not on the CPU: one worker per device, whatever the core count.
        int lanes = (int) Math.min(devices, 256);
        return new ForkJoinPoolHierarchicalTestExecutorService(new LaneConfiguration(lanes));
    }

    @Override
    protected CertbenchExecutionContext createExecutionContext(ExecutionRequest request) {
        CertbenchEngineDescriptor root = (CertbenchEngineDescriptor) request.getRootTestDescriptor();
        CampaignSettings settings = root.settings() != null
                ? root.settings()
                : CampaignSettings.from(request.getConfigurationParameters());
        Units units = new Units(root.getChildren().stream().filter(DeviceDescriptor.class::isInstance)
                .map(d -> ((DeviceDescriptor) d).dut()).toList());
        // the standards are the devices' children: no walk of the whole tree (20,000 descriptors on a large bench)
        List<String> standards = root.getChildren().stream().flatMap(d -> d.getChildren().stream())
                .map(d -> Segments.value(d.getUniqueId(), Segments.STANDARD)).filter(s -> s != null).distinct().toList();
        return new CertbenchExecutionContext(new Campaign(settings, root.bench(), root.answers(), units, standards));
    }

    private record LaneConfiguration(int lanes) implements ParallelExecutionConfiguration {
        @Override
        public int getParallelism() {
            return lanes;
        }

        @Override
        public int getMinimumRunnable() {
            return lanes;
        }

        @Override
        public int getMaxPoolSize() {
            return lanes + 256;
        }

        @Override
        public int getCorePoolSize() {
            return lanes;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }

        @Override
        public Predicate<? super java.util.concurrent.ForkJoinPool> getSaturatePredicate() {
            return pool -> true;
        }
    }
}
