package org.certbench.probes.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.certbench.probes.Deadline;

/**
 * Speaks to UDP ports in their own protocols: a port registered for one (53 DNS, 123 NTP, 161 SNMP,
 * 1900 SSDP, 5353 mDNS, 5683 CoAP, 5684 DTLS) gets that protocol's request; any other port gets each
 * request in turn until one is answered. Each request is sent again once if the first goes unanswered. An ICMP port-unreachable makes the port closed; silence is
 * reported as silence, never as open.
 *
 * <pre>{@code
 * List<UdpPortResult> results = new UdpProber(Duration.ofSeconds(1)).probe("10.0.0.2", List.of(161, 5683, 40000), deadline);
 * }</pre>
 */
public final class UdpProber {

    private final Duration answerTimeout;

    /** @param answerTimeout how long to wait for each answer */
    public UdpProber(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    /** Probes the ports in parallel, one socket each. */
    public List<UdpPortResult> probe(String host, Collection<Integer> ports, Deadline deadline) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(ports.size(), 16)), runnable -> {
            Thread thread = new Thread(runnable, "certbench-udp-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<UdpPortResult>> futures = new ArrayList<>();
            for (int port : ports) {
                futures.add(pool.submit(() -> probe(address, port, deadline)));
            }
            List<UdpPortResult> results = new ArrayList<>();
            for (Future<UdpPortResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private UdpPortResult probe(InetAddress address, int port, Deadline deadline) throws IOException {
        List<UdpProtocol> order = new ArrayList<>();
        UdpProtocol.forPort(port).ifPresent(order::add);
        for (UdpProtocol protocol : UdpProtocol.values()) {
            if (!order.contains(protocol)) {
                order.add(protocol);
            }
        }
        if (UdpProtocol.forPort(port).isPresent()) {
            order = order.subList(0, 1);
        }
        List<String> tried = new ArrayList<>();
        for (UdpProtocol protocol : order) {
            if (deadline.expired()) {
                break;
            }
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.connect(new InetSocketAddress(address, port));
                int id = UdpProtocol.newId();
                byte[] request = protocol.request(id, address);
                byte[] buffer = new byte[4096];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                receive(socket, request, reply, deadline);
                byte[] answer = java.util.Arrays.copyOf(buffer, reply.getLength());
                Optional<String> recognised = protocol.recognise(answer, id);
                if (recognised.isPresent() && protocol == UdpProtocol.DTLS) {
                    byte[] cancel = DtlsClientHello.cancel(1);
                    socket.send(new DatagramPacket(cancel, cancel.length));
                }
                if (recognised.isPresent()) {
                    return new UdpPortResult(port, UdpPortResult.State.ANSWERED, protocol, recognised.get());
                }
                return new UdpPortResult(port, UdpPortResult.State.ANSWERED, null,
                        "answered a " + protocol + " request with " + answer.length + " unrecognised bytes");
            } catch (PortUnreachableException e) {
                return new UdpPortResult(port, UdpPortResult.State.CLOSED, null, "ICMP port unreachable");
            } catch (SocketTimeoutException e) {
                tried.add(protocol.name());
            }
            if (protocol == UdpProtocol.MDNS && port == UdpProtocol.MDNS.defaultPort() && !deadline.expired()) {
                Optional<UdpPortResult> multicast = multicastMdns(address, port, deadline);
                if (multicast.isPresent()) {
                    return multicast.get();
                }
                tried.add("MDNS (multicast)");
            }
        }
        return new UdpPortResult(port, UdpPortResult.State.NO_ANSWER, null, "no answer to " + String.join(", ", tried));
    }

    /**
     * Sends the request and waits for an answer; UDP may lose either, so the request goes out a second
     * time halfway through the wait (as nmap retransmits), the whole wait staying {@code answerTimeout}.
     */
    private void receive(DatagramSocket socket, byte[] request, DatagramPacket reply, Deadline deadline) throws IOException {
        int half = (int) Math.max(1, answerTimeout.toMillis() / 2);
        for (int attempt = 1; ; attempt++) {
            socket.send(new DatagramPacket(request, request.length));
            socket.setSoTimeout(deadline.remainingMillis(half));
            try {
                socket.receive(reply);
                return;
            } catch (SocketTimeoutException e) {
                if (attempt == 2 || deadline.expired()) {
                    throw e;
                }
            }
        }
    }

    /**
     * Many mDNS responders (avahi among them) answer only queries sent to the mDNS group. This one goes to
     * 224.0.0.251 on the link that leads to the device, from an ephemeral port (a "legacy unicast" query,
     * answered by unicast), and only the device's own answer counts.
     */
    private Optional<UdpPortResult> multicastMdns(InetAddress address, int port, Deadline deadline) throws IOException {
        InetAddress local;
        try (DatagramSocket route = new DatagramSocket()) {
            route.connect(new InetSocketAddress(address, port));
            local = route.getLocalAddress();
        }
        java.net.NetworkInterface link = java.net.NetworkInterface.getByInetAddress(local);
        if (link == null || !(address instanceof java.net.Inet4Address)) {
            return Optional.empty();
        }
        try (java.net.MulticastSocket socket = new java.net.MulticastSocket(new InetSocketAddress(local, 0))) {
            socket.setNetworkInterface(link);
            socket.setTimeToLive(255);
            int id = UdpProtocol.newId();
            byte[] request = UdpProtocol.MDNS.request(id, address);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getByName("224.0.0.251"), 5353));
            long until = System.nanoTime() + Math.min(answerTimeout.toNanos(), deadline.remaining().toNanos());
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < until) {
                socket.setSoTimeout((int) Math.max(1, (until - System.nanoTime()) / 1_000_000));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                if (reply.getAddress().equals(address)) {
                    byte[] answer = java.util.Arrays.copyOf(buffer, reply.getLength());
                    return UdpProtocol.MDNS.recognise(answer, id)
                            .map(summary -> new UdpPortResult(port, UdpPortResult.State.ANSWERED, UdpProtocol.MDNS, summary + " (to the mDNS group)"));
                }
            }
        }
        return Optional.empty();
    }
}
