package org.certbench.engine.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Answers to operator questions for unattended runs:
 *
 * <pre>{@code
 * certbench-answers: 1
 * answers:                      # for every device
 *   5.3-16-2.label: "T1 Thermostat"
 * devices:                      # for one device; wins over the above
 *   acme-t1-0042:
 *     5.11-1-2.reset: yes
 * }</pre>
 */
public final class AnswersFile {

    /** No answers on file. */
    public static final AnswersFile NONE = new AnswersFile(null, Map.of(), Map.of());

    private final Path file;
    private final Map<String, String> common;
    private final Map<String, Map<String, String>> byDevice;

    private AnswersFile(Path file, Map<String, String> common, Map<String, Map<String, String>> byDevice) {
        this.file = file;
        this.common = common;
        this.byDevice = byDevice;
    }

    public static AnswersFile load(Path file) throws InvalidInputException {
        YamlDocument document = YamlDocument.read(file);
        JsonNode root = document.root();
        List<InputProblem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidInputException(document.problemAt("", false, "expected a map with certbench-answers: 1"));
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!List.of("certbench-answers", "answers", "devices").contains(entry.getKey())) {
                problems.add(document.problemAt("/" + entry.getKey(), true, "unknown key '" + entry.getKey()
                        + "'; expected certbench-answers, answers or devices"));
            }
        }
        if (!root.path("certbench-answers").isNumber() || root.path("certbench-answers").asInt() != 1) {
            problems.add(document.problemAt("/certbench-answers", false, "must be 1"));
        }
        Map<String, String> common = answers(document, "/answers", root.path("answers"), problems);
        Map<String, Map<String, String>> byDevice = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> device : root.path("devices").properties()) {
            byDevice.put(device.getKey(), answers(document, "/devices/" + device.getKey(), device.getValue(), problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AnswersFile(file, common, byDevice);
    }

    private static Map<String, String> answers(YamlDocument document, String pointer, JsonNode node, List<InputProblem> problems) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return answers;
        }
        if (!node.isObject()) {
            problems.add(document.problemAt(pointer, false, "expected a map of question id to answer"));
            return answers;
        }
        for (Map.Entry<String, JsonNode> answer : node.properties()) {
            JsonNode value = answer.getValue();
            if (value.isContainer() || value.isNull()) {
                problems.add(document.problemAt(pointer + "/" + answer.getKey(), false, "an answer is text, a number or yes/no"));
            } else {
                answers.put(answer.getKey(), value.asString());
            }
        }
        return answers;
    }

    /** The answer on file for a device's question. */
    public Optional<String> answer(String deviceId, String questionId) {
        String answer = byDevice.getOrDefault(deviceId, Map.of()).get(questionId);
        return Optional.ofNullable(answer != null ? answer : common.get(questionId));
    }

    /** The file, for the record of where an answer came from. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
