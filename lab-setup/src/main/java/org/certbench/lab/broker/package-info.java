/**
 * The instrumented lab broker: embedded HiveMQ Community Edition with plain, TLS and per-device
 * listeners, an extension that records what every client does, the rogue TLS listener that
 * presents an untrusted certificate with the broker's name, the campaign's lab PKI, and the
 * {@link org.certbench.probes.broker.BrokerLog.Provider} through which the engine finds it.
 */
@NullMarked
package org.certbench.lab.broker;

import org.jspecify.annotations.NullMarked;
