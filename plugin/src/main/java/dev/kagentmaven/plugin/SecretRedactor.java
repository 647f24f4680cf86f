package dev.kagentmaven.plugin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hides Secret values before the {@code check} goal prints a diff. In every YAML document whose
 * {@code kind} is {@code Secret} (and in any document with a top-level {@code stringData}), each
 * entry of the top-level {@code data} and {@code stringData} mappings is reduced to one line
 * {@code <key>: <placeholder>}; block scalars and other continuation lines disappear with it:
 *
 * <ul>
 *   <li>{@code <redacted>} when the other side has the same key with the same value,</li>
 *   <li>{@code <redacted: N bytes changed>} on the generated side when the value differs (N counts
 *       the bytes between the longest common prefix and suffix), and {@code <redacted>} on the
 *       on-disk side, so the diff shows exactly which key changed,</li>
 *   <li>{@code <redacted: N bytes>} when only one side has the key.</li>
 * </ul>
 *
 * <p>The parser is line-based and deliberately forgiving: it must also cope with hand-edited files
 * that are no longer valid YAML. A {@code data}/{@code stringData} key with an inline value (flow
 * style, a scalar) is redacted as a whole. The agent configuration ({@code config.json}) lives in
 * such a Secret, so it never reaches the log either.
 */
final class SecretRedactor {

    static final String SAME = "<redacted>";

    private SecretRedactor() {
    }

    /** The redacted forms of the on-disk text and the generated text, to be diffed against each other. */
    record Pair(String actual, String expected) {
    }

    /** One secret entry found in a text: lines {@code [from, to)} hold {@code key} and its value. */
    private record Entry(String id, int from, int to, String head, String value) {
    }

    static Pair redact(String actual, String expected) {
        List<String> a = UnifiedDiff.splitLines(actual);
        List<String> e = UnifiedDiff.splitLines(expected);
        List<Entry> aEntries = entries(a);
        List<Entry> eEntries = entries(e);
        if (aEntries.isEmpty() && eEntries.isEmpty()) {
            return new Pair(actual, expected);
        }
        Map<String, String> aValues = values(aEntries);
        Map<String, String> eValues = values(eEntries);
        return new Pair(rewrite(a, aEntries, eValues, false), rewrite(e, eEntries, aValues, true));
    }

    /** Redacts a single text (no other side to compare with): every value becomes {@code <redacted: N bytes>}. */
    static String redact(String text) {
        List<String> lines = UnifiedDiff.splitLines(text);
        List<Entry> entries = entries(lines);
        return entries.isEmpty() ? text : rewrite(lines, entries, Map.of(), false);
    }

    private static Map<String, String> values(List<Entry> entries) {
        Map<String, String> values = new HashMap<>();
        for (Entry en : entries) {
            values.putIfAbsent(en.id(), en.value());
        }
        return values;
    }

    private static String rewrite(List<String> lines, List<Entry> entries, Map<String, String> other, boolean generatedSide) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (Entry en : entries) {
            for (int i = next; i < en.from(); i++) {
                sb.append(lines.get(i));
            }
            String theirs = other.get(en.id());
            String placeholder;
            if (theirs == null) {
                placeholder = "<redacted: " + Messages.count(bytes(en.value()), "byte", "bytes") + ">";
            } else if (theirs.equals(en.value())) {
                placeholder = SAME;
            } else if (generatedSide) {
                placeholder = "<redacted: " + Messages.count(changedBytes(theirs, en.value()), "byte", "bytes") + " changed>";
            } else {
                placeholder = SAME;
            }
            sb.append(en.head()).append(' ').append(placeholder).append('\n');
            next = en.to();
        }
        for (int i = next; i < lines.size(); i++) {
            sb.append(lines.get(i));
        }
        return sb.toString();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Bytes between the longest common prefix and suffix: a rough "how much changed" that reveals nothing else. */
    static int changedBytes(String before, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        return Math.max(a.length - prefix - suffix, b.length - prefix - suffix);
    }

    /** Finds the secret entries of every document, in line order. */
    private static List<Entry> entries(List<String> lines) {
        List<Entry> found = new ArrayList<>();
        int docStart = 0;
        int docIndex = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || isDocumentMarker(lines.get(i))) {
                if (hasContent(lines, docStart, i)) {
                    scanDocument(lines, docStart, i, docIndex++, found);
                }
                docStart = i + 1;
            }
        }
        return found;
    }

    private static boolean hasContent(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!stripEol(lines.get(i)).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDocumentMarker(String line) {
        String s = stripEol(line);
        return s.equals("---") || s.startsWith("--- ") || s.equals("...");
    }

    private static void scanDocument(List<String> lines, int from, int to, int docIndex, List<Entry> out) {
        String kind = null;
        String name = null;
        String namespace = null;
        boolean inMetadata = false;
        for (int i = from; i < to; i++) {
            String s = stripEol(lines.get(i));
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(s.charAt(0))) {
                inMetadata = topKey(s).equals("metadata");
                if (topKey(s).equals("kind")) {
                    kind = unquote(s.substring(s.indexOf(':') + 1).trim());
                }
            } else if (inMetadata && name == null && s.startsWith("  name:")) {
                name = unquote(s.substring("  name:".length()).trim());
            } else if (inMetadata && namespace == null && s.startsWith("  namespace:")) {
                namespace = unquote(s.substring("  namespace:".length()).trim());
            }
        }
        boolean secret = "Secret".equals(kind);
        // the id must match the same entry on the other side even when the documents moved
        String docId = name != null ? "name=" + namespace + "/" + name : "doc=" + docIndex;
        int i = from;
        while (i < to) {
            String s = stripEol(lines.get(i));
            String key = s.isEmpty() || Character.isWhitespace(s.charAt(0)) ? "" : topKey(s);
            boolean redactable = key.equals("stringData") || (secret && key.equals("data"));
            if (!redactable) {
                i++;
                continue;
            }
            String inline = s.substring(s.indexOf(':') + 1).trim();
            if (!inline.isEmpty() && !inline.startsWith("#")) {
                out.add(new Entry(docId + "/" + key, i, i + 1, key + ":", inline));
                i++;
                continue;
            }
            i = scanMapping(lines, i + 1, to, docId + "/" + key + "/", out);
        }
    }

    /** Collects the entries of an indented mapping starting at {@code from}; returns the first line after it. */
    private static int scanMapping(List<String> lines, int from, int to, String idPrefix, List<Entry> out) {
        int i = from;
        int entryIndent = -1;
        while (i < to) {
            String s = stripEol(lines.get(i));
            if (s.isBlank()) {
                i++;
                continue;
            }
            int indent = indent(s);
            if (indent == 0) {
                break; // next top-level key
            }
            if (entryIndent < 0) {
                entryIndent = indent;
            }
            // an entry line (or a stray less-indented line, treated as one)
            int start = i;
            String body = s.substring(indent);
            int colon = keyEnd(body);
            String key = colon < 0 ? body : body.substring(0, colon);
            String head = s.substring(0, indent) + (colon < 0 ? body : body.substring(0, colon + 1));
            StringBuilder value = new StringBuilder(colon < 0 ? "" : body.substring(colon + 1).stripLeading());
            i++;
            while (i < to) {
                String c = stripEol(lines.get(i));
                if (!c.isBlank() && indent(c) <= entryIndent) {
                    break;
                }
                value.append('\n').append(c);
                i++;
            }
            // trailing blank lines belong to the layout, not to the value
            int end = i;
            while (end - 1 > start && stripEol(lines.get(end - 1)).isBlank()) {
                end--;
            }
            String v = value.toString();
            while (v.endsWith("\n")) {
                v = v.substring(0, v.length() - 1);
            }
            out.add(new Entry(idPrefix + unquote(key.trim()), start, end, head, v));
            i = end;
        }
        return i;
    }

    /** Index of the colon that ends a mapping key in {@code body}, honouring quoted keys; -1 if none. */
    static int keyEnd(String body) {
        int i = 0;
        if (body.startsWith("\"") || body.startsWith("'")) {
            char q = body.charAt(0);
            i = 1;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '\\' && q == '"') {
                    i += 2;
                    continue;
                }
                if (c == q) {
                    if (q == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
        }
        for (; i < body.length(); i++) {
            if (body.charAt(i) == ':' && (i + 1 == body.length() || body.charAt(i + 1) == ' ' || body.charAt(i + 1) == '\t')) {
                return i;
            }
        }
        return -1;
    }

    private static String topKey(String line) {
        int colon = keyEnd(line);
        return colon < 0 ? "" : unquote(line.substring(0, colon).trim());
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String stripEol(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}
