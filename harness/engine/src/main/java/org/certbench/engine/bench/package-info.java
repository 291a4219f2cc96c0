/**
 * The bench check: before a campaign, and on {@code certbench bench check}, each resource a bench file
 * names (broker, serial ports, power outlets) is asked whether it answers, so a dead plug or an unplugged
 * USB-serial adapter is reported by name instead of surfacing as INCONCLUSIVE cases an hour later.
 */
@NullMarked
package org.certbench.engine.bench;

import org.jspecify.annotations.NullMarked;
