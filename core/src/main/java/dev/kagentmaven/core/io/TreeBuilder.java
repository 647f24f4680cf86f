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
import java.util.Arrays;
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
    /** Shares key strings between the documents of a run. */
    private final MappingKeys mappingKeys;
    private final Map<String, Anchor> anchors = new HashMap<>();
    /** Escaped JSON-pointer segments of the node being built; the pointer string is built only for diagnostics. */
    private final List<String> path = new ArrayList<>();
    private Positions positions;
    private int nodes;

    /** A node declared with {@code &name}, and how many nodes an alias to it adds. */
    private record Anchor(JsonNode node, int size) {}

    TreeBuilder(JsonParser parser, String source, int document, List<Diagnostic> diagnostics, MappingKeys keys) {
        this.parser = parser;
        this.mappingKeys = keys;
        this.yaml = parser instanceof TrackingYamlParser tracking ? tracking : null;
        this.source = source;
        this.document = document;
        this.diagnostics = diagnostics;
    }

    /** Builds the value whose first token is the parser's current token (the document root). */
    JsonNode root() throws IOException, YamlReadException {
        int[] at = here();
        positions = new Positions(at[0], at[1]);
        JsonNode root = value(0);
        positions.root(root);
        return root;
    }

    /** Where every node of the document is: key position for object members, value position otherwise. */
    Positions positions() {
        return positions;
    }

    /** The JSON pointer of the node being built. */
    private String pointer() {
        if (path.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : path) {
            sb.append('/').append(segment);
        }
        return sb.toString();
    }

    private JsonNode value(int depth) throws IOException, YamlReadException {
        if (depth > MAX_DEPTH) {
            throw limit("the document is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (yaml != null && yaml.isCurrentAlias()) {
            return alias();
        }
        String anchor = yaml == null ? null : yaml.currentAnchor();
        int before = nodes;
        count(1);
        JsonToken token = parser.currentToken();
        JsonNode node;
        if (token == JsonToken.START_OBJECT) {
            node = object(depth);
        } else if (token == JsonToken.START_ARRAY) {
            node = array(depth);
        } else {
            node = scalar(token);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchor(node, nodes - before));
        }
        return node;
    }

    private ObjectNode object(int depth) throws IOException, YamlReadException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Set<String> explicitKeys = new HashSet<>();
        // positions of the members in parse order; merges and duplicate keys need the slow path
        List<String> keys = new ArrayList<>();
        long[] at = new long[8];
        boolean inOrder = true;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = mappingKeys.canonical(parser.currentName());
            int[] keyAt = here();
            boolean merge = isMergeKey(key);
            path.add(escape(key));
            parser.nextToken();
            JsonNode member = value(depth + 1);
            path.remove(path.size() - 1);
            if (merge) {
                inOrder = false;
                for (String added : merge(object, member, keyAt)) {
                    at = record(keys, at, added, Positions.pack(keyAt[0], keyAt[1], true));
                }
            } else {
                if (!explicitKeys.add(key)) {
                    inOrder = false;
                    String dup = pointer() + "/" + escape(key);
                    report("yaml-duplicate-key", "duplicate key \"" + key + "\"", keyAt, dup);
                }
                object.set(key, member);
                at = record(keys, at, key, Positions.pack(keyAt[0], keyAt[1], false));
            }
        }
        expect(token, JsonToken.END_OBJECT);
        if (inOrder) {
            positions.put(object, keys.size() == at.length ? at : Arrays.copyOf(at, keys.size()));
        } else {
            // a later explicit key wins; a merged member keeps the position of the merge key that added it
            Map<String, Long> byKey = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                boolean merged = (at[i] & Long.MIN_VALUE) != 0;
                if (merged) {
                    byKey.putIfAbsent(keys.get(i), at[i]);
                } else {
                    byKey.put(keys.get(i), at[i]);
                }
            }
            positions.put(object, Positions.aligned(object, byKey));
        }
        return object;
    }

    private static long[] record(List<String> keys, long[] at, String key, long packed) {
        long[] out = keys.size() == at.length ? Arrays.copyOf(at, at.length * 2) : at;
        out[keys.size()] = packed;
        keys.add(key);
        return out;
    }

    private ArrayNode array(int depth) throws IOException, YamlReadException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        long[] at = new long[8];
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            int[] itemAt = here();
            if (array.size() == at.length) {
                at = Arrays.copyOf(at, at.length * 2);
            }
            at[array.size()] = Positions.pack(itemAt[0], itemAt[1], false);
            path.add(Integer.toString(array.size()));
            JsonNode item = value(depth + 1);
            path.remove(path.size() - 1);
            array.add(item);
        }
        expect(token, JsonToken.END_ARRAY);
        positions.put(array, Arrays.copyOf(at, array.size()));
        return array;
    }

    private JsonNode scalar(JsonToken token) throws IOException, YamlReadException {
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
                        "malformed YAML: unexpected " + token, origin(here(), pointer())));
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

    private JsonNode alias() throws IOException, YamlReadException {
        String name = parser.getText();
        Anchor anchor = anchors.get(name);
        if (anchor == null) {
            report("yaml-syntax", "alias *" + name + " refers to an anchor &" + name
                    + " that is not defined earlier in this document (or that contains the alias)",
                    here(), pointer());
            count(1);
            return NullNode.instance;
        }
        count(anchor.size());
        return anchor.node().deepCopy();
    }

    /**
     * YAML merge key: members of the merged mapping(s) are added unless the mapping already has them.
     *
     * @return the keys added, in order
     */
    private List<String> merge(ObjectNode target, JsonNode merged, int[] keyAt) {
        List<String> added = new ArrayList<>();
        List<JsonNode> sources = new ArrayList<>();
        if (merged.isArray()) {
            merged.forEach(sources::add);
        } else {
            sources.add(merged);
        }
        for (JsonNode mapping : sources) {
            if (!mapping.isObject()) {
                report("yaml-syntax", "the merge key \"<<\" needs a mapping or a sequence of mappings",
                        keyAt, pointer() + "/<<");
                return added;
            }
        }
        for (JsonNode mapping : sources) {
            for (Entry<String, JsonNode> member : mapping.properties()) {
                if (!target.has(member.getKey())) {
                    target.set(member.getKey(), member.getValue());
                    added.add(member.getKey());
                }
            }
        }
        return added;
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

    private void count(int added) throws YamlReadException {
        nodes += added;
        if (nodes > MAX_NODES) {
            throw limit("the document has more than " + MAX_NODES
                    + " nodes (after expanding aliases); split it or remove alias chains");
        }
    }

    private void expect(JsonToken actual, JsonToken expected) throws YamlReadException {
        if (actual != expected) {
            throw new YamlReadException(Diagnostic.error("yaml-syntax",
                    "malformed YAML: unexpected end of input", origin(here(), pointer())));
        }
    }

    private YamlReadException limit(String message) {
        return new YamlReadException(Diagnostic.error("yaml-limits", message, origin(here(), pointer())));
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
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
