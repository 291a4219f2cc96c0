package org.certbench.probes.power;

import java.util.Optional;
import org.certbench.api.Operator;
import org.certbench.api.Verdicts;

/** An outlet without a smart plug: the operator switches it and confirms. */
final class ManualOutlet implements Outlet {

    private final String name;
    private final Operator operator;

    ManualOutlet(String name, Operator operator) {
        this.name = name.isEmpty() ? "the device's outlet" : name;
        this.operator = operator;
    }

    @Override
    public Optional<Boolean> set(boolean on) {
        String state = on ? "on" : "off";
        boolean done = operator.confirm("power." + state, "Switch " + name + " " + state + ". Done?")
                .orElseThrow(() -> Verdicts.inconclusive("nobody switched %s %s", name, state));
        if (!done) {
            throw Verdicts.inconclusive("the operator could not switch %s %s", name, state);
        }
        return Optional.of(on);
    }

    @Override
    public Optional<Boolean> state() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "manual outlet (" + name + ")";
    }
}
