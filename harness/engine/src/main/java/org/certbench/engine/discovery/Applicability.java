package org.certbench.engine.discovery;

import java.util.Optional;
import org.certbench.api.Dut;
import org.certbench.api.Feature;
import org.certbench.api.Requirement;
import org.certbench.api.dut.IcsEntry;
import org.certbench.api.dut.Support;
import org.certbench.engine.suite.CaseModel;

/**
 * Decides, before anything runs, whether a case applies to a device, and if not, names the ICS item or
 * profile entry that rules it out.
 *
 * <pre>{@code
 * Applicability.notApplicable(dut, "etsi-en-303-645", model)
 *     // Optional[ICS etsi-en-303-645 5.3-14: n/a (software is updateable)]
 * }</pre>
 */
public final class Applicability {

    private Applicability() {
    }

    /** Why the case does not apply to the device; empty when it applies. */
    public static Optional<String> notApplicable(Dut dut, String standard, CaseModel model) {
        String provision = model.provision().id();
        Optional<IcsEntry> ics = dut.ics().entry(standard, provision);
        if (ics.isPresent() && ics.get().support() != Support.YES) {
            IcsEntry entry = ics.get();
            return Optional.of("ICS " + standard + " " + provision + ": " + entry.support().key()
                    + (entry.justification() == null ? "" : " (" + entry.justification() + ")"));
        }
        for (Feature feature : model.provision().features()) {
            if (dut.feature(feature).orElse(true).equals(false)) {
                return Optional.of("profile declares feature " + feature.key() + " (" + feature.letter() + ", "
                        + feature.description() + ") absent; provision " + provision + " applies only with it");
            }
        }
        for (Requirement requirement : model.requires()) {
            if (!dut.interfaces().satisfies(requirement)) {
                return Optional.of("profile declares no interfaces." + requirement.profileKey() + ", which case "
                        + model.id() + " needs");
            }
        }
        return Optional.empty();
    }
}
