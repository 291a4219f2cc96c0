package org.certbench.probes.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.DirectoryEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans shared between the cases of a campaign, against real listeners on a loopback address: a later
 * case reuses a complete scan (and says so in its own evidence), a partial or expired one is never reused.
 */
class ScanMemoryTest {

    private static final String HOST = "127.31.7.9";

    private ServerSocket first;
    private ServerSocket later;
    private PortRange range;
    private int laterPort;

    @BeforeEach
    void listen() throws IOException {
        first = listener(0);
        int free;
        try (ServerSocket probe = listener(0)) {
            free = probe.getLocalPort();
        }
        later = new ServerSocket();
        later.setReuseAddress(true);
        range = PortRange.of(Math.min(first.getLocalPort(), free), Math.max(first.getLocalPort(), free));
        laterPort = free;
    }

    private static ServerSocket listener(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        return socket;
    }

    @AfterEach
    void close() throws IOException {
        first.close();
        later.close();
    }

    private void openTheLaterPort() throws IOException {
        later.bind(new InetSocketAddress(InetAddress.getByName(HOST), laterPort));
    }

    private NetProbe probe(Path evidence, ScanMemory memory, String label, Deadline deadline) {
        return new NetProbe(new DirectoryEvidence(evidence), deadline, ScanOptions.DEFAULT, memory, label);
    }

    @Test
    void aLaterCaseReusesTheCompleteScanAndItsEvidenceNamesWhereItCameFrom(@TempDir Path one, @TempDir Path two)
            throws IOException {
        ScanMemory memory = ScanMemory.keepingFor(Duration.ofMinutes(30));
        PortScan made = probe(one, memory, "case 5.6-1-2 on camera", Deadline.NONE).scanTcp(HOST, range);
        openTheLaterPort();

        PortScan reused = probe(two, memory, "case 5.6-5-2 on camera", Deadline.NONE).scanTcp(HOST, range);

        assertThat(made.complete()).isTrue();
        assertThat(made.open()).contains(first.getLocalPort()).doesNotContain(laterPort);
        assertThat(reused).isSameAs(made);
        String evidence = new DirectoryEvidence(two).allText();
        assertThat(evidence).contains("reusing the complete TCP connect scan of " + HOST)
                .contains("made at " + made.started()).contains("for case 5.6-1-2 on camera")
                .contains("# " + first.getLocalPort() + "/tcp open").doesNotContain("< " + first.getLocalPort() + "/tcp open");
        assertThat(new DirectoryEvidence(one).allText()).doesNotContain("reusing").contains("< " + first.getLocalPort() + "/tcp open");
    }

    @Test
    void withoutReuseEveryCaseScansAfresh(@TempDir Path one, @TempDir Path two) throws IOException {
        ScanMemory memory = ScanMemory.keepingFor(Duration.ZERO);
        probe(one, memory, "case A", Deadline.NONE).scanTcp(HOST, range);
        openTheLaterPort();

        PortScan again = probe(two, memory, "case B", Deadline.NONE).scanTcp(HOST, range);

        assertThat(again.open()).contains(first.getLocalPort(), laterPort);
        assertThat(new DirectoryEvidence(two).allText()).doesNotContain("reusing");
    }

    @Test
    void aScanCutShortIsNeverReused(@TempDir Path one, @TempDir Path two) throws IOException {
        ScanMemory memory = ScanMemory.keepingFor(Duration.ofMinutes(30));
        PortScan partial = probe(one, memory, "case A", Deadline.in(Duration.ZERO)).scanTcp(HOST, PortRange.ALL);
        openTheLaterPort();

        PortScan fresh = probe(two, memory, "case B", Deadline.NONE).scanTcp(HOST, PortRange.ALL);

        assertThat(partial.complete()).isFalse();
        assertThat(fresh.complete()).isTrue();
        assertThat(fresh.open()).contains(first.getLocalPort(), laterPort);
    }

    @Test
    void aScanOlderThanTheReuseTimeIsNotRecalled(@TempDir Path one) {
        ScanMemory memory = ScanMemory.keepingFor(Duration.ofMinutes(30));
        PortScan made = probe(one, memory, "case A", Deadline.NONE).scanTcp(HOST, range);
        Instant ended = made.started().plus(made.elapsed());

        assertThat(memory.recall(HOST, range, ended.plus(Duration.ofMinutes(29)))).isPresent();
        assertThat(memory.recall(HOST, range, ended.plus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(memory.recall(HOST, PortRange.of(range.first(), range.last() + 1), ended)).isEmpty();
        assertThat(memory.recall("127.31.7.10", range, ended)).isEmpty();
    }
}
