package org.certbench.engine.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.certbench.engine.ledger.Digests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML 1.2 file read into a JSON tree that remembers where each node and key stood, so schema errors
 * can name the line and column. YAML 1.2 on purpose: under 1.1, {@code support: no} would be a boolean.
 *
 * <p>Hostile input is bounded: the file size, nesting depth, alias expansion and node count are
 * capped, and duplicate keys are an error rather than a silent overwrite.
 *
 * <pre>{@code
 * YamlDocument doc = YamlDocument.read(Path.of("acme.yaml"));
 * doc.position("/device/id") // line and column of the value
 * }</pre>
 */
public final class YamlDocument {

    /** An escape of a double-quoted scalar by code (a backslash, then x, u or U) and the hexadecimal digits after it. */
    private static final Pattern CUT_SHORT_ESCAPE = Pattern.compile("\\\\([xuU])([0-9A-Fa-f]*)");

    /** Largest input file accepted. Profiles and bench files are a few kilobytes. */
    public static final long MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 100_000;

    private final Path file;
    private final String sha256;
    private final JsonNode root;
    private final Map<String, int[]> valuePositions;
    private final Map<String, int[]> keyPositions;

    private YamlDocument(Path file, String sha256, JsonNode root, Map<String, int[]> valuePositions, Map<String, int[]> keyPositions) {
        this.file = file;
        this.sha256 = sha256;
        this.root = root;
        this.valuePositions = valuePositions;
        this.keyPositions = keyPositions;
    }

    /** Reads and parses the file; every problem is an {@link InvalidInputException} naming the file. */
    public static YamlDocument read(Path file) throws InvalidInputException {
        String text = readText(file);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                // Aliases are expanded and counted by the converter, which names the place where the count runs out.
                .setMaxAliasesForCollections(10_000)
                .setAllowRecursiveKeys(false)
                // Non-scalar keys are refused by the converter, with their line.
                .setAllowNonScalarKeys(true)
                .setCodePointLimit((int) MAX_BYTES)
                .build();
        checkFlowDepth(file, text);
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (StackOverflowError e) {
            throw new InvalidInputException(InputProblem.ofFile(file, "nested too deeply to read"));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new InvalidInputException(new InputProblem(file, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "", "not valid YAML: " + firstLine(e.getProblem())));
        } catch (YamlEngineException e) {
            throw new InvalidInputException(InputProblem.ofFile(file, "not valid YAML: " + firstLine(e.getMessage())));
        } catch (NumberFormatException e) {
            // SnakeYAML Engine's scanner parses an escape by code (backslash x, u or U) cut short by the end of the text
            // without checking its digits (found by fuzzing): the place is that of the first escape with too few digits.
            Matcher escape = CUT_SHORT_ESCAPE.matcher(text);
            while (escape.find()) {
                if (escape.group(2).length() < switch (escape.group(1)) { case "x" -> 2; case "u" -> 4; default -> 8; }) {
                    String before = text.substring(0, escape.start());
                    throw new InvalidInputException(new InputProblem(file, (int) before.chars().filter(c -> c == '\n').count() + 1,
                            escape.start() - before.lastIndexOf('\n'), "", "not valid YAML: the escape " + escape.group()
                            + " has too few hexadecimal digits"));
                }
            }
            throw new InvalidInputException(InputProblem.ofFile(file, "not valid YAML: an escape has too few hexadecimal digits"));
        }
        if (node.isEmpty()) {
            throw new InvalidInputException(InputProblem.ofFile(file, "the file is empty"));
        }
        Converter converter = new Converter(file);
        JsonNode root = converter.convert(node.get(), "", 0);
        return new YamlDocument(file, Digests.sha256(text.getBytes(StandardCharsets.UTF_8)), root, converter.valuePositions,
                converter.keyPositions);
    }

    /** The SHA-256 of the text read, so a report can name exactly which version of the file was used. */
    public String sha256() {
        return sha256;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The content as a JSON tree. */
    public JsonNode root() {
        return root;
    }

    /** A problem located at the JSON pointer's value (or its key, for unknown keys). */
    public InputProblem problemAt(String pointer, boolean atKey, String message) {
        int[] position = atKey ? keyPositions.getOrDefault(pointer, nearest(pointer)) : nearest(pointer);
        return new InputProblem(file, position[0], position[1], fieldPath(pointer), message);
    }

    private int[] nearest(String pointer) {
        String p = pointer;
        while (true) {
            int[] position = valuePositions.get(p);
            if (position != null) {
                return position;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** {@code /interfaces/network/ports/1/port} → {@code interfaces.network.ports[1].port}. */
    public static String fieldPath(String pointer) {
        StringBuilder path = new StringBuilder();
        if (pointer.isEmpty()) {
            return "";
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(segment);
            }
        }
        return path.toString();
    }

    private static String readText(Path file) throws InvalidInputException {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(InputProblem.ofFile(file, "is a directory, not a YAML file"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidInputException(InputProblem.ofFile(file,
                        "is " + size + " bytes; input files are limited to " + MAX_BYTES + " bytes"));
            }
            byte[] bytes = Files.readAllBytes(file);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                String text = decoder.decode(buffer).toString();
                int nul = text.indexOf('\0');
                if (nul >= 0) {
                    throw new InvalidInputException(locate(file, text, nul, "contains a NUL byte: this is not a text file"));
                }
                return text;
            } catch (MalformedInputException e) {
                String before = new String(bytes, 0, buffer.position(), StandardCharsets.UTF_8);
                throw new InvalidInputException(locate(file, before, before.length(), "is not valid UTF-8"));
            } catch (CharacterCodingException e) {
                throw new InvalidInputException(InputProblem.ofFile(file, "is not valid UTF-8"));
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(InputProblem.ofFile(file, "no such file"));
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.ofFile(file, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The YAML scanner recurses into flow collections ({@code [[[[…}), and a few thousand of them overflow the
     * stack before any limit of its own applies; count them first, outside quoted text and comments.
     */
    private static void checkFlowDepth(Path file, String text) throws InvalidInputException {
        int depth = 0;
        char quote = 0;
        boolean comment = false;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                comment = false;
                lineStart = true;
                continue;
            }
            if (lineStart && quote == 0 && Character.isLetter(c)) {
                depth = 0; // a key at the left margin: any flow collection before it has ended (or was not one)
            }
            lineStart = false;
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && (i == 0 || " \t[{,:".indexOf(text.charAt(i - 1)) >= 0)) {
                quote = c; // only where a quoted scalar can begin: "don't" in plain text is no quote
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                comment = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidInputException(locate(file, text, i, "nested more than " + MAX_DEPTH + " levels deep"));
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }

    private static InputProblem locate(Path file, String text, int offset, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new InputProblem(file, line, column, "", message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The tags plain YAML values resolve to; any other is refused. */
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.MAP, Tag.SEQ);

    private static final class Converter {
        private final Path file;
        private final Map<String, int[]> valuePositions = new HashMap<>();
        private final Map<String, int[]> keyPositions = new HashMap<>();
        private int nodes;

        Converter(Path file) {
            this.file = file;
        }

        JsonNode convert(Node node, String pointer, int depth) throws InvalidInputException {
            int[] position = position(node);
            valuePositions.put(pointer, position);
            if (!PLAIN_TAGS.contains(node.getTag())) {
                // '!include', '!!java…' and friends: certbench files are data, and a tag that changes what a value means is refused.
                throw new InvalidInputException(new InputProblem(file, position[0], position[1], fieldPath(pointer),
                        "the YAML tag '" + node.getTag().getValue() + "' is not allowed: write plain values"));
            }
            if (++nodes > MAX_NODES) {
                throw new InvalidInputException(new InputProblem(file, position[0], position[1], fieldPath(pointer),
                        "more than " + MAX_NODES + " values (after expanding aliases): refusing the file"));
            }
            if (depth > MAX_DEPTH) {
                throw new InvalidInputException(new InputProblem(file, position[0], position[1], fieldPath(pointer),
                        "nested more than " + MAX_DEPTH + " levels deep"));
            }
            if (node instanceof MappingNode mapping) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                Set<String> seen = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    int[] keyPosition = position(keyNode);
                    if (!(keyNode instanceof ScalarNode scalarKey)) {
                        throw new InvalidInputException(new InputProblem(file, keyPosition[0], keyPosition[1],
                                fieldPath(pointer), "keys must be plain text"));
                    }
                    String key = scalarKey.getValue();
                    String childPointer = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                    if (!seen.add(key)) {
                        throw new InvalidInputException(new InputProblem(file, keyPosition[0], keyPosition[1],
                                fieldPath(childPointer), "duplicate key '" + key + "'"));
                    }
                    keyPositions.put(childPointer, keyPosition);
                    object.set(key, convert(tuple.getValueNode(), childPointer, depth + 1));
                }
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                for (Node item : sequence.getValue()) {
                    array.add(convert(item, pointer + "/" + index++, depth + 1));
                }
                return array;
            }
            ScalarNode scalar = (ScalarNode) node;
            String value = scalar.getValue();
            Tag tag = scalar.getTag();
            try {
                if (Tag.NULL.equals(tag)) {
                    return JsonNodeFactory.instance.nullNode();
                }
                if (Tag.BOOL.equals(tag)) {
                    return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
                }
                // Numbers beyond a long stay text: no field takes one, and the schema validator cannot compare them (found by fuzzing).
                if (Tag.INT.equals(tag)) {
                    java.math.BigInteger number = new java.math.BigInteger(value.replace("_", ""));
                    if (number.bitLength() < 64) {
                        return JsonNodeFactory.instance.numberNode(number.longValue());
                    }
                }
                if (Tag.FLOAT.equals(tag)) {
                    double number = Double.parseDouble(value);
                    if (Double.isFinite(number) && Math.abs(number) < 9.0e18) {
                        return JsonNodeFactory.instance.numberNode(number);
                    }
                }
            } catch (NumberFormatException e) {
                // Octal, hex or infinity forms: keep as text; the schema will say what it expects.
            }
            return JsonNodeFactory.instance.stringNode(value);
        }

        private static int[] position(Node node) {
            return node.getStartMark().map(m -> new int[] {m.getLine() + 1, m.getColumn() + 1}).orElse(new int[] {0, 0});
        }
    }
}
