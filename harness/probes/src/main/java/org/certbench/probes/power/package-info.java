/**
 * The power probe: switching a device's outlet for resilience cases, through a smart plug's HTTP API
 * (Shelly, Tasmota), Tasmota's MQTT topics, or a person asked to do it.
 */
@NullMarked
package org.certbench.probes.power;

import org.jspecify.annotations.NullMarked;
