/**
 * Test hosts for the probes' and engine's tests: a Linux network namespace joined to this machine by
 * a veth pair ({@link org.certbench.probes.testing.NamespaceHost}), with real listening sockets inside
 * ({@link org.certbench.probes.testing.PortListener}). Shipped in the probes test-jar.
 */
package org.certbench.probes.testing;
