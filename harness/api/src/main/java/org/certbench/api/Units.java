package org.certbench.api;

import java.util.List;

/**
 * The units under test of the campaign a case runs in, the case's own among them: what a case needs
 * when a provision judges one unit against the others, as EN 303 645 5.4-4 does (no two units share
 * a key). A case may look at another unit's interfaces (a handshake to read its certificate) but must
 * not change its state: the other unit's own lane may be running one of its cases at that moment.
 *
 * <pre>{@code
 * void keysAreUnique(Dut dut, Units units, Probes probes) {
 *     if (units.others(dut).isEmpty()) {
 *         throw Verdicts.inconclusive("only %s in this campaign: uniqueness needs a second unit", dut.id());
 *     }
 *     ...
 * }
 * }</pre>
 *
 * @param all every unit of the campaign, in the order the profiles were given
 */
public record Units(List<Dut> all) {

    public Units {
        all = List.copyOf(all);
    }

    /** Every unit of the campaign but this one, in the campaign's order. */
    public List<Dut> others(Dut dut) {
        return all.stream().filter(unit -> !unit.id().equals(dut.id())).toList();
    }
}
