package org.certbench.probes.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.NamespaceHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TcpPortScannerTest {

    private static NamespaceHost host;

    @BeforeAll
    static void startHost() {
        host = NamespaceHost.create();
        host.listenTcp(22, 8443, 40000, 65535);
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void fullScanFindsExactlyTheListeningPorts() throws Exception {
        PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT).scan(host.address(), PortRange.ALL, Deadline.NONE);

        assertThat(scan.complete()).isTrue();
        assertThat(scan.open()).containsExactly(22, 8443, 40000, 65535);
        assertThat(scan.closed()).isEqualTo(65535 - 4);
        assertThat(scan.filtered()).isEmpty();
    }

    @Test
    void concurrencyOfOneFindsTheSamePorts() throws Exception {
        PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT.withConcurrency(1))
                .scan(host.address(), PortRange.of(8000, 8999), Deadline.NONE);

        assertThat(scan.open()).containsExactly(8443);
        assertThat(scan.scanned()).isEqualTo(1000);
    }

    @Test
    void anExpiredDeadlineLeavesTheScanIncomplete() throws Exception {
        PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT)
                .scan(host.address(), PortRange.ALL, Deadline.in(Duration.ZERO));

        assertThat(scan.complete()).isFalse();
        assertThat(scan.scanned()).isLessThan(PortRange.ALL.size());
    }

    @Test
    void closedHostReportsEveryPortClosed() throws Exception {
        // The host's side of the link has nothing listening on these ports.
        PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT)
                .scan(host.address(), PortRange.of(1, 21), Deadline.NONE);

        assertThat(scan.open()).isEmpty();
        assertThat(scan.closed()).isEqualTo(21);
    }

    @Test
    void anIpv6HostIsScannedOnSocketsOfItsOwnFamily() throws Exception {
        // IPv4 targets get IPv4 sockets; this keeps the IPv6 side working. Only a port of the test's own on ::1 is scanned.
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("::1"))) {
            int port = listener.getLocalPort();
            PortScan scan = new TcpPortScanner(ScanOptions.DEFAULT).scan("::1", PortRange.of(port, port), Deadline.NONE);

            assertThat(scan.complete()).isTrue();
            assertThat(scan.open()).containsExactly(port);
        }
    }
}
