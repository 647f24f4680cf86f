package dev.kagentmaven.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.bench.AgentRepoGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the fast path ({@link SimpleYamlReader}) against the SnakeYAML/Jackson path:
 * on a corpus of real inputs, generated Agent repositories and thousands of seeded mutations of them,
 * the fast path either declines or yields exactly the same documents (trees with the same node
 * classes, every position, indexes, base paths) and diagnostics.
 */
class SimpleYamlReaderDifferentialTest {

    private static final String[] SPECIALS = {
        "yes", "no", "on", "off", "y", "n", "Yes", "NO", "True", "FALSE", "tRUE", "NULL", "Null", "null", "~",
        "0x1F", "0o17", "017", "08", "1e3", "1.0e+3", "1E3", ".5", "-.5", "+.inf", "-.inf", ".inf", ".NaN", ".nan",
        "1_000", "+1", "-1", "-0", "+0", "0", "00", "0.", "1.", "1.5", "-1.5", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "999999999", "1000000000", "9223372036854775807", "-9223372036854775808",
        "12345678901234567890", "123456789012345678", "1:30", "2024-01-01", "2024-01-01T10:00:00Z", "=", "<<",
        "-", "?", ":", "a:b", "a: b", "a #c", "a#c", "http://x:80/y?q=1#f", "\"a\\\"b\"", "'it''s'", "\"\"", "''",
        "\"\\u00e9\\x41\\t\\n\\\\\"", "\"\\/\"", "\"\\U0001F600\"", "\"\\ud800\"", "\"\\q\"", "[a, b]", "[ a , b ]",
        "{a: 1, b: [x, 2]}", "{\"a\": 'b'}", "[]", "{}", "[a,]", "{a}", "[a: b]", "[-1, .5, ~, yes]", "|", "|-",
        "|+", "|2", ">", ">-", "&a x", "*a", "!!str x", "!!int 3", "%x", "@x", "`x", "é", "😀", "x\u2028y",
        "x\u0085y", "a  b", "'a'b", "\"a\" # c", "[a, b] # c", "[a, b]x", "-x", "--", "---", "...", "a,b", "{a: }",
        "[a, [b, {c: d}]]", "{a: b: c}", "'", "\"", "\\", "#"
    };

    private static final String[] INSERTS = {
        "#", " #", "'", "\"", ": ", ":", "- ", "-", "\t", " ", "  ", "\r", "\r\n", "\n", "\n\n", "é", "😀",
        "\uFEFF", "\u2028", "\u0085", "\u0000", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "?", "%", "@",
        "\\", "---", "...", "\n---\n", "\n...\n", "a", "0"
    };

    @Test
    void fastPathAgreesWithSlowPathOrDeclines() throws IOException {
        long seed = Long.getLong("simpleYaml.seed", System.nanoTime());
        System.out.println("SimpleYamlReaderDifferentialTest seed: " + seed
                + " (rerun with -DsimpleYaml.seed=" + seed + ")");
        Random random = new Random(seed);

        Map<String, String> corpus = new LinkedHashMap<>();
        addFiles(corpus, Path.of("src/test/resources"));
        addFiles(corpus, Path.of("../examples"));
        corpus.putAll(handWritten());
        assertTrue(corpus.size() > 80, "corpus found: " + corpus.size());
        Map<String, String> generated = AgentRepoGenerator.files(300);

        int handledGenerated = 0;
        for (Map.Entry<String, String> f : generated.entrySet()) {
            if (compare(f.getKey(), f.getValue(), seed)) {
                handledGenerated++;
            }
        }
        int handled = 0;
        for (Map.Entry<String, String> f : corpus.entrySet()) {
            if (compare(f.getKey(), f.getValue(), seed)) {
                handled++;
            }
        }
        List<String> bases = new ArrayList<>(corpus.values());
        Iterator<String> gen = generated.values().iterator();
        for (int i = 0; i < 60 && gen.hasNext(); i++) {
            bases.add(gen.next());
        }
        int mutants = 6000;
        int handledMutants = 0;
        for (int i = 0; i < mutants; i++) {
            String text = bases.get(random.nextInt(bases.size()));
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                text = mutate(text, random);
            }
            if (compare("mutant-" + i + ".yaml", text, seed)) {
                handledMutants++;
            }
        }
        System.out.printf("fast path handled %d/%d generated, %d/%d corpus, %d/%d mutants%n",
                handledGenerated, generated.size(), handled, corpus.size(), handledMutants, mutants);
        assertTrue(handledGenerated * 100 >= generated.size() * 95,
                "fast path handles only " + handledGenerated + " of " + generated.size() + " generated files");
    }

    /**
     * Random documents built from the constructs the fast path takes (and a few it declines), in
     * random layouts, so that most of them are handled: every one must agree with the slow path.
     */
    @Test
    void randomStructuredDocumentsAgree() {
        long seed = Long.getLong("simpleYaml.seed", System.nanoTime());
        System.out.println("SimpleYamlReaderDifferentialTest structured seed: " + seed);
        Random random = new Random(seed);
        int handled = 0;
        int total = 4000;
        for (int i = 0; i < total; i++) {
            StringBuilder sb = new StringBuilder();
            int docs = 1 + random.nextInt(3);
            for (int d = 0; d < docs; d++) {
                if (d > 0 || random.nextInt(4) == 0) {
                    sb.append(random.nextInt(5) == 0 ? "---  # doc\n" : "---\n");
                }
                if (random.nextInt(6) == 0) {
                    sb.append("# comment\n\n");
                }
                if (random.nextInt(8) == 0) {
                    sb.append("kind: List\nitems:\n");
                    sequence(sb, random, 0, random.nextBoolean() ? 0 : 2);
                } else {
                    mapping(sb, random, 0, random.nextInt(10) == 0 ? 1 : 0, false);
                }
            }
            String text = sb.toString();
            if (random.nextInt(10) == 0) {
                text = text.replace("\n", "\r\n");
            }
            if (random.nextInt(10) == 0 && text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            if (random.nextInt(5) == 0) {
                text = mutate(text, random);
            }
            if (compare("structured-" + i + ".yaml", text, seed)) {
                handled++;
            }
        }
        System.out.printf("fast path handled %d/%d structured documents%n", handled, total);
        assertTrue(handled * 4 > total, "structured documents handled: " + handled);
    }

    private static final String[] WORDS = {"name", "kind", "a b", "x", "spec", "v1", "-x", "a:b", "a#b", "é", "😀k",
        "metadata", "n", "y", "on", "true", "1", "0", "3.5", "~", "null", "http://h:1/p", "a[0]", "{x}", "a,b"};

    private static final String[] SAFE = {"yes", "No", "ON", "off", "y", "n", "True", "NULL", "~", "1e3", "1.0e+3",
        ".5", "-.inf", ".NaN", "+1.5", "-0", "0", "2147483647", "2147483648", "-2147483649", "123456789012345678",
        "1:30", "2024-01-01", "2024-01-01T10:00:00Z", "-", "a#c", "http://x:80/y?q=1#f", "\"a\\\"b\"", "'it''s'",
        "\"\"", "''", "\"\\x41\\ \\_\\0\"", "a  b", "é 😀"};

    private static String scalar(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return r.nextInt(3) == 0 ? SPECIALS[r.nextInt(SPECIALS.length)] : SAFE[r.nextInt(SAFE.length)];
            case 1:
                return "\"" + WORDS[r.nextInt(WORDS.length)].replace("\"", "\\\"") + (r.nextBoolean() ? "\\n\\t\\u00e9" : "")
                        + "\"";
            case 2:
                return "'" + WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? "''s" : "") + "'";
            case 3:
                return r.nextBoolean() ? "[" + String.join(", ", flowItems(r)) + "]"
                        : "{" + String.join(", ", flowItems(r).stream().map(w -> "k" + w.hashCode() % 7 + ": " + w)
                                .distinct().toList()) + "}";
            default:
                return WORDS[r.nextInt(WORDS.length)];
        }
    }

    private static List<String> flowItems(Random r) {
        List<String> items = new ArrayList<>();
        int n = r.nextInt(4);
        String[] simple = {"a", "b1", "-1", "2.5", "yes", "~", "\"q r\"", "'s'", "x:y", "[]", "{}", "[c, d]", "{e: f}"};
        for (int i = 0; i < n; i++) {
            items.add(simple[r.nextInt(simple.length)]);
        }
        return items;
    }

    private static String key(Random r, int i) {
        String[] keys = {"name", "kind", "spec", "a b", "-k", "k:x", "\"quoted\"", "'single'", "1", "true", "~", "é", "x/y",
            "a~b", "\"\\u00e9\""};
        if (r.nextInt(3) != 0) {
            return "k" + i;
        }
        String k = keys[r.nextInt(keys.length)];
        char q = k.charAt(0);
        return q == '"' || q == '\'' ? k.substring(0, k.length() - 1) + i + q : k + i;
    }

    private static void literal(StringBuilder sb, Random r, int indent) {
        sb.append(r.nextBoolean() ? "|" : "|-").append(r.nextInt(4) == 0 ? "  # c" : "").append('\n');
        String pad = " ".repeat(indent + 1 + r.nextInt(3));
        int lines = 1 + r.nextInt(4);
        for (int i = 0; i < lines; i++) {
            if (i > 0 && r.nextInt(3) == 0) {
                sb.append(" ".repeat(r.nextInt(pad.length() + 3))).append('\n');
            }
            sb.append(pad).append(i > 0 && r.nextInt(4) == 0 ? "  " : "").append(r.nextInt(8) == 0 ? "\t" : "").append(WORDS[r.nextInt(WORDS.length)])
                    .append(r.nextInt(4) == 0 ? " # x  " : "").append('\n');
        }
        if (r.nextInt(3) == 0) {
            sb.append('\n');
        }
    }

    private static void value(StringBuilder sb, Random r, int indent, int depth) {
        int choice = depth > 3 ? r.nextInt(3) : r.nextInt(6);
        switch (choice) {
            case 0, 1 -> sb.append(' ').append(scalar(r)).append(r.nextInt(5) == 0 ? " # c" : "").append('\n');
            case 2 -> {
                if (r.nextInt(3) == 0) {
                    sb.append(' ');
                    literal(sb, r, indent);
                } else {
                    sb.append(r.nextBoolean() ? "" : " # empty").append('\n');
                }
            }
            case 3 -> {
                sb.append('\n');
                mapping(sb, r, depth + 1, indent + 1 + r.nextInt(3), false);
            }
            default -> {
                sb.append('\n');
                sequence(sb, r, depth + 1, r.nextBoolean() ? indent : indent + 1 + r.nextInt(3));
            }
        }
    }

    private static void mapping(StringBuilder sb, Random r, int depth, int indent, boolean compact) {
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (!(compact && i == 0)) {
                sb.append(" ".repeat(indent));
            }
            if (r.nextInt(12) == 0) {
                sb.append("# between\n").append(" ".repeat(indent));
            }
            sb.append(key(r, i)).append(':');
            value(sb, r, indent, depth);
            if (r.nextInt(10) == 0) {
                sb.append(r.nextBoolean() ? "\n" : "   \n");
            }
        }
    }

    private static void sequence(StringBuilder sb, Random r, int depth, int indent) {
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(" ".repeat(indent)).append('-');
            int kind = depth > 3 ? r.nextInt(2) : r.nextInt(5);
            switch (kind) {
                case 0 -> sb.append(' ').append(scalar(r)).append('\n');
                case 1 -> {
                    if (r.nextBoolean()) {
                        sb.append(' ');
                        literal(sb, r, indent);
                    } else {
                        sb.append('\n');
                    }
                }
                case 2, 3 -> {
                    int gap = 1 + r.nextInt(3);
                    sb.append(" ".repeat(gap));
                    mapping(sb, r, depth + 1, indent + 1 + gap, true);
                }
                default -> {
                    sb.append('\n');
                    if (r.nextBoolean()) {
                        mapping(sb, r, depth + 1, indent + 1 + r.nextInt(3), false);
                    } else {
                        sequence(sb, r, depth + 1, indent + 1 + r.nextInt(3));
                    }
                }
            }
        }
    }

    private static void addFiles(Map<String, String> corpus, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    corpus.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static Map<String, String> handWritten() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("docs.yaml", "kind: A\n---\n---\n# only a comment\n---\nkind: B\n---\n~\n---\n");
        m.put("list.yaml", "apiVersion: v1\nkind: List\nitems:\n  - kind: ConfigMap\n    metadata:\n      name: one\n"
                + "  - just a string\n  - kind: Secret\n    metadata: {name: two, labels: {a: b}}\n  -\n  - []\n");
        m.put("list-empty.yaml", "kind: List\nitems:\n---\nkind: List\nitems: x\n---\nkind: List\n");
        m.put("seq-root.yaml", "- a\n- b: 1\n---\n-\n- - x\n");
        m.put("literal.yaml", "a: |\n  one\n\n  two\n   three\n    \n\nb: |-\n    x\n    y\n\n\nc: |\n  last");
        m.put("literal2.yaml", "- |\n  a\n  b\n- |-   # c\n  c\n-  |\n   d\n     \n   e\n  \n- x\n");
        m.put("literal3.yaml", "a:\n  b: |\n    # not a comment\n    ---\n  c: d\n");
        m.put("empty-values.yaml", "a:\nb: # c\n  # d\nc:\n  - \n  -   # x\n  - ''\nd: \"\"\n");
        m.put("indentless.yaml", "a:\n- x\n- y: 1\n  z: 2\n-\nb:\n  - c\n  -   d: e\n      f: g\n");
        m.put("quotes.yaml", "'a b': \"c\\td\"\n\"k\\\"\": 'v''w'\nx: \"\\u00e9\\x41\\N\\_\\L\\P\\e\\0\\ \"\n");
        m.put("scalars.yaml", "a: [yes, No, ON, off, y, n, ~, null, 1, -1, 0, -0, 017, 0x1f, 1_0, 1e3, .5, .inf, "
                + "-.Inf, .NaN, 2147483648, 123456789012345678, 1:30, 2024-01-01, =, x y, a/b, \"q\", 'r']\n");
        m.put("crlf.yaml", "a: 1\r\nb:\r\n  - x\r\n  - |\r\n    l1\r\n\r\n    l2\r\nc: \"q\" # c\r\n");
        m.put("unicode2.yaml", "ä: ö\n😀: x 😀 y\nk: [a😀, xé]\nl:\n- 😀\n-   é: 😀\n    f: [g, \"😀\"]\n");
        m.put("docs2.yaml", "kind: A\n---\n---\n# only a comment\n---\nkind: B\n---\n---   # c\n- x\n---\n");
        m.put("unicode.yaml", "ä: ö\n😀: x 😀 y\nk: [😀, é]\nl:\n- 😀\n-   é: 😀\n    f: g\n");
        m.put("comments.yaml", "# top\n---   # sep\n# c\na: b # c\n  # indented comment\nc: d#e\n...\n");
        m.put("deep.yaml", "a:\n  b:\n    c:\n      - d:\n          e: [f, {g: h}]\n");
        m.put("tabs.yaml", "a: |\n  x\ty\n  \tz\n\n  w\t\nb: |-\n\t  bad\n");
        m.put("tabs2.yaml", "a: |\n  x\ty\n  \tz\n\n  w\t\nb: 1\n");
        m.put("no-newline.yaml", "a: b");
        m.put("spaces.yaml", "a: b   \n   \nc:    d  \n");
        m.put("dup.yaml", "a: 1\na: 2\n");
        m.put("indented-root.yaml", "  a: 1\n  b: 2\n");
        m.put("root-scalar.yaml", "just text\n");
        m.put("multi-plain.yaml", "a: b\n  c\nd: e\n");
        return m;
    }

    private static String mutate(String text, Random r) {
        if (text.isEmpty()) {
            return INSERTS[r.nextInt(INSERTS.length)];
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int li = r.nextInt(lines.size());
        String line = lines.get(li);
        switch (r.nextInt(12)) {
            case 0 -> { // change indentation
                int delta = r.nextInt(5) - 2;
                if (delta > 0) {
                    line = " ".repeat(delta) + line;
                } else if (line.startsWith(" ".repeat(-delta))) {
                    line = line.substring(-delta);
                }
            }
            case 1, 2 -> { // insert something
                int at = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
                line = line.substring(0, at) + INSERTS[r.nextInt(INSERTS.length)] + line.substring(at);
            }
            case 3, 4, 5 -> { // replace a value by a special scalar
                int colon = line.indexOf(": ");
                String special = SPECIALS[r.nextInt(SPECIALS.length)];
                if (colon >= 0) {
                    line = line.substring(0, colon + 2) + special;
                } else if (line.trim().startsWith("- ")) {
                    line = line.substring(0, line.indexOf("- ") + 2) + special;
                } else {
                    line = line + special;
                }
            }
            case 6 -> { // replace a key by a special scalar
                int colon = line.indexOf(':');
                if (colon > 0) {
                    int from = line.length() - line.stripLeading().length();
                    if (line.startsWith("- ", from)) {
                        from += 2;
                    }
                    if (from < colon) {
                        line = line.substring(0, from) + SPECIALS[r.nextInt(SPECIALS.length)] + line.substring(colon);
                    }
                }
            }
            case 7 -> line = line + (r.nextBoolean() ? "  " : " # trailing");
            case 8 -> { // duplicate or delete a line
                if (r.nextBoolean()) {
                    lines.add(li, line);
                } else if (lines.size() > 1) {
                    lines.remove(li);
                    return String.join("\n", lines);
                }
            }
            case 9 -> { // delete a character
                if (!line.isEmpty()) {
                    int at = r.nextInt(line.length());
                    line = line.substring(0, at) + line.substring(at + 1);
                }
            }
            case 10 -> { // whole-text changes
                switch (r.nextInt(4)) {
                    case 0:
                        return text.replace("\n", "\r\n");
                    case 1:
                        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text + "\n  \n";
                    case 2:
                        return "---\n" + text;
                    default:
                        return text + "---\n" + text;
                }
            }
            default -> { // wrap a value in quotes
                int colon = line.indexOf(": ");
                if (colon >= 0) {
                    String q = r.nextBoolean() ? "\"" : "'";
                    line = line.substring(0, colon + 2) + q + line.substring(colon + 2) + q;
                }
            }
        }
        lines.set(li, line);
        return String.join("\n", lines);
    }

    /** Compares both paths on one text; true when the fast path handled it. */
    private static boolean compare(String name, String text, long seed) {
        List<Diagnostic> fastDiagnostics = new ArrayList<>();
        List<Document> fast;
        try {
            fast = YamlDocuments.readSimple(name, text, fastDiagnostics, new MappingKeys());
        } catch (RuntimeException e) {
            throw new AssertionError("fast path threw on " + name + " (seed " + seed + "):\n" + text, e);
        }
        if (fast == null) {
            return false;
        }
        List<Diagnostic> slowDiagnostics = new ArrayList<>();
        List<Document> slow = YamlDocuments.readSlow(name, text, false, new ArrayList<>(), slowDiagnostics,
                new MappingKeys());
        String where = name + " (seed " + seed + "):\n" + text;
        assertEquals(slowDiagnostics.toString(), fastDiagnostics.toString(), () -> "diagnostics of " + where);
        assertEquals(slow.size(), fast.size(), () -> "documents of " + where);
        for (int i = 0; i < slow.size(); i++) {
            Document s = slow.get(i);
            Document f = fast.get(i);
            assertEquals(s.toString(), f.toString(), () -> "document of " + where);
            assertEquals(s.index(), f.index(), () -> "index of " + where);
            assertEquals(s.basePath(), f.basePath(), () -> "base path of " + where);
            sameTree(s.root(), f.root(), "", s, f, where);
        }
        return true;
    }

    private static void sameTree(JsonNode slow, JsonNode fast, String pointer, Document s, Document f,
            String where) {
        assertNotNull(fast, () -> "missing " + pointer + " in " + where);
        assertEquals(slow.getClass(), fast.getClass(), () -> "node class at " + pointer + " of " + where);
        assertEquals(s.origin(pointer), f.origin(pointer), () -> "position of " + pointer + " in " + where);
        assertEquals(s.origin(pointer + "/nope/0"), f.origin(pointer + "/nope/0"),
                () -> "nearest position below " + pointer + " in " + where);
        if (slow.isObject()) {
            List<String> slowKeys = new ArrayList<>();
            slow.fieldNames().forEachRemaining(slowKeys::add);
            List<String> fastKeys = new ArrayList<>();
            fast.fieldNames().forEachRemaining(fastKeys::add);
            assertEquals(slowKeys, fastKeys, () -> "keys at " + pointer + " of " + where);
            for (String key : slowKeys) {
                sameTree(slow.get(key), fast.get(key), pointer + "/" + TreeBuilder.escape(key), s, f, where);
            }
        } else if (slow.isArray()) {
            assertEquals(slow.size(), fast.size(), () -> "items at " + pointer + " of " + where);
            for (int i = 0; i < slow.size(); i++) {
                sameTree(slow.get(i), fast.get(i), pointer + "/" + i, s, f, where);
            }
        } else if (!slow.equals(fast)) {
            fail("value at " + pointer + ": " + slow + " vs " + fast + " in " + where);
        }
    }
}
