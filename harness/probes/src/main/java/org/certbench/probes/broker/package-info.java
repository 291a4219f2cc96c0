/**
 * What the lab broker saw: the sessions devices opened to the harness-controlled MQTT broker
 * (client id, protocol version, credentials sent or not, TLS version, cipher suite, SNI, topics and
 * payload sizes) and their attempts on the rogue listener, which presents an untrusted certificate
 * with the right name. {@link org.certbench.probes.broker.BrokerLog} is what a broker offers;
 * {@link org.certbench.probes.broker.BrokerWitness} is the probe a case uses, writing what it read
 * as evidence. The broker itself lives in lab-setup and is found through
 * {@link org.certbench.probes.broker.BrokerLog.Provider}.
 */
@NullMarked
package org.certbench.probes.broker;

import org.jspecify.annotations.NullMarked;
