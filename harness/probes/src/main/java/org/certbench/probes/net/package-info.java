/**
 * Network probes over plain sockets: the TCP connect scan of a host's ports
 * ({@link org.certbench.probes.net.TcpPortScanner}) and its typed result
 * ({@link org.certbench.probes.net.PortScan}), and the memory of complete scans a campaign's cases share
 * ({@link org.certbench.probes.net.ScanMemory}); UDP probes, service identification and malformed input.
 */
@NullMarked
package org.certbench.probes.net;

import org.jspecify.annotations.NullMarked;
