package dev.kagentmaven.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Builds the {@link JsonNode} tree of ONE document from a Jackson token stream, recording the
 * position of every node, detecting duplicate keys and resolving YAML anchors, aliases and merge
 * keys ({@code <<}). Works on any {@link JsonParser}; YAML-only features need a
 * {@link TrackingYamlParser}.
 *
 * <p>Scalar typing is Jackson's (which uses SnakeYAML's YAML 1.1 resolver), observed with
 * jackson-dataformat-yaml 2.21 / SnakeYAML 2.5: {@code yes}/{@code no}/{@code on}/{@code off} (any
 * case) and {@code true}/{@code false} are booleans, but {@code y}/{@code n} are strings; {@code 0123}
 * is octal (83), {@code 0x1F} hex, {@code 1_000} is 1000, {@code 0o17} is a string; {@code 1e3} and
 * {@code 1.0e+3} are doubles; {@code .inf}/{@code .nan} are doubles (decoded here, Jackson cannot);
 * sexagesimal ({@code 1:30}), timestamps ({@code 2024-01-01}), {@code =} and {@code <<} as values are
 * strings; {@code ~}/{@code null} and an empty plain value ({@code key:}) are {@code null} (Jackson
 * alone would give {@code ""} for the latter; Go gives null, and so do we). Quoted scalars are
 * always strings. Go's YAML 1.1 stack differs only for {@code y}/{@code n} and sexagesimal numbers.
 */
final class TreeBuilder {

    /** Deepest allowed nesting of mappings and sequences. */
    static final int MAX_DEPTH = 200;
    /** Most nodes allowed in one document, counting every node an alias expands to. */
    static final int MAX_NODES = 1_000_000;

    private final JsonParser parser;
    private final TrackingYamlParser yaml;
    private final String source;
    private final int document;
    private final List<Diagnostic> diagnostics;
    private final Map<String, int[]> positions = new HashMap<>();
    private final Map<String, Anchor> anchors = new HashMap<>();
    private int nodes;

    /** A node declared with {@code &name}, and how many nodes an alias to it adds. */
    private record Anchor(JsonNode node, int size) {}

    TreeBuilder(JsonParser parser, String source, int document, List<Diagnostic> diagnostics) {
        this.parser = parser;
        this.yaml = parser instanceof TrackingYamlParser tracking ? tracking : null;
        this.source = source;
        this.document = document;
        this.diagnostics = diagnostics;
    }

    /** Builds the value whose first token is the parser's current token (the document root). */
    JsonNode root() throws IOException, YamlReadException {
        positions.put("", here());
        return value("", 0);
    }

    /** JSON pointer to {line, column}: key position for object members, value position otherwise. */
    Map<String, int[]> positions() {
        return positions;
    }

    private JsonNode value(String pointer, int depth) throws IOException, YamlReadException {
        if (depth > MAX_DEPTH) {
            throw limit("the document is nested deeper than " + MAX_DEPTH + " levels", pointer);
        }
        if (yaml != null && yaml.isCurrentAlias()) {
            return alias(pointer);
        }
        String anchor = yaml == null ? null : yaml.currentAnchor();
        int before = nodes;
        count(1, pointer);
        JsonToken token = parser.currentToken();
        JsonNode node;
        if (token == JsonToken.START_OBJECT) {
            node = object(pointer, depth);
        } else if (token == JsonToken.START_ARRAY) {
            node = array(pointer, depth);
        } else {
            node = scalar(token, pointer);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchor(node, nodes - before));
        }
        return node;
    }

    private ObjectNode object(String pointer, int depth) throws IOException, YamlReadException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Set<String> explicitKeys = new HashSet<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int[] keyAt = here();
            boolean merge = isMergeKey(key);
            String child = pointer + "/" + escape(key);
            if (!merge) {
                positions.put(child, keyAt);
            }
            parser.nextToken();
            JsonNode member = value(child, depth + 1);
            if (merge) {
                merge(object, member, pointer, keyAt);
            } else {
                if (!explicitKeys.add(key)) {
                    report("yaml-duplicate-key", "duplicate key \"" + key + "\"", keyAt, child);
                }
                object.set(key, member);
            }
        }
        expect(token, JsonToken.END_OBJECT, pointer);
        return object;
    }

    private ArrayNode array(String pointer, int depth) throws IOException, YamlReadException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            String child = pointer + "/" + array.size();
            positions.put(child, here());
            array.add(value(child, depth + 1));
        }
        expect(token, JsonToken.END_ARRAY, pointer);
        return array;
    }

    private JsonNode scalar(JsonToken token, String pointer) throws IOException, YamlReadException {
        switch (token) {
            case VALUE_STRING:
                return isPlainEmpty() ? NullNode.instance : TextNode.valueOf(parser.getText());
            case VALUE_NULL:
                return NullNode.instance;
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NUMBER_INT:
                return integer();
            case VALUE_NUMBER_FLOAT:
                return floating(parser.getText());
            case VALUE_EMBEDDED_OBJECT: // !!binary: keep the base64 text, as kubectl's JSON conversion does
                ScalarEvent event = yaml == null ? null : yaml.currentScalar();
                return TextNode.valueOf(event == null ? parser.getText() : event.getValue().trim());
            default:
                throw new YamlReadException(Diagnostic.error("yaml-syntax",
                        "malformed YAML: unexpected " + token, origin(here(), pointer)));
        }
    }

    private JsonNode integer() throws IOException {
        try {
            switch (parser.getNumberType()) {
                case INT:
                    return IntNode.valueOf(parser.getIntValue());
                case LONG:
                    return LongNode.valueOf(parser.getLongValue());
                default:
                    return BigIntegerNode.valueOf(parser.getBigIntegerValue());
            }
        } catch (StreamReadException notANumber) { // e.g. a malformed "0b" that the resolver let through
            return TextNode.valueOf(parser.getText());
        }
    }

    /** Decodes a float token; YAML's {@code .inf}/{@code .nan} and {@code _} separators included. */
    static JsonNode floating(String text) {
        String plain = text.replace("_", "");
        String lower = plain.toLowerCase(Locale.ROOT);
        switch (lower) {
            case ".inf", "+.inf":
                return DoubleNode.valueOf(Double.POSITIVE_INFINITY);
            case "-.inf":
                return DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
            case ".nan":
                return DoubleNode.valueOf(Double.NaN);
            default:
                try {
                    return DoubleNode.valueOf(Double.parseDouble(plain));
                } catch (NumberFormatException sexagesimalOrOdd) {
                    return TextNode.valueOf(text);
                }
        }
    }

    private JsonNode alias(String pointer) throws IOException, YamlReadException {
        String name = parser.getText();
        Anchor anchor = anchors.get(name);
        if (anchor == null) {
            report("yaml-syntax", "alias *" + name + " refers to an anchor &" + name
                    + " that is not defined earlier in this document (or that contains the alias)",
                    here(), pointer);
            count(1, pointer);
            return NullNode.instance;
        }
        count(anchor.size(), pointer);
        return anchor.node().deepCopy();
    }

    /** YAML merge key: members of the merged mapping(s) are added unless the mapping already has them. */
    private void merge(ObjectNode target, JsonNode merged, String pointer, int[] keyAt) {
        List<JsonNode> sources = new ArrayList<>();
        if (merged.isArray()) {
            merged.forEach(sources::add);
        } else {
            sources.add(merged);
        }
        for (JsonNode mapping : sources) {
            if (!mapping.isObject()) {
                report("yaml-syntax", "the merge key \"<<\" needs a mapping or a sequence of mappings",
                        keyAt, pointer + "/<<");
                return;
            }
        }
        for (JsonNode mapping : sources) {
            for (Entry<String, JsonNode> member : mapping.properties()) {
                if (!target.has(member.getKey())) {
                    target.set(member.getKey(), member.getValue());
                    positions.putIfAbsent(pointer + "/" + escape(member.getKey()), keyAt);
                }
            }
        }
    }

    /** Only a plain, untagged {@code <<} in YAML is a merge key; {@code '<<'} is an ordinary key. */
    private boolean isMergeKey(String key) {
        if (yaml == null || !"<<".equals(key)) {
            return false;
        }
        ScalarEvent event = yaml.currentScalar();
        return event != null && event.isPlain() && event.getTag() == null;
    }

    /** A plain, untagged empty scalar ({@code key:} or an empty document) is null, as in Go. */
    private boolean isPlainEmpty() {
        ScalarEvent event = yaml == null ? null : yaml.currentScalar();
        return event != null && event.isPlain() && event.getTag() == null && event.getValue().isEmpty();
    }

    private void count(int added, String pointer) throws YamlReadException {
        nodes += added;
        if (nodes > MAX_NODES) {
            throw limit("the document has more than " + MAX_NODES
                    + " nodes (after expanding aliases); split it or remove alias chains", pointer);
        }
    }

    private void expect(JsonToken actual, JsonToken expected, String pointer) throws YamlReadException {
        if (actual != expected) {
            throw new YamlReadException(Diagnostic.error("yaml-syntax",
                    "malformed YAML: unexpected end of input", origin(here(), pointer)));
        }
    }

    private YamlReadException limit(String message, String pointer) {
        return new YamlReadException(Diagnostic.error("yaml-limits", message, origin(here(), pointer)));
    }

    private void report(String code, String message, int[] at, String pointer) {
        diagnostics.add(Diagnostic.error(code, message, origin(at, pointer)));
    }

    private Origin origin(int[] at, String pointer) {
        return new Origin(source, document, at[0], at[1], pointer);
    }

    private int[] here() {
        JsonLocation location = parser.currentTokenLocation();
        return new int[] {Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr())};
    }

    /** Escapes one JSON-pointer segment ({@code ~} to {@code ~0}, {@code /} to {@code ~1}). */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
