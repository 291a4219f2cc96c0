package org.certbench.engine.descriptor;

import java.util.List;
import java.util.Set;
import org.certbench.api.Dut;
import org.certbench.engine.input.YamlDocument;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A device under test: one lane. Holds the device's exclusive lock, so its cases run one at a time
 * while other devices run beside it.
 */
public final class DeviceDescriptor extends AbstractTestDescriptor implements Node<CertbenchExecutionContext> {

    private final Dut dut;
    private final YamlDocument profile;

    public DeviceDescriptor(UniqueId uniqueId, Dut dut, YamlDocument profile) {
        super(uniqueId, dut.id() + " (" + dut.identity().manufacturer() + " " + dut.identity().model() + ", firmware "
                + dut.identity().firmware() + ")", FileSource.from(dut.profile().toFile()));
        this.dut = dut;
        this.profile = profile;
    }

    public Dut dut() {
        return dut;
    }

    /** The profile as read: the report carries it, with the digest of the file, as what was certified. */
    public YamlDocument profile() {
        return profile;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<ExclusiveResource> getExclusiveResources() {
        return Set.of(new ExclusiveResource("certbench.device." + dut.id(), ExclusiveResource.LockMode.READ_WRITE));
    }

    @Override
    public void after(CertbenchExecutionContext context) {
        RollUps.record(context.campaign(), this, "device", dut.id(), null, null, List.of());
        SchemeRollUps.record(context.campaign(), this);
    }
}
