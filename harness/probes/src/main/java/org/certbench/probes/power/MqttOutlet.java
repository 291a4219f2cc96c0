package org.certbench.probes.power;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tasmota plug driven over MQTT: {@code cmnd/TOPIC/POWER} with {@code ON}, {@code OFF} or nothing
 * (to ask), answered on {@code stat/TOPIC/RESULT} ({@code {"POWER":"ON"}}) or {@code stat/TOPIC/POWER}.
 */
final class MqttOutlet implements Outlet {

    private static final Pattern POWER = Pattern.compile("(?:\"POWER\\d?\"\\s*:\\s*\")?(ON|OFF)\"?");

    private final String host;
    private final int port;
    private final String topic;
    private final Duration timeout;

    MqttOutlet(String host, int port, String topic, Duration timeout) {
        this.host = host;
        this.port = port;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public Optional<Boolean> set(boolean on) throws IOException {
        return command(on ? "ON" : "OFF");
    }

    @Override
    public Optional<Boolean> state() throws IOException {
        return command("");
    }

    private Optional<Boolean> command(String payload) throws IOException {
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("certbench-power-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(host).serverPort(port).buildAsync();
        try {
            client.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture<String> answer = new CompletableFuture<>();
            client.subscribeWith().topicFilter("stat/" + topic + "/+").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> {
                        String text = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
                        if (POWER.matcher(text).find()) {
                            answer.complete(text);
                        }
                    })
                    .send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            client.publishWith().topic("cmnd/" + topic + "/POWER").payload(payload.getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Matcher m = POWER.matcher(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            return m.find() ? Optional.of(m.group(1).equals("ON")) : Optional.empty();
        } catch (ExecutionException e) {
            throw new IOException("MQTT plug " + topic + " via " + host + ":" + port + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("MQTT plug " + topic + " did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            client.disconnect();
        }
    }

    @Override
    public String describe() {
        return "Tasmota plug " + topic + " via MQTT " + host + ":" + port;
    }
}
