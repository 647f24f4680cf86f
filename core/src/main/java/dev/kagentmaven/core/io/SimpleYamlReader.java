package dev.kagentmaven.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast reader for the simple subset of YAML that Kubernetes files use, giving exactly what
 * {@link YamlDocuments}' SnakeYAML/Jackson path gives (trees, node types, positions, document
 * indexes) or declining ({@link #read} returns {@code null}) as soon as the input leaves the subset
 * or might be malformed; the caller then reads the source the usual way from its start.
 *
 * <p>Handled: {@code ---} separators (alone on their line, optionally followed by a comment),
 * comments, blank lines, block mappings and block sequences (indentless ones and {@code - key: v}
 * compact mappings included), plain scalars on one line, single- and double-quoted scalars on one
 * line (double-quoted with the common escapes), literal block scalars {@code |} and {@code |-}
 * with detected indentation, and flow mappings/sequences on one line. Declined: anchors, aliases,
 * tags, merge keys, folded scalars, block-scalar indicators other than {@code -}, multi-line plain or
 * quoted scalars, multi-line flow collections, complex keys, directives, {@code ...}, tabs (except
 * inside the content of literal block scalars), a
 * carriage return not followed by a line feed, control and special Unicode line-break characters,
 * duplicate keys, scalar document roots, numbers other than plain decimal {@code int}/{@code long},
 * deep nesting and anything malformed. Not thread-confined state: one instance per call.
 */
final class SimpleYamlReader {

    /** One document of the stream: its 1-based index, root ({@code NullNode} when empty) and positions. */
    record Doc(int index, JsonNode root, Positions positions) {}

    private static final int MAX_LENGTH = 16 * 1024 * 1024;
    private static final int MAX_DEPTH = 100;
    private static final int MAX_NODES = 200_000;
    private static final int MAX_KEY = 1000;

    /** Thrown to abandon the fast path; never escapes {@link #read}. */
    private static final class Decline extends Exception {
        private static final long serialVersionUID = 1L;
        private static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private static final byte BLANK = 0;
    private static final byte COMMENT = 1;
    private static final byte SEPARATOR = 2;
    private static final byte CONTENT = 3;

    private final String text;
    private final MappingKeys keys;
    private final Resolver resolver = new Resolver();
    private final boolean wide; // some line holds a surrogate pair: columns count code points
    /** Some line holds a tab; then every such line must be the content of a literal block scalar. */
    private final boolean tabs;
    /** With {@link #tabs}: the lines read as literal block scalar content. */
    private boolean[] literalLine;
    private int lines;
    private int[] start;
    private int[] end; // exclusive, without the line break ("\n" or "\r\n")
    private int[] indent;
    private byte[] kind;
    /** Current line. */
    private int ln;
    private Positions positions;
    private int nodes;

    private SimpleYamlReader(String text, MappingKeys keys, boolean wide, boolean tabs) {
        this.text = text;
        this.keys = keys;
        this.wide = wide;
        this.tabs = tabs;
    }

    /**
     * The documents of {@code text}, or {@code null} when the fast path declines.
     *
     * @param text the decoded source (without BOM)
     * @param keys shares mapping-key strings
     */
    static List<Doc> read(String text, MappingKeys keys) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        int found = checkCharacters(text);
        if (found < 0) {
            return null;
        }
        SimpleYamlReader reader = new SimpleYamlReader(text, keys, (found & WIDE) != 0, (found & TABS) != 0);
        try {
            reader.splitLines();
            List<Doc> docs = reader.stream();
            if (reader.tabs) {
                reader.checkTabs();
            }
            return docs;
        } catch (Decline declined) {
            return null;
        } catch (RuntimeException unexpected) { // a bug here must not break reading: the slow path decides
            return null;
        }
    }

    private static final int WIDE = 1;
    private static final int TABS = 2;

    /** -1: a character the fast path does not take; else {@link #WIDE} if surrogate pairs and {@link #TABS} if tabs are present. */
    private static int checkCharacters(String text) {
        int result = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (c == '\n') {
                continue;
            }
            if (c == '\t') {
                result |= TABS;
                continue;
            }
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    continue;
                }
                return -1;
            }
            if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                return -1;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    result |= WIDE;
                    continue;
                }
                return -1;
            }
            if (Character.isLowSurrogate(c)) {
                return -1;
            }
        }
        return result;
    }

    private void splitLines() throws Decline {
        int n = text.length();
        int capacity = 64;
        start = new int[capacity];
        end = new int[capacity];
        indent = new int[capacity];
        kind = new byte[capacity];
        int i = 0;
        while (i < n) {
            if (lines == capacity) {
                capacity *= 2;
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
                indent = Arrays.copyOf(indent, capacity);
                kind = Arrays.copyOf(kind, capacity);
            }
            int nl = text.indexOf('\n', i);
            int next = nl < 0 ? n : nl + 1;
            int e = nl < 0 ? n : nl;
            if (e > i && text.charAt(e - 1) == '\r') {
                e--;
            }
            int sp = i;
            while (sp < e && text.charAt(sp) == ' ') {
                sp++;
            }
            byte k;
            if (sp == e) {
                k = BLANK;
            } else if (text.charAt(sp) == '#') {
                k = COMMENT;
            } else {
                k = CONTENT;
                if (sp == i) {
                    char c = text.charAt(i);
                    if (c == '%' || text.startsWith("...", i)) {
                        throw Decline.INSTANCE;
                    }
                    if (text.startsWith("---", i)) {
                        if (!isSeparator(i, e)) {
                            throw Decline.INSTANCE;
                        }
                        k = SEPARATOR;
                    }
                }
            }
            start[lines] = i;
            end[lines] = e;
            indent[lines] = sp - i;
            kind[lines] = k;
            lines++;
            i = next;
        }
    }

    /** Tabs are taken only inside the content of literal block scalars (after the indentation). */
    private void checkTabs() throws Decline {
        for (int i = 0; i < lines; i++) {
            if (literalLine != null && literalLine[i]) {
                continue;
            }
            for (int k = start[i]; k < end[i]; k++) {
                if (text.charAt(k) == '\t') {
                    throw Decline.INSTANCE;
                }
            }
        }
    }

    /** {@code ---} alone, or followed by spaces and optionally a comment. */
    private boolean isSeparator(int from, int e) {
        int p = from + 3;
        if (p == e) {
            return true;
        }
        if (text.charAt(p) != ' ') {
            return false;
        }
        while (p < e && text.charAt(p) == ' ') {
            p++;
        }
        return p == e || text.charAt(p) == '#';
    }

    // ---------------------------------------------------------------- documents

    private List<Doc> stream() throws Decline {
        List<Doc> docs = new ArrayList<>();
        ln = 0;
        int c = nextContent();
        if (c == lines) {
            return docs;
        }
        if (kind[c] == SEPARATOR) {
            ln = c + 1;
        }
        int index = 0;
        while (true) {
            index++;
            c = nextContent();
            if (c == lines || kind[c] == SEPARATOR) {
                docs.add(new Doc(index, NullNode.instance, null));
            } else {
                nodes = 0;
                int col = indent[c];
                positions = new Positions(c + 1, col + 1);
                JsonNode root;
                if (isEntry(c, col)) {
                    root = sequence(c, col, false, 0);
                } else {
                    root = mappingOrDecline(c, col, 0);
                }
                positions.root(root);
                docs.add(new Doc(index, root, positions));
                c = nextContent();
                if (c < lines && kind[c] != SEPARATOR) {
                    throw Decline.INSTANCE;
                }
            }
            if (c == lines) {
                return docs;
            }
            ln = c + 1;
        }
    }

    /** Moves {@link #ln} to the next line that is neither blank nor a comment; returns it ({@link #lines} at the end). */
    private int nextContent() {
        while (ln < lines && kind[ln] < SEPARATOR) {
            ln++;
        }
        return ln;
    }

    // ---------------------------------------------------------------- block collections

    private static long pack(int line, int column) {
        return Positions.pack(line, column, false);
    }

    /** 1-based column of offset {@code at} of line {@code line}. */
    private int column(int line, int at) {
        int s = start[line];
        return (wide ? text.codePointCount(s, at) : at - s) + 1;
    }

    private void count(int depth) throws Decline {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            throw Decline.INSTANCE;
        }
    }

    /** A block sequence entry: {@code -} at column {@code col} followed by a space or the end of the line. */
    private boolean isEntry(int line, int col) {
        int p = start[line] + col;
        int e = end[line];
        return p < e && text.charAt(p) == '-' && (p + 1 == e || text.charAt(p + 1) == ' ');
    }

    private ObjectNode mappingOrDecline(int line, int col, int depth) throws Decline {
        int keyEnd = keyEnd(line, start[line] + col);
        if (keyEnd < 0) {
            throw Decline.INSTANCE;
        }
        return mapping(line, col, depth);
    }

    /**
     * A block mapping whose first key starts at offset {@code col} of {@code line} (the mapping's
     * indentation); ends before the first line less indented. Leaves {@link #ln} after the mapping.
     */
    private ObjectNode mapping(int line, int col, int depth) throws Decline {
        count(depth);
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        long[] at = new long[8];
        int size = 0;
        while (true) {
            int s = start[line];
            int keyAt = s + col;
            int colon = keyEnd(line, keyAt);
            if (colon < 0) {
                throw Decline.INSTANCE;
            }
            String key = keys.canonical(keyText(keyAt, colon));
            if (object.has(key)) {
                throw Decline.INSTANCE; // duplicate key: the slow path reports it
            }
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = pack(line + 1, column(line, keyAt));
            JsonNode value = memberValue(line, colon + 1, col, depth + 1);
            object.set(key, value);
            int next = nextContent();
            if (next == lines || kind[next] == SEPARATOR || indent[next] < col) {
                break;
            }
            if (indent[next] > col || isEntry(next, col)) {
                throw Decline.INSTANCE;
            }
            line = next;
        }
        positions.put(object, size == at.length ? at : Arrays.copyOf(at, size));
        return object;
    }

    /**
     * The value after {@code key:} ({@code from} is just after the colon) in a mapping indented by
     * {@code col}: inline on the same line, or a block collection on the following lines, or empty.
     */
    private JsonNode memberValue(int line, int from, int col, int depth) throws Decline {
        int e = end[line];
        int p = skipSpaces(from, e);
        if (p < e && text.charAt(p) != '#') {
            JsonNode value = inline(line, p, col, depth);
            return value;
        }
        ln = line + 1;
        int next = nextContent();
        if (next == lines || kind[next] == SEPARATOR) {
            count(depth);
            return NullNode.instance;
        }
        int ind = indent[next];
        if (ind > col) {
            return block(next, ind, depth);
        }
        if (ind == col && isEntry(next, col)) {
            return sequence(next, col, true, depth);
        }
        count(depth);
        return NullNode.instance;
    }

    /** A block collection starting at the first non-space character (offset {@code col}) of {@code line}. */
    private JsonNode block(int line, int col, int depth) throws Decline {
        if (isEntry(line, col)) {
            return sequence(line, col, false, depth);
        }
        return mappingOrDecline(line, col, depth);
    }

    /**
     * A block sequence whose entries start at column {@code col}; {@code indentless} when it is the
     * value of a mapping key at the same indentation.
     */
    private ArrayNode sequence(int line, int col, boolean indentless, int depth) throws Decline {
        count(depth);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        long[] at = new long[8];
        int size = 0;
        while (true) {
            int s = start[line];
            int e = end[line];
            int dash = s + col;
            int p = skipSpaces(dash + 1, e);
            long itemAt;
            JsonNode item;
            if (p == e || text.charAt(p) == '#') {
                ln = line + 1;
                int next = nextContent();
                if (next < lines && kind[next] != SEPARATOR && indent[next] > col) {
                    itemAt = pack(next + 1, indent[next] + 1);
                    item = block(next, indent[next], depth + 1);
                } else {
                    itemAt = pack(line + 1, col + 2); // the end of the "-"
                    count(depth + 1);
                    item = NullNode.instance;
                }
            } else {
                char c = text.charAt(p);
                if (c == '-' && (p + 1 == e || text.charAt(p + 1) == ' ')) {
                    throw Decline.INSTANCE; // "- - a"
                }
                itemAt = pack(line + 1, column(line, p));
                if (keyEnd(line, p) >= 0) {
                    item = mapping(line, p - s, depth + 1);
                } else {
                    item = inline(line, p, col, depth + 1);
                }
            }
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = itemAt;
            array.add(item);
            int next = nextContent();
            if (next == lines || kind[next] == SEPARATOR || indent[next] < col) {
                break;
            }
            if (indent[next] > col) {
                throw Decline.INSTANCE;
            }
            if (!isEntry(next, col)) {
                if (indentless) {
                    break;
                }
                throw Decline.INSTANCE;
            }
            line = next;
        }
        positions.put(array, size == at.length ? at : Arrays.copyOf(at, size));
        return array;
    }

    // ---------------------------------------------------------------- keys

    /**
     * If a simple key starts at offset {@code p} of {@code line} (a plain or quoted scalar directly
     * followed by {@code ": "} or {@code ":"} at the end of the line), the offset of its colon; -1 if
     * it is not a key. Declines on keys the fast path does not take.
     */
    private int keyEnd(int line, int p) throws Decline {
        int e = end[line];
        char c = text.charAt(p);
        int colon;
        if (c == '"' || c == '\'') {
            int close = c == '"' ? doubleQuotedEnd(p, e) : singleQuotedEnd(p, e);
            if (close < 0) {
                throw Decline.INSTANCE;
            }
            int after = close + 1;
            if (after < e && text.charAt(after) == ':') {
                if (after + 1 < e && text.charAt(after + 1) != ' ') {
                    throw Decline.INSTANCE;
                }
                colon = after;
            } else {
                int q = skipSpaces(after, e);
                if (q < e && text.charAt(q) != '#') {
                    throw Decline.INSTANCE; // '"a" : b', '"a"b', ...
                }
                return -1;
            }
        } else {
            if (!plainStart(p, e)) {
                return -1;
            }
            int[] scan = scanPlain(p, e);
            int last = scan[0];
            int stop = scan[1];
            if (stop == e || text.charAt(stop) == '#') {
                return -1;
            }
            // stop is a ':' that ends a key
            if (stop != last) {
                throw Decline.INSTANCE; // "a : b"
            }
            if (last - p == 2 && text.startsWith("<<", p)) {
                throw Decline.INSTANCE; // merge key
            }
            colon = stop;
        }
        if (colon - p > MAX_KEY) {
            throw Decline.INSTANCE;
        }
        return colon;
    }

    private String keyText(int p, int colon) throws Decline {
        char c = text.charAt(p);
        if (c == '"') {
            return doubleQuoted(p, colon - 1);
        }
        if (c == '\'') {
            return singleQuoted(p, colon - 1);
        }
        return text.substring(p, colon);
    }

    // ---------------------------------------------------------------- scalars

    /** Can a plain scalar start at {@code p} (block context)? */
    private boolean plainStart(int p, int e) {
        char c = text.charAt(p);
        switch (c) {
            case '-', '?', ':':
                return p + 1 < e && text.charAt(p + 1) != ' ';
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
                return false;
            default:
                return true;
        }
    }

    /**
     * Scans a one-line plain scalar (block context) from {@code p}: {end of its text, offset where it
     * stopped}; it stops at the end of the line, at a {@code #} after spaces, or at a {@code :}
     * followed by a space or the end of the line.
     */
    private int[] scanPlain(int p, int e) {
        int i = p;
        int last = p;
        while (true) {
            int chunk = i;
            while (i < e) {
                char c = text.charAt(i);
                if (c == ' ' || (c == ':' && (i + 1 == e || text.charAt(i + 1) == ' '))) {
                    break;
                }
                i++;
            }
            if (i == chunk) {
                return new int[] {last, i};
            }
            last = i;
            int j = skipSpaces(i, e);
            if (j == e || (j > i && text.charAt(j) == '#')) {
                return new int[] {last, j};
            }
            i = j;
        }
    }

    /**
     * A value starting at {@code p} of {@code line} in a block collection indented by {@code col}
     * (the scanner's indentation): a scalar, a literal block scalar or a flow collection.
     */
    private JsonNode inline(int line, int p, int col, int depth) throws Decline {
        count(depth);
        int e = end[line];
        char c = text.charAt(p);
        JsonNode value;
        int after;
        switch (c) {
            case '"': {
                int close = doubleQuotedEnd(p, e);
                if (close < 0) {
                    throw Decline.INSTANCE;
                }
                value = TextNode.valueOf(doubleQuoted(p, close));
                after = close + 1;
                break;
            }
            case '\'': {
                int close = singleQuotedEnd(p, e);
                if (close < 0) {
                    throw Decline.INSTANCE;
                }
                value = TextNode.valueOf(singleQuoted(p, close));
                after = close + 1;
                break;
            }
            case '|':
                return literal(line, p, col);
            case '[', '{': {
                int[] next = {p};
                value = flow(line, next, depth, true);
                after = next[0];
                break;
            }
            default: {
                if (!plainStart(p, e)) {
                    throw Decline.INSTANCE;
                }
                int[] scan = scanPlain(p, e);
                int stop = scan[1];
                if (stop < e && text.charAt(stop) != '#') {
                    throw Decline.INSTANCE; // "a: b: c"
                }
                value = plain(text.substring(p, scan[0]));
                after = scan[0];
                break;
            }
        }
        int q = skipSpaces(after, e);
        if (q < e && (text.charAt(q) != '#' || q == after)) {
            throw Decline.INSTANCE;
        }
        ln = line + 1;
        return value;
    }

    /** The node of a non-empty plain scalar, typed as Jackson's YAMLParser + TreeBuilder type it. */
    private JsonNode plain(String value) throws Decline {
        char first = value.charAt(0);
        if ("yYnNtTfFoO-+0123456789.<~!&*".indexOf(first) < 0) {
            return TextNode.valueOf(value);
        }
        Tag tag = resolver.resolve(NodeId.scalar, value, true);
        if (tag == Tag.STR || tag == Tag.TIMESTAMP) {
            return TextNode.valueOf(value);
        }
        if (tag == Tag.NULL) {
            return NullNode.instance;
        }
        if (tag == Tag.BOOL) {
            switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on":
                    return BooleanNode.TRUE;
                case "false", "no", "off":
                    return BooleanNode.FALSE;
                default:
                    throw Decline.INSTANCE;
            }
        }
        if (tag == Tag.FLOAT) {
            return TreeBuilder.floating(value);
        }
        if (tag == Tag.INT) {
            return decimal(value);
        }
        throw Decline.INSTANCE;
    }

    /** A plain decimal integer without sign {@code +}, underscores or leading zeros, of at most 18 digits. */
    private static JsonNode decimal(String value) throws Decline {
        int i = value.charAt(0) == '-' ? 1 : 0;
        int digits = value.length() - i;
        if (digits < 1 || digits > 18 || (digits > 1 && value.charAt(i) == '0')) {
            throw Decline.INSTANCE;
        }
        for (int k = i; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < '0' || c > '9') {
                throw Decline.INSTANCE;
            }
        }
        long v = Long.parseLong(value);
        if (digits <= 9 || (digits == 10 && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)) {
            return IntNode.valueOf((int) v);
        }
        return LongNode.valueOf(v);
    }

    /** Offset of the closing quote of the single-quoted scalar opening at {@code p}, or -1 if not on this line. */
    private int singleQuotedEnd(int p, int e) {
        int i = p + 1;
        while (i < e) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < e && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private String singleQuoted(int p, int close) {
        String raw = text.substring(p + 1, close);
        return raw.indexOf('\'') < 0 ? raw : raw.replace("''", "'");
    }

    /** Offset of the closing quote of the double-quoted scalar opening at {@code p}, or -1 if not on this line. */
    private int doubleQuotedEnd(int p, int e) {
        int i = p + 1;
        while (i < e) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    private String doubleQuoted(int p, int close) throws Decline {
        int from = p + 1;
        int backslash = text.indexOf('\\', from);
        if (backslash < 0 || backslash >= close) {
            return text.substring(from, close);
        }
        StringBuilder sb = new StringBuilder(close - from);
        int i = from;
        while (i < close) {
            char c = text.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            char x = text.charAt(i + 1);
            i += 2;
            switch (x) {
                case '0' -> sb.append('\0');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'v' -> sb.append('\u000B');
                case 'f' -> sb.append('\f');
                case 'r' -> sb.append('\r');
                case 'e' -> sb.append('\u001B');
                case ' ' -> sb.append(' ');
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case 'N' -> sb.append('\u0085');
                case '_' -> sb.append('\u00A0');
                case 'L' -> sb.append('\u2028');
                case 'P' -> sb.append('\u2029');
                case 'x', 'u' -> {
                    int len = x == 'x' ? 2 : 4;
                    if (i + len > close) {
                        throw Decline.INSTANCE;
                    }
                    int v = 0;
                    for (int k = 0; k < len; k++) {
                        int d = Character.digit(text.charAt(i + k), 16);
                        if (d < 0) {
                            throw Decline.INSTANCE;
                        }
                        v = v * 16 + d;
                    }
                    if (v >= 0xD800 && v <= 0xDFFF) {
                        throw Decline.INSTANCE;
                    }
                    sb.append((char) v);
                    i += len;
                }
                default -> throw Decline.INSTANCE;
            }
        }
        return sb.toString();
    }

    /**
     * A literal block scalar whose indicator {@code |} is at offset {@code p} of {@code line}, in a
     * block collection indented by {@code col}. Leaves {@link #ln} on the first line after it.
     */
    private JsonNode literal(int line, int p, int col) throws Decline {
        int e = end[line];
        int i = p + 1;
        boolean strip = false;
        if (i < e && text.charAt(i) == '-') {
            strip = true;
            i++;
        }
        if (i < e) {
            if (text.charAt(i) != ' ') {
                throw Decline.INSTANCE;
            }
            int q = skipSpaces(i, e);
            if (q < e && text.charAt(q) != '#') {
                throw Decline.INSTANCE;
            }
        }
        int first = line + 1;
        if (first >= lines) {
            throw Decline.INSTANCE;
        }
        int ind = indent[first];
        if (ind == end[first] - start[first] || ind < Math.max(1, col + 1)) {
            throw Decline.INSTANCE; // leading blank line, or an empty scalar
        }
        StringBuilder sb = new StringBuilder();
        int j = first;
        int blanks = 0;
        boolean terminated;
        while (true) {
            if (j > first) {
                sb.append('\n');
                for (int b = 0; b < blanks; b++) {
                    sb.append('\n');
                }
            }
            sb.append(text, start[j] + ind, end[j]);
            if (tabs) {
                if (literalLine == null) {
                    literalLine = new boolean[lines];
                }
                literalLine[j] = true;
            }
            terminated = end[j] < text.length();
            blanks = 0;
            int k = j + 1;
            boolean more = false;
            while (k < lines) {
                int len = end[k] - start[k];
                if (indent[k] == len) { // only spaces
                    if (end[k] == text.length()) { // unterminated last line
                        if (len > ind) {
                            throw Decline.INSTANCE;
                        }
                        break;
                    }
                    if (len <= ind) {
                        blanks++;
                        k++;
                        continue;
                    }
                    more = true;
                } else {
                    more = indent[k] >= ind;
                }
                break;
            }
            if (more) {
                j = k;
                continue;
            }
            ln = k;
            break;
        }
        if (!strip && terminated) {
            sb.append('\n');
        }
        return TextNode.valueOf(sb.toString());
    }

    /**
     * A flow collection on one line starting at {@code at[0]}; leaves {@code at[0]} after its closing
     * bracket.
     */
    private JsonNode flow(int line, int[] at, int depth, boolean top) throws Decline {
        if (!top) {
            count(depth);
        }
        if (depth > MAX_DEPTH) {
            throw Decline.INSTANCE;
        }
        int e = end[line];
        int p = at[0];
        boolean map = text.charAt(p) == '{';
        char close = map ? '}' : ']';
        p = skipSpaces(p + 1, e);
        long[] pos = new long[4];
        int size = 0;
        JsonNode result;
        ObjectNode object = map ? JsonNodeFactory.instance.objectNode() : null;
        ArrayNode array = map ? null : JsonNodeFactory.instance.arrayNode();
        result = map ? object : array;
        if (p < e && text.charAt(p) == close) {
            at[0] = p + 1;
            positions.put(result, new long[0]);
            return result;
        }
        while (true) {
            if (p >= e) {
                throw Decline.INSTANCE;
            }
            if (size == pos.length) {
                pos = Arrays.copyOf(pos, size * 2);
            }
            long here = pack(line + 1, column(line, p));
            if (map) {
                at[0] = p;
                String key = flowScalarText(line, at);
                int q = at[0];
                if (q + 1 >= e || text.charAt(q) != ':' || text.charAt(q + 1) != ' ') {
                    throw Decline.INSTANCE;
                }
                key = keys.canonical(key);
                if (object.has(key)) {
                    throw Decline.INSTANCE;
                }
                at[0] = skipSpaces(q + 1, e);
                JsonNode value = flowValue(line, at, depth + 1);
                object.set(key, value);
            } else {
                at[0] = p;
                array.add(flowValue(line, at, depth + 1));
            }
            pos[size++] = here;
            p = skipSpaces(at[0], e);
            if (p >= e) {
                throw Decline.INSTANCE;
            }
            char c = text.charAt(p);
            if (c == close) {
                at[0] = p + 1;
                break;
            }
            if (c != ',') {
                throw Decline.INSTANCE;
            }
            p = skipSpaces(p + 1, e);
            if (p >= e || text.charAt(p) == close) {
                throw Decline.INSTANCE; // trailing comma
            }
        }
        positions.put(result, size == pos.length ? pos : Arrays.copyOf(pos, size));
        return result;
    }

    private JsonNode flowValue(int line, int[] at, int depth) throws Decline {
        int p = at[0];
        int e = end[line];
        if (p >= e) {
            throw Decline.INSTANCE;
        }
        char c = text.charAt(p);
        if (c == '[' || c == '{') {
            return flow(line, at, depth, false);
        }
        count(depth);
        if (c == '"' || c == '\'') {
            return TextNode.valueOf(flowScalarText(line, at));
        }
        String value = flowScalarText(line, at);
        return plain(value);
    }

    /** A quoted or plain scalar in a flow collection starting at {@code at[0]}; leaves {@code at[0]} just after it. */
    private String flowScalarText(int line, int[] at) throws Decline {
        int p = at[0];
        int e = end[line];
        char c = text.charAt(p);
        if (c == '"') {
            int close = doubleQuotedEnd(p, e);
            if (close < 0) {
                throw Decline.INSTANCE;
            }
            at[0] = close + 1;
            return doubleQuoted(p, close);
        }
        if (c == '\'') {
            int close = singleQuotedEnd(p, e);
            if (close < 0) {
                throw Decline.INSTANCE;
            }
            at[0] = close + 1;
            return singleQuoted(p, close);
        }
        if (!(Character.isLetterOrDigit(c) && c < 0x80) && "._/".indexOf(c) < 0
                && !(c == '-' && p + 1 < e && text.charAt(p + 1) >= '0' && text.charAt(p + 1) <= '9')) {
            throw Decline.INSTANCE;
        }
        int i = p;
        int last = p;
        while (true) {
            while (i < e && !flowStop(i, e)) {
                i++;
            }
            last = i;
            int j = skipSpaces(i, e);
            if (j == i || j == e || flowStop(j, e)) {
                break;
            }
            i = j;
        }
        if (last == p) {
            throw Decline.INSTANCE;
        }
        at[0] = last;
        return text.substring(p, last);
    }

    /** Does a plain scalar in a flow collection end at offset {@code i} (or is it a character the fast path declines)? */
    private boolean flowStop(int i, int e) {
        char c = text.charAt(i);
        switch (c) {
            case ':':
                return i + 1 == e || " ,[]{}".indexOf(text.charAt(i + 1)) >= 0;
            case ' ', ',', '[', ']', '{', '}', '#', '?', '\'', '"':
                return true;
            default:
                return false;
        }
    }

    private int skipSpaces(int p, int e) {
        while (p < e && text.charAt(p) == ' ') {
            p++;
        }
        return p;
    }
}
