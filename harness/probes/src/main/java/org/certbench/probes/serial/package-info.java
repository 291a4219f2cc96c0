/**
 * The serial probe: a device's console on a local port (jSerialComm) or exported by ser2net over telnet
 * (Apache Commons Net, with RFC 2217 port settings where ser2net offers them). It reads the console,
 * tells a login prompt from an open shell (and whose), a bootloader prompt or silence, sends lines,
 * waits for patterns with a deadline, and records every byte with its arrival time.
 */
@NullMarked
package org.certbench.probes.serial;

import org.jspecify.annotations.NullMarked;
