/**
 * The login probe: default credentials and brute-force resistance on every login surface a device
 * offers (telnet and FTP with Apache Commons Net, SSH with Apache MINA SSHD, HTTP Basic and Digest,
 * MQTT CONNECT), with a shipped list of public factory defaults and a hard cap on attempts.
 */
@NullMarked
package org.certbench.probes.login;

import org.jspecify.annotations.NullMarked;
