package org.certbench.engine.descriptor;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.certbench.api.Bench;
import org.certbench.api.Verdict;
import org.certbench.engine.config.CampaignSettings;
import org.certbench.engine.execution.CertbenchExecutionContext;
import org.certbench.engine.input.AnswersFile;
import org.certbench.engine.ledger.Ledger;
import org.certbench.engine.ledger.LedgerRow;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.jspecify.annotations.Nullable;

/**
 * The root of a campaign. Before anything runs it opens the ledger and writes the plan (a row per
 * case, with its applicability); after everything it writes the end row with each device's verdict.
 */
public final class CertbenchEngineDescriptor extends EngineDescriptor implements Node<CertbenchExecutionContext> {

    private @Nullable CampaignSettings settings;
    private Bench bench = Bench.LOCAL;
    private AnswersFile answers = AnswersFile.NONE;

    public CertbenchEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "certbench");
    }

    /** Set by discovery once the inputs are read. */
    public void setInputs(CampaignSettings settings, Bench bench, AnswersFile answers) {
        this.settings = settings;
        this.bench = bench;
        this.answers = answers;
    }

    public @Nullable CampaignSettings settings() {
        return settings;
    }

    public Bench bench() {
        return bench;
    }

    public AnswersFile answers() {
        return answers;
    }

    @Override
    public CertbenchExecutionContext before(CertbenchExecutionContext context) throws IOException {
        context.campaign().open();
        for (TestDescriptor descriptor : getDescendants()) {
            if (descriptor instanceof CaseDescriptor c) {
                Duration deadline = c.model().timeout().orElse(context.campaign().settings().timeoutDefault());
                context.campaign().ledger().append(new LedgerRow.Plan(Ledger.now(), c.getUniqueId().toString(), c.dut().id(),
                        c.standard(), c.model().provision().id(), c.model().id(), c.model().title(),
                        c.model().assessment().name(), c.model().provision().level().name(),
                        c.notApplicable().isPresent() ? Verdict.NOT_APPLICABLE.name() : "RUN", c.notApplicable().orElse(null),
                        deadline.toMillis()));
            }
        }
        return context;
    }

    @Override
    public void after(CertbenchExecutionContext context) throws IOException {
        Map<String, Verdict> devices = new LinkedHashMap<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof DeviceDescriptor device) {
                devices.put(device.dut().id(), context.campaign().verdict(device.getUniqueId()).orElse(Verdict.INCONCLUSIVE));
            }
        }
        context.campaign().close(devices);
    }
}
