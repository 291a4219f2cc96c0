package org.certbench.lab.broker;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RefusedConnect;
import org.certbench.probes.broker.RogueAttempt;

/**
 * The lab broker inside its container ({@code localhost/certbench-broker}): starts {@link LabBroker}
 * on the container's address with the usual ports and prints, as {@link RecordLines}, every session,
 * publish, disconnection and rogue attempt it records, for {@link ContainerLabBroker} to read.
 */
public final class ContainerBrokerMain {

    private ContainerBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String self = InetAddress.getLocalHost().getHostAddress();
        LabBroker broker = LabBroker.builder().bindAddress(self).plainPort(LabBrokerProvider.DEFAULT_PORT)
                .tlsPort(LabBrokerProvider.DEFAULT_TLS_PORT).roguePort(LabBrokerProvider.DEFAULT_ROGUE_PORT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        out.println(RecordLines.line(RecordLines.CA, Base64.getEncoder().encodeToString(broker.caCertificatePem().getBytes(StandardCharsets.US_ASCII))));
        out.println(RecordLines.line(RecordLines.READY, self, broker.plainEndpoint().getPort(), broker.tlsEndpoint().getPort(),
                broker.rogueEndpoint().getPort()));
        Map<String, Integer> published = new HashMap<>();
        Set<String> ended = new HashSet<>();
        int rogueSeen = 0;
        int refusedSeen = 0;
        java.nio.file.Path control = java.nio.file.Path.of(ContainerLabBroker.CONTROL_FILE);
        while (true) {
            // Commands from ContainerLabBroker, by exec: "refuse HOST MILLIS" lines.
            if (java.nio.file.Files.exists(control)) {
                java.nio.file.Path taken = control.resolveSibling("certbench-control.taken");
                java.nio.file.Files.move(control, taken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                for (String command : java.nio.file.Files.readAllLines(taken)) {
                    String[] words = command.strip().split("\\s+");
                    if (words.length == 3 && words[0].equals("refuse")) {
                        broker.refuse(words[1], java.time.Duration.ofMillis(Long.parseLong(words[2])));
                    }
                }
            }
            List<RefusedConnect> refusedNow = broker.refusedConnects();
            for (int i = refusedSeen; i < refusedNow.size(); i++) {
                out.println(RecordLines.refused(refusedNow.get(i)));
            }
            refusedSeen = refusedNow.size();
            for (BrokerSession session : broker.sessions()) {
                String key = RecordLines.sessionKey(session);
                Integer seen = published.get(key);
                if (seen == null) {
                    out.println(RecordLines.session(session));
                    seen = 0;
                }
                for (int i = seen; i < session.publishes().size(); i++) {
                    out.println(RecordLines.publish(session, session.publishes().get(i)));
                }
                published.put(key, session.publishes().size());
                if (session.disconnected() != null && ended.add(key)) {
                    out.println(RecordLines.end(session));
                }
            }
            List<RogueAttempt> attempts = broker.rogueAttempts();
            for (int i = rogueSeen; i < attempts.size(); i++) {
                out.println(RecordLines.rogue(attempts.get(i)));
            }
            rogueSeen = attempts.size();
            Thread.sleep(100);
        }
    }
}
