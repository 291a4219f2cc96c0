package org.certbench.probes.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.certbench.api.Operator;
import org.certbench.api.Verdict;
import org.certbench.api.VerdictException;
import org.certbench.probes.Deadline;
import org.certbench.probes.testing.Daemon;
import org.certbench.probes.testing.DirectoryEvidence;
import org.certbench.probes.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power probe against plug emulators: one HTTP server speaking the Shelly Gen1 and Tasmota HTTP
 * APIs, and an MQTT client on a real mosquitto broker answering Tasmota's command topics.
 */
class PowerProbeTest {

    @TempDir
    static Path dir;

    private static HttpServer http;
    private static volatile boolean httpOn = true;
    private static volatile boolean lying;
    private static final List<String> httpSwitches = new CopyOnWriteArrayList<>();
    private static Daemon broker;
    private static int brokerPort;
    private static Mqtt3AsyncClient mqttPlug;
    private static final List<String> mqttSwitches = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPlugs() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/relay/0", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (query.startsWith("turn=")) {
                httpOn = query.equals("turn=on");
                httpSwitches.add("shelly " + (httpOn ? "on" : "off"));
            }
            reply(exchange, "{\"ison\":" + (lying || httpOn) + ",\"has_timer\":false}");
        });
        http.createContext("/cm", exchange -> {
            String command = String.valueOf(exchange.getRequestURI().getQuery()).replace("cmnd=", "");
            if (command.equalsIgnoreCase("Power On") || command.equalsIgnoreCase("Power Off")) {
                httpOn = command.equalsIgnoreCase("Power On");
                httpSwitches.add("tasmota " + (httpOn ? "on" : "off"));
            }
            reply(exchange, "{\"POWER\":\"" + (httpOn ? "ON" : "OFF") + "\"}");
        });
        http.start();

        brokerPort = Tools.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + brokerPort + " 127.0.0.1\nallow_anonymous true\nlog_dest stderr\n");
        broker = Daemon.start(dir, "mosquitto", brokerPort, Tools.require("mosquitto").toString(), "-c", dir.resolve("mosquitto.conf").toString());
        mqttPlug = MqttClient.builder().useMqttVersion3().identifier("plug1").serverHost("127.0.0.1").serverPort(brokerPort).buildAsync();
        mqttPlug.connect().get(5, TimeUnit.SECONDS);
        boolean[] on = {true};
        mqttPlug.subscribeWith().topicFilter("cmnd/plug1/POWER").qos(MqttQos.AT_LEAST_ONCE).callback(p -> {
            String payload = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
            if (!payload.isEmpty()) {
                on[0] = payload.equalsIgnoreCase("ON");
                mqttSwitches.add(payload);
            }
            mqttPlug.publishWith().topic("stat/plug1/RESULT").payload(("{\"POWER\":\"" + (on[0] ? "ON" : "OFF") + "\"}").getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send();
        }).send().get(5, TimeUnit.SECONDS);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stopPlugs() {
        if (http != null) {
            http.stop(0);
        }
        if (mqttPlug != null) {
            mqttPlug.disconnect();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static PowerProbe probe(Path evidence) {
        return new PowerProbe(new DirectoryEvidence(evidence), Deadline.in(Duration.ofSeconds(30)));
    }

    private static String httpAddress() {
        return "127.0.0.1:" + http.getAddress().getPort();
    }

    @Test
    void aShellyPlugIsCycledOffThenOnAndItsStateChecked(@TempDir Path evidence) throws IOException {
        httpSwitches.clear();
        probe(evidence).cycle("shelly+http://" + httpAddress(), null, Duration.ofMillis(200));

        assertThat(httpSwitches).containsExactly("shelly off", "shelly on");
        assertThat(new DirectoryEvidence(evidence).allText()).contains("outlet reports off").contains("off for 200 ms").contains("outlet reports on");
    }

    @Test
    void aTasmotaPlugIsSwitchedOverHttp(@TempDir Path evidence) throws IOException {
        httpSwitches.clear();
        probe(evidence).set("tasmota+http://" + httpAddress(), null, false);

        assertThat(httpSwitches).containsExactly("tasmota off");
        assertThat(PowerProbe.outlet("tasmota+http://" + httpAddress(), null).state()).contains(false);
        probe(evidence).set("tasmota+http://" + httpAddress(), null, true);
    }

    @Test
    void aTasmotaPlugIsCycledOverMqtt(@TempDir Path evidence) throws IOException {
        mqttSwitches.clear();
        probe(evidence).cycle("tasmota+mqtt://127.0.0.1:" + brokerPort + "/plug1", null, Duration.ofMillis(100));

        assertThat(mqttSwitches).containsExactly("OFF", "ON");
        assertThat(PowerProbe.outlet("tasmota+mqtt://127.0.0.1:" + brokerPort + "/plug1", null).state()).contains(true);
    }

    @Test
    void aManualOutletAsksTheOperatorAndAnAbsentOneMakesTheCaseInconclusive(@TempDir Path evidence) {
        Map<String, Boolean> answers = Map.of("power.off", true, "power.on", true);
        Operator present = new Operator() {
            @Override
            public Optional<String> ask(String questionId, String question) {
                return Optional.empty();
            }

            @Override
            public Optional<Boolean> confirm(String questionId, String question) {
                return Optional.ofNullable(answers.get(questionId));
            }
        };
        probe(evidence).cycle("manual:bench socket 3", present, Duration.ofMillis(10));

        Operator absent = new Operator() {
            @Override
            public Optional<String> ask(String questionId, String question) {
                return Optional.empty();
            }

            @Override
            public Optional<Boolean> confirm(String questionId, String question) {
                return Optional.empty();
            }
        };
        assertThatThrownBy(() -> probe(evidence).cycle("manual:bench socket 3", absent, Duration.ofMillis(10)))
                .isInstanceOfSatisfying(VerdictException.class, e -> {
                    assertThat(e.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
                    assertThat(e.reason()).isEqualTo("nobody switched bench socket 3 off");
                });
    }

    @Test
    void aPlugThatStaysOnOrDoesNotAnswerMakesTheCaseInconclusive(@TempDir Path evidence) {
        lying = true;
        try {
            assertThatThrownBy(() -> probe(evidence).set("shelly+http://" + httpAddress(), null, false))
                    .isInstanceOfSatisfying(VerdictException.class, e -> assertThat(e.reason()).contains("reports on after being switched off"));
        } finally {
            lying = false;
        }
        assertThatThrownBy(() -> probe(evidence).set("shelly+http://127.0.0.1:" + Tools.freePort(), null, false))
                .isInstanceOfSatisfying(VerdictException.class, e -> assertThat(e.reason()).startsWith("cannot switch Shelly plug"));
    }
}
