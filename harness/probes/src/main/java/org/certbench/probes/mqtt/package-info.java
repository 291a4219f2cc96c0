/**
 * The MQTT probe (HiveMQ MQTT client, MQTT 3.1.1 and 5): CONNECT with no, wrong or right credentials and
 * the CONNACK code; TLS with a chosen trust and the handshake facts; subscriptions to {@code #} and
 * {@code $SYS/#} for a bounded window with everything that arrives; publishing.
 */
@NullMarked
package org.certbench.probes.mqtt;

import org.jspecify.annotations.NullMarked;
