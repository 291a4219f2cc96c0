package org.certbench.suites.etsi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.certbench.api.Assessment;
import org.certbench.api.Bench;
import org.certbench.api.Dut;
import org.certbench.api.Evidence;
import org.certbench.api.Feature;
import org.certbench.api.Finding;
import org.certbench.api.Level;
import org.certbench.api.Provision;
import org.certbench.api.Requirement;
import org.certbench.api.Standard;
import org.certbench.api.TestCase;
import org.certbench.api.Verdicts;
import org.certbench.api.dut.DeclaredPort;
import org.certbench.api.dut.NetworkInterface;
import org.certbench.api.dut.ServiceEndpoint;
import org.certbench.api.dut.Transport;
import org.certbench.probes.Probes;
import org.certbench.probes.broker.BrokerSession;
import org.certbench.probes.broker.RogueAttempt;
import org.certbench.probes.mqtt.ConnectResult;
import org.certbench.probes.mqtt.MqttEndpoint;
import org.certbench.probes.mqtt.MqttLogin;
import org.certbench.probes.mqtt.MqttVersion;
import org.certbench.probes.net.PortRange;
import org.certbench.probes.net.PortScan;
import org.certbench.probes.net.ServiceGuess;
import org.certbench.probes.serial.ConsoleState;
import org.certbench.probes.serial.SerialEndpoint;
import org.certbench.probes.tls.TrustChoice;

/**
 * ETSI EN 303 645 V3.1.3, Cyber security for consumer Internet of Things: baseline requirements.
 *
 * <pre>{@code
 * certbench run --device acme-t1.yaml --standard etsi-en-303-645 --provision 5.6-1
 * }</pre>
 */
@Standard(id = "etsi-en-303-645", version = "3.1.3", title = "Cyber security for consumer IoT: baseline requirements",
        catalogue = "en-303-645-v3.1.3.yaml", conceptualCases = true)
public final class En303645 {

    /**
     * Test group 5.6-1, functional: every TCP port that accepts a connection must be one the
     * manufacturer declared (IXIT 15-Intf, {@code interfaces.network.ports}). TS 103 701: anything
     * discovered that is not documented is a FAIL. Each open port is a finding.
     */
    @Provision(id = "5.6-1", level = Level.MANDATORY, features = Feature.UNUSED_INTERFACES)
    @TestCase(id = "5.6-1-2", assessment = Assessment.FUNCTIONAL, title = "every open TCP port is declared",
            requires = Requirement.NETWORK, timeout = "PT10M")
    void everyOpenTcpPortIsDeclared(Dut dut, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        PortScan scan = probes.net().scanTcp(network.host(), PortRange.ALL);
        List<Integer> undeclared = new ArrayList<>();
        for (int port : scan.open()) {
            Optional<DeclaredPort> declared = network.declared(port, Transport.TCP);
            if (declared.isPresent()) {
                evidence.finding(Finding.pass("tcp-" + port, "port " + port + "/tcp open, declared as " + declared.get().service()));
            } else {
                undeclared.add(port);
                evidence.finding(Finding.fail("tcp-" + port, "port " + port + "/tcp open, not declared in interfaces.network.ports"));
            }
        }
        Set<Integer> declaredClosed = new TreeSet<>(network.declaredPorts(Transport.TCP));
        declaredClosed.removeAll(scan.open());
        if (!declaredClosed.isEmpty()) {
            evidence.writeText("declared-but-closed.txt", "Declared TCP ports that did not accept a connection: " + declaredClosed + "\n");
        }
        Verdicts.failIf(!undeclared.isEmpty(), "open TCP ports on %s not declared in the IXIT (interfaces.network.ports): %s",
                network.host(), undeclared);
        if (!scan.complete()) {
            Verdicts.inconclusive("the scan of %s decided %d of %d ports before the deadline", network.host(), scan.scanned(),
                    scan.range().size());
        }
        if (scan.open().isEmpty() && scan.closed() == 0) {
            Verdicts.inconclusive("no TCP port of %s answered (%d filtered): the device is unreachable or drops everything",
                    network.host(), scan.filtered().size());
        }
    }

    /** Ports where devices commonly take logins in clear: FTP, telnet, HTTP, MQTT and their usual alternatives. */
    private static final List<Integer> CLEARTEXT_LOGIN_PORTS = List.of(21, 23, 80, 1883, 2323, 8080);

    /**
     * Test group 5.1-3, functional: no login surface takes credentials in clear. Every declared TCP port and
     * the usual cleartext login ports are asked what they speak (the bench's own serial server excepted):
     * telnet, FTP, plain MQTT (a CONNECT carries its password in clear) and plain HTTP that asks for a
     * login (401, or a password field) are FAILs naming the port.
     */
    @Provision(id = "5.1-3", level = Level.MANDATORY, features = Feature.CRYPTOGRAPHIC_AUTHENTICATION)
    @TestCase(id = "5.1-3-2", assessment = Assessment.FUNCTIONAL, title = "no login surface takes credentials in clear",
            requires = Requirement.NETWORK, timeout = "PT2M")
    void noCredentialsInClear(Dut dut, Bench bench, Probes probes, Evidence evidence) {
        NetworkInterface network = dut.interfaces().network().orElseThrow();
        Set<Integer> ports = new TreeSet<>(network.declaredPorts(Transport.TCP));
        ports.addAll(CLEARTEXT_LOGIN_PORTS);
        bench.serialPorts().values().stream().map(java.net.URI::create)
                .filter(uri -> network.host().equals(uri.getHost()) && uri.getPort() > 0).forEach(uri -> ports.remove(uri.getPort()));
        List<String> inClear = new ArrayList<>();
        int answered = 0;
        for (ServiceGuess guess : probes.net().identify(network.host(), ports)) {
            if (!guess.reachable()) {
                continue;
            }
            answered++;
            String where = guess.service() + " on " + guess.port() + "/tcp";
            String why = switch (guess.service()) {
                case "telnet", "ftp", "pop3" -> where + " takes its login in clear";
                case "mqtt" -> where + " takes a CONNECT, and its password, over plain TCP";
                case "http" -> guess.banner().matches("(?s).*\\b401\\b.*") || guess.banner().toLowerCase(java.util.Locale.ROOT).contains("password")
                        ? where + " asks for a login over plain HTTP" : null;
                default -> null;
            };
            if (why == null) {
                evidence.finding(Finding.pass("tcp-" + guess.port(), where + (guess.tls() ? " (TLS)" : "") + ": no login in clear"));
            } else {
                inClear.add(why);
                evidence.finding(Finding.fail("tcp-" + guess.port(), why + ": " + guess.banner()));
            }
        }
        Verdicts.failIf(!inClear.isEmpty(), "credentials would cross the network in clear on %s: %s", network.host(),
                String.join("; ", inClear));
        if (answered == 0) {
            throw Verdicts.inconclusive("no port of %s answered of %s", network.host(), ports);
        }
    }

    /** How long a case waits for a device that connects out to show itself on the lab broker. */
    private static final Duration UPLINK_WAIT = Duration.ofSeconds(45);

    /**
     * Test group 5.5-1, functional: a device that reports to a broker does so over TLS. The lab broker
     * records every session the device opens; a session over plain TCP is a FAIL naming it.
     */
    @Provision(id = "5.5-1", level = Level.MANDATORY)
    @TestCase(id = "5.5-1-2", assessment = Assessment.FUNCTIONAL, title = "the device's MQTT uplink runs over TLS",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void uplinkRunsOverTls(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<BrokerSession> sessions = probes.broker().sessionsFrom(host, UPLINK_WAIT);
        if (sessions.isEmpty()) {
            throw Verdicts.inconclusive("%s opened no session on the lab broker within %s: point the device at the bench's broker",
                    host, UPLINK_WAIT);
        }
        Optional<BrokerSession> plain = sessions.stream().filter(s -> !s.tls()).findFirst();
        if (plain.isPresent()) {
            throw Verdicts.fail("%s reported to the broker over plain TCP%s: %s", host,
                    sessions.stream().anyMatch(s -> !s.tls() && s.passwordSent()) ? ", its password in clear" : "", plain.get().describe());
        }
    }

    /**
     * Test group 5.5-1, functional: a device that connects out must refuse a broker whose certificate
     * no trusted CA signed. The lab's rogue listener presents a look-alike certificate with the
     * broker's name; completing that handshake is a FAIL, refusing it (with an alert) a PASS.
     */
    @Provision(id = "5.5-1", level = Level.MANDATORY)
    @TestCase(id = "5.5-1-3", assessment = Assessment.FUNCTIONAL, title = "the device refuses a rogue broker's certificate",
            requires = {Requirement.NETWORK, Requirement.UPLINK}, timeout = "PT2M")
    void refusesARogueBrokersCertificate(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        List<RogueAttempt> attempts = probes.broker().rogueAttemptsFrom(host, UPLINK_WAIT);
        Optional<RogueAttempt> accepted = attempts.stream().filter(a -> a.outcome() == RogueAttempt.Outcome.ACCEPTED).findFirst();
        Verdicts.failIf(accepted.isPresent(), "%s accepted the rogue broker's untrusted certificate: %s", host,
                accepted.map(RogueAttempt::describe).orElse(""));
        if (attempts.stream().noneMatch(a -> a.outcome() == RogueAttempt.Outcome.REFUSED)) {
            throw Verdicts.inconclusive("%s did not connect to the rogue listener within %s: point the device's broker name at it",
                    host, UPLINK_WAIT);
        }
    }

    /**
     * Test group 5.5-4, functional: the device's MQTT service refuses a CONNECT without credentials
     * (CONNACK 0x05 / 0x87). An accepted anonymous CONNECT is a FAIL.
     */
    @Provision(id = "5.5-4", level = Level.RECOMMENDED)
    @TestCase(id = "5.5-4-2", assessment = Assessment.FUNCTIONAL, title = "MQTT refuses a client without credentials",
            requires = {Requirement.NETWORK, Requirement.MQTT}, timeout = "PT1M")
    void mqttRefusesAnonymousClients(Dut dut, Probes probes) {
        String host = dut.interfaces().network().orElseThrow().host();
        ServiceEndpoint mqtt = dut.interfaces().mqtt().orElseThrow();
        MqttEndpoint endpoint = new MqttEndpoint(host, mqtt.port(), mqtt.tls() ? TrustChoice.anything() : null, null);
        ConnectResult result = probes.mqtt().connect(endpoint, MqttVersion.V5, MqttLogin.ANONYMOUS);
        Verdicts.failIf(result.accepted(), "the MQTT service on %s:%d accepted a CONNECT without credentials", host, mqtt.port());
        if (result.outcome() != ConnectResult.Outcome.REFUSED) {
            throw Verdicts.inconclusive("no CONNACK from %s:%d: %s", host, mqtt.port(), result.reason());
        }
    }

    /**
     * Test group 5.6-4A, functional: the console (UART, through the bench's serial port) must not
     * give a shell without login. A root shell or a bootloader prompt that takes commands is a FAIL.
     */
    @Provision(id = "5.6-4A", level = Level.MANDATORY, features = Feature.DEBUG_INTERFACES)
    @TestCase(id = "5.6-4A-2", assessment = Assessment.FUNCTIONAL, title = "the console asks for a login",
            requires = Requirement.SERIAL, timeout = "PT1M")
    void consoleAsksForALogin(Dut dut, Bench bench, Probes probes) {
        String name = dut.interfaces().serialPort().orElseThrow();
        String port = bench.serialPort(name).orElseThrow(() -> Verdicts.inconclusive(
                "the bench has no serial port named %s (the profile's interfaces.serial.port)", name));
        ConsoleState state = probes.serial().classify(SerialEndpoint.parse(port, 115200));
        switch (state.kind()) {
            case ROOT_SHELL, USER_SHELL, BOOTLOADER -> throw Verdicts.fail("the console on %s gives %s without login: %s", name,
                    state.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), state.evidence());
            case LOGIN_PROMPT -> {
            }
            default -> throw Verdicts.inconclusive("the console on %s showed neither a login nor a shell: %s", name, state.evidence());
        }
    }
}
