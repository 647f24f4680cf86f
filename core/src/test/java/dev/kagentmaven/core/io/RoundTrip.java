package dev.kagentmaven.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Test support for {@link ManifestYamlTest}: nasty strings, and the round-trip assertion that reads
 * {@link ManifestYaml} output back with SnakeYAML's default (YAML 1.1) loader and with Jackson.
 */
final class RoundTrip {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper JACKSON_YAML = new YAMLMapper();

    private RoundTrip() {}

    /** Every YAML 1.1 boolean/null word in every spelling a resolver accepts, plus odd casings. */
    static final List<String> SPECIAL_WORDS = List.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
            "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", "yEs", "nULL", "tRUE");

    /** Strings that trip up YAML writers: special words, numbers, indicators, whitespace, control and Unicode characters. */
    static final List<String> NASTY = buildNasty();

    private static List<String> buildNasty() {
        List<String> s = new ArrayList<>(SPECIAL_WORDS);
        s.addAll(List.of("2024-01-01", "2024-01-01T10:00:00Z", "2001-12-14 21:59:43.10 -5", "2001-12-14t21:59:43.10-05:00",
                "12:30", "1:30.5", "190:20:30", "=", "<<", "0123", "0o17", "0x1F", "0b1010", "1_000", "1e3", "1E3",
                "1.0e+3", "+1", "-1", "+.5", ".5", "-.5", "._5", "1.", ".", "..", "...", "---", "--- x", ".inf",
                "-.Inf", "+.INF", ".NaN", ".nan", "-", "- x", "-x", "?", "? x", "?x", ":", ":x", "a: b", "a:", "a:b",
                "#x", "x #y", "x#y", "[a]", "{a: 1}", "a,b", "a, b", "|", "|-", ">", "!tag", "!!str", "&anchor",
                "*alias", "%percent", "@at", "`tick", "'single'", "\"double\"", "it's", "back\\slash", "a\\nb",
                " lead", "trail ", " both ", "", " ", "\u00A0nbsp", "nbsp\u00A0", "café", "日本語", "😀 emoji 👍🏽",
                "\u2028", "a\u2028b", "\u2029", "\uFEFFbom", "x\uFEFF", "nel\u0085x", "tab\tin", "\t", "trail\t",
                "cr\rx", "nul\u0000x", "\u0007bell", "del\u007F", "c1\u009F", "a\nb", "a\nb\n", "a\nb\n\n",
                "a\n\nb\n\n\n", "\nleading newline", "  indented\nsecond", "trailing space \nx", "x\n  indented second",
                "x\n\tTab", "line\r\nwindows", "\n", "\n\n", "#!/bin/sh\necho 'hi' # comment\n", "a\u2028\nb",
                "http://example.com:8080/path?x=1#frag", "app.kubernetes.io/name", ".dockerconfigjson",
                "{{ .Values.x }}", "${VAR}", "~/path", "<none>", "key=value", "a\"b'c", "\uD83D", "x\uDC00y"));
        s.add(longJson(5000));
        return List.copyOf(s);
    }

    /** A single-line JSON text of about {@code length} characters with quotes, braces and {@code #}. */
    static String longJson(int length) {
        StringBuilder json = new StringBuilder("{\"model\": \"gpt-4o\", \"quote\": \"it's \\\"here\\\"\", \"items\": [");
        for (int i = 0; json.length() < length - 20; i++) {
            json.append("{\"k").append(i).append("\": [1, 2, {\"x\": \"#y: z\"}]}, ");
        }
        return json.append("{}]}").toString();
    }

    /** Writes, checks the text's shape, and reads back with SnakeYAML (YAML 1.1) and Jackson. */
    static void assertRoundTrip(List<? extends JsonNode> docs) throws Exception {
        String text = ManifestYaml.write(docs);
        assertFalse(text.contains("\r"), "no CR in output");
        assertTrue(text.startsWith("---\n"));
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), "ends with exactly one newline");
        List<JsonNode> snake = new ArrayList<>();
        for (Object loaded : new Yaml().loadAll(text)) {
            snake.add(toTree(loaded));
        }
        assertSameDocuments(docs, snake, "SnakeYAML", text);
        List<JsonNode> jackson = JACKSON_YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
        assertSameDocuments(docs, jackson, "Jackson", text);
    }

    private static void assertSameDocuments(List<? extends JsonNode> expected, List<JsonNode> actual, String reader,
            String text) {
        assertEquals(expected.size(), actual.size(), reader + " document count");
        for (int i = 0; i < expected.size(); i++) {
            assertSameNode(expected.get(i), actual.get(i), reader + " doc " + i, text);
        }
    }

    private static void assertSameNode(JsonNode expected, JsonNode actual, String where, String text) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), where);
            List<String> expectedKeys = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            List<String> actualKeys = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            assertEquals(expectedKeys, actualKeys, where + " keys");
            expectedKeys.forEach(k -> assertSameNode(expected.get(k), actual.get(k), where + "/" + k, text));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), where);
            for (int i = 0; i < expected.size(); i++) {
                assertSameNode(expected.get(i), actual.get(i), where + "/" + i, text);
            }
        } else if (!expected.equals(actual)) {
            fail(where + ": expected " + describe(expected) + " but read " + describe(actual) + " from:\n" + excerpt(text, expected));
        }
    }

    private static String describe(JsonNode node) {
        return node.getNodeType() + " " + node + (node.isTextual() ? " " + Arrays.toString(node.textValue().codePoints().toArray()) : "");
    }

    private static String excerpt(String text, JsonNode value) {
        return text.length() < 2_000 ? text : "(" + text.length() + " chars; value " + value + ")";
    }

    /** SnakeYAML's Java objects to a tree, failing on anything that is not a JSON type (e.g. a Date or a Boolean key). */
    static JsonNode toTree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new AssertionError("key read as " + k.getClass().getSimpleName() + ": " + k);
                }
                object.set(key, toTree(v));
            });
            return object;
        }
        if (value instanceof List<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(toTree(item)));
            return array;
        }
        if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Double || value instanceof Boolean) {
            return new ObjectMapper().valueToTree(value);
        }
        throw new AssertionError("read as " + value.getClass().getSimpleName() + ": " + value);
    }
}
