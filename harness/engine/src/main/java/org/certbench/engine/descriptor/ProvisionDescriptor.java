package org.certbench.engine.descriptor;

import java.util.List;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.certbench.engine.suite.ProvisionInfo;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** A provision (a TS 103 701 test group) of one standard for one device; rolls up its cases. */
public final class ProvisionDescriptor extends AbstractTestDescriptor implements Node<CertbenchExecutionContext> {

    private final ProvisionInfo provision;
    private final String device;
    private final String standard;

    public ProvisionDescriptor(UniqueId uniqueId, ProvisionInfo provision, String device, String standard) {
        super(uniqueId, provision.id() + (provision.title().isEmpty() ? "" : " " + provision.title()) + " [" + provision.status() + "]");
        this.provision = provision;
        this.device = device;
        this.standard = standard;
    }

    public ProvisionInfo provision() {
        return provision;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public void after(CertbenchExecutionContext context) {
        RollUps.record(context.campaign(), this, "provision", device, standard, provision.id(), List.of());
    }
}
