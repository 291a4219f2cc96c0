package org.certbench.lab.broker;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certbench.probes.broker.BrokerPublish;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RefusedConnect;
import org.certbench.probes.broker.RogueAttempt;
import org.jspecify.annotations.Nullable;

/**
 * What a lab broker in a container tells the harness, one line per event on its standard output:
 * a session opened, a publish, a session ended, a rogue attempt. Fields are tab-separated and
 * URL-encoded ({@code -} for none), so topics and client ids cannot break a line. The writer side is
 * {@link ContainerBrokerMain}; the reader side {@link ContainerLabBroker}.
 */
final class RecordLines {

    static final String READY = "CERTBENCH-READY";
    static final String CA = "CERTBENCH-CA";
    static final String SESSION = "CERTBENCH-SESSION";
    static final String PUBLISH = "CERTBENCH-PUBLISH";
    static final String END = "CERTBENCH-END";
    static final String ROGUE = "CERTBENCH-ROGUE";
    static final String REFUSED = "CERTBENCH-REFUSED";

    private final Map<String, BrokerSession> sessions = new LinkedHashMap<>();
    private final Map<String, List<BrokerPublish>> publishes = new LinkedHashMap<>();
    private final List<RogueAttempt> rogue = new ArrayList<>();
    private final List<RefusedConnect> refused = new ArrayList<>();

    static String line(String kind, @Nullable Object... fields) {
        StringBuilder line = new StringBuilder(kind);
        for (Object field : fields) {
            line.append('\t').append(field == null ? "-" : URLEncoder.encode(field.toString(), StandardCharsets.UTF_8));
        }
        return line.toString();
    }

    static String sessionKey(BrokerSession session) {
        return session.clientId() + "@" + session.connected();
    }

    static String session(BrokerSession s) {
        return line(SESSION, sessionKey(s), s.clientId(), s.mqttVersion(), s.listener(), s.remoteAddress(), s.usernameSent(),
                s.passwordSent(), s.tlsProtocol(), s.cipherSuite(), s.sni(), s.connected());
    }

    static String publish(BrokerSession s, BrokerPublish p) {
        return line(PUBLISH, sessionKey(s), p.topic(), p.payloadBytes(), p.qos(), p.retain(), p.at());
    }

    static String end(BrokerSession s) {
        return line(END, sessionKey(s), s.disconnected());
    }

    static String rogue(RogueAttempt a) {
        return line(ROGUE, a.remoteAddress(), a.at(), a.outcome(), a.detail(), a.sni(), a.clientId(), a.passwordSent());
    }

    static String refused(RefusedConnect c) {
        return line(REFUSED, c.remoteAddress(), c.clientId(), c.at());
    }

    /** Reads one line; lines that are not records are ignored. */
    synchronized void read(String line) {
        String[] parts = line.strip().split("\t", -1);
        String[] f = Arrays.stream(parts).skip(1).map(RecordLines::decode).toArray(String[]::new);
        switch (parts[0]) {
            case SESSION -> {
                sessions.put(f[0], new BrokerSession(f[1], f[2], f[3], f[4], Boolean.parseBoolean(f[5]), Boolean.parseBoolean(f[6]), f[7],
                        f[8], f[9], Instant.parse(f[10]), null, List.of()));
                publishes.put(f[0], new ArrayList<>());
            }
            case PUBLISH -> publishes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new BrokerPublish(f[1], Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]), Instant.parse(f[5])));
            case END -> {
                BrokerSession s = sessions.get(f[0]);
                if (s != null && f[1] != null) {
                    sessions.put(f[0], new BrokerSession(s.clientId(), s.mqttVersion(), s.listener(), s.remoteAddress(), s.usernameSent(),
                            s.passwordSent(), s.tlsProtocol(), s.cipherSuite(), s.sni(), s.connected(), Instant.parse(f[1]), List.of()));
                }
            }
            case ROGUE -> rogue.add(new RogueAttempt(f[0], Instant.parse(f[1]), RogueAttempt.Outcome.valueOf(f[2]), f[3], f[4], f[5],
                    Boolean.parseBoolean(f[6])));
            case REFUSED -> refused.add(new RefusedConnect(f[0], f[1], Instant.parse(f[2])));
            default -> {
                // the broker's own log lines
            }
        }
    }

    synchronized List<BrokerSession> sessions() {
        List<BrokerSession> all = new ArrayList<>();
        sessions.forEach((key, s) -> all.add(new BrokerSession(s.clientId(), s.mqttVersion(), s.listener(), s.remoteAddress(),
                s.usernameSent(), s.passwordSent(), s.tlsProtocol(), s.cipherSuite(), s.sni(), s.connected(), s.disconnected(),
                publishes.getOrDefault(key, List.of()))));
        return all;
    }

    synchronized List<RefusedConnect> refusedConnects() {
        return List.copyOf(refused);
    }

    synchronized List<RogueAttempt> rogueAttempts() {
        return List.copyOf(rogue);
    }

    static @Nullable String decode(String field) {
        return field.equals("-") ? null : URLDecoder.decode(field, StandardCharsets.UTF_8);
    }
}
