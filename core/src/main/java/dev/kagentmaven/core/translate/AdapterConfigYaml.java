package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The YAML text sigs.k8s.io/yaml v1.4.0 {@code Marshal} produces for a JSON value (mcpserver.md §3.5):
 * the JSON is re-read by its bundled goyaml.v2 into untyped maps and written by goyaml.v2's emitter
 * (libyaml port) with its defaults — block style, 2-space indent, sequences in mappings not indented,
 * map keys in goyaml.v2's "natural" key order, strings quoted only when a YAML 1.1 reader would
 * take them for something else or the emitter cannot write them plain, long lines folded at
 * column 80. Only the node kinds a JSON document can hold are supported (objects, arrays, strings,
 * integers, null); an empty object or array is written in flow style ({@code {}} / {@code []}).
 *
 * <p>This is a port of the relevant parts of goyaml.v2 (encode.go {@code stringv}, resolve.go,
 * sorter.go, emitterc.go), kept close to the original so that every quoting and folding decision
 * matches byte for byte. Stateful; one instance per document.
 */
final class AdapterConfigYaml {
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;
    private boolean mappingContext;
    private boolean simpleKeyContext;

    private AdapterConfigYaml() {
    }

    /**
     * {@code yaml.Marshal} of the JSON value {@code root}.
     *
     * @throws IllegalArgumentException when a string holds a character goyaml.v2's reader refuses
     *     (check with {@link #hasForbiddenCharacter} first)
     */
    static String write(JsonNode root) {
        AdapterConfigYaml e = new AdapterConfigYaml();
        e.node(readBack(root), false, false);
        e.writeIndent(); // implicit document end
        return e.out.toString(StandardCharsets.UTF_8);
    }

    // ---- the JSON text re-read by goyaml.v2 (sigs.k8s.io/yaml JSONToYAML) ----

    /**
     * True when Go's JSON encoding of {@code s} holds a character goyaml.v2's reader refuses
     * (encoding/json writes DEL, the C1 controls other than NEL, U+FFFE and U+FFFF unescaped), so that
     * kmcp fails with {@code yaml: control characters are not allowed}.
     */
    static boolean hasForbiddenCharacter(String s) {
        return s.codePoints().anyMatch(c -> c == 0x7F || c >= 0x80 && c <= 0x9F && c != 0x85 || c == 0xFFFE || c == 0xFFFF);
    }

    /** {@link #readBack(JsonNode)} for tests. */
    static JsonNode readBackForTest(JsonNode n) {
        return readBack(n);
    }

    /** The value goyaml.v2 decodes from Go's JSON encoding of {@code n}. */
    private static JsonNode readBack(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            keys.sort(dev.kagentmaven.core.go.GoJson.MAP_KEY_ORDER); // Go writes map keys sorted; a later duplicate wins
            com.fasterxml.jackson.databind.node.ObjectNode o = Json.obj();
            for (String k : keys) {
                o.set(readBack(k), readBack(n.get(k)));
            }
            return o;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = Json.arr();
            n.forEach(x -> a.add(readBack(x)));
            return a;
        }
        if (n.isTextual()) {
            return Json.F.textNode(readBack(n.textValue()));
        }
        return n;
    }

    /**
     * A JSON string as goyaml.v2 reads it back. Go escapes every line break in JSON except NEL
     * (U+0085), which the YAML scanner then folds like a line break inside a double-quoted scalar:
     * spaces around a run of breaks are dropped, one break becomes a space, n breaks become n-1
     * newlines.
     */
    static String readBack(String raw) {
        String s = validUtf16(raw);
        if (hasForbiddenCharacter(s)) {
            throw new IllegalArgumentException("yaml: control characters are not allowed");
        }
        if (s.indexOf('\u0085') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\u0085') {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            int breaks = 0;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\u0085')) {
                if (s.charAt(j) == '\u0085') {
                    breaks++;
                }
                j++;
            }
            if (breaks == 0) {
                out.append(s, i, j);
            } else if (breaks == 1) {
                out.append(' ');
            } else {
                out.append("\n".repeat(breaks - 1));
            }
            i = j;
        }
        return out.toString();
    }

    // ---- tree walk (encode.go marshal/mapv/slicev + emitter states) ----

    private void node(JsonNode n, boolean mapping, boolean simpleKey) {
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        if (n.isObject()) {
            if (flowLevel > 0 || n.isEmpty()) {
                emptyFlow('{', '}', n);
            } else {
                blockMapping(n);
            }
        } else if (n.isArray()) {
            if (flowLevel > 0 || n.isEmpty()) {
                emptyFlow('[', ']', n);
            } else {
                blockSequence(n);
            }
        } else if (n.isTextual()) {
            scalar(stringValue(n.textValue()));
        } else if (n.isIntegralNumber()) {
            scalar(new Scalar(utf8(n.bigIntegerValue().toString()), Style.PLAIN));
        } else if (n.isNull() || n.isMissingNode()) {
            scalar(new Scalar(utf8("null"), Style.PLAIN));
        } else if (n.isBoolean()) {
            scalar(new Scalar(utf8(n.booleanValue() ? "true" : "false"), Style.PLAIN));
        } else {
            throw new IllegalArgumentException("unsupported JSON value in adapter config: " + n.getNodeType());
        }
    }

    private void emptyFlow(char open, char close, JsonNode n) {
        if (!n.isEmpty()) {
            throw new IllegalStateException("internal error: non-empty flow collection");
        }
        writeIndicator(String.valueOf(open), true, true, false);
        increaseIndent(true, false);
        flowLevel++;
        flowLevel--;
        popIndent();
        writeIndicator(String.valueOf(close), false, false, false);
    }

    private void blockMapping(JsonNode n) {
        increaseIndent(false, false);
        for (String key : sortedKeys(n)) {
            writeIndent();
            Scalar k = stringValue(key);
            if (k.analysis.multiline || k.value.length > 128) {
                writeIndicator("?", true, false, true);
                mappingContext = true;
                simpleKeyContext = false;
                scalar(k);
                writeIndent();
                writeIndicator(":", true, false, true);
            } else {
                mappingContext = true;
                simpleKeyContext = true;
                scalar(k);
                writeIndicator(":", false, false, false);
            }
            node(n.get(key), true, false);
        }
        popIndent();
    }

    private void blockSequence(JsonNode n) {
        increaseIndent(false, mappingContext && !indention);
        for (JsonNode item : n) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        popIndent();
    }

    // ---- scalars ----

    private record Analysis(boolean multiline, boolean flowPlainAllowed, boolean blockPlainAllowed,
            boolean singleQuotedAllowed, boolean blockAllowed) {
    }

    private static final class Scalar {
        final byte[] value;
        final Style requested;
        final Analysis analysis;

        Scalar(byte[] value, Style requested) {
            this.value = value;
            this.requested = requested;
            this.analysis = analyze(value);
        }
    }

    /** encode.go stringv: the style asked of the emitter for a string. */
    private static Scalar stringValue(String raw) {
        String s = validUtf16(raw);
        Style style;
        if (s.indexOf('\n') >= 0) {
            style = Style.LITERAL;
        } else if (resolvesToString(s) && !isBase60Float(s)) {
            style = Style.PLAIN;
        } else {
            style = Style.DOUBLE;
        }
        return new Scalar(utf8(s), style);
    }

    private void scalar(Scalar s) {
        Style style = selectStyle(s);
        increaseIndent(true, false);
        switch (style) {
            case PLAIN -> writePlain(s.value, !simpleKeyContext);
            case SINGLE -> writeSingleQuoted(s.value, !simpleKeyContext);
            case DOUBLE -> writeDoubleQuoted(s.value, !simpleKeyContext);
            case LITERAL -> writeLiteral(s.value);
        }
        popIndent();
    }

    /** yaml_emitter_select_scalar_style. */
    private Style selectStyle(Scalar s) {
        Analysis a = s.analysis;
        Style style = s.requested;
        if (simpleKeyContext && a.multiline) {
            style = Style.DOUBLE;
        }
        if (style == Style.PLAIN) {
            if (flowLevel > 0 && !a.flowPlainAllowed || flowLevel == 0 && !a.blockPlainAllowed) {
                style = Style.SINGLE;
            }
            if (s.value.length == 0 && (flowLevel > 0 || simpleKeyContext)) {
                style = Style.SINGLE;
            }
        }
        if (style == Style.SINGLE && !a.singleQuotedAllowed) {
            style = Style.DOUBLE;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
            style = Style.DOUBLE;
        }
        return style;
    }

    /** yaml_emitter_analyze_scalar. */
    private static Analysis analyze(byte[] v) {
        if (v.length == 0) {
            return new Analysis(false, false, true, true, false);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        if (v.length >= 3 && (v[0] == '-' && v[1] == '-' && v[2] == '-' || v[0] == '.' && v[1] == '.' && v[2] == '.')) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        for (int i = 0, w; i < v.length; i += w) {
            w = width(v[i]);
            boolean followedByWhitespace = i + w >= v.length || isBlank(v, i + w);
            if (i == 0) {
                switch (v[i]) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            } else {
                switch (v[i]) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!isPrintable(v, i)) {
                specialCharacters = true; // unicode output is on: non-ASCII printable is fine
            }
            if (isSpace(v, i)) {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i + width(v[i]) == v.length) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(v, i)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i + width(v[i]) == v.length) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlankz(v, i);
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = false;
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            flowPlain = false;
            blockPlain = false;
            single = false;
        }
        if (spaceBreak || specialCharacters) {
            flowPlain = false;
            blockPlain = false;
            single = false;
            block = false;
        }
        if (lineBreaks) {
            flowPlain = false;
            blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new Analysis(lineBreaks, flowPlain, blockPlain, single, block);
    }

    // ---- emitter primitives ----

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents.pop();
    }

    private void put(int b) {
        out.write(b);
        column++;
    }

    private void putBreak() {
        out.write('\n');
        column = 0;
    }

    /** Copies one character; returns the index after it. */
    private int write(byte[] v, int i) {
        int w = width(v[i]);
        out.write(v, i, w);
        column++;
        return i + w;
    }

    private void writeAll(String s) {
        byte[] b = utf8(s);
        for (int i = 0; i < b.length; ) {
            i = write(b, i);
        }
    }

    private int writeBreak(byte[] v, int i) {
        if (v[i] == '\n') {
            putBreak();
            return i + 1;
        }
        int next = write(v, i);
        column = 0;
        return next;
    }

    private void writeIndent() {
        int ind = Math.max(indent, 0);
        if (!indention || column > ind || column == ind && !whitespace) {
            putBreak();
        }
        while (column < ind) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        writeAll(indicator);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writePlain(byte[] v, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; ) {
            if (isSpace(v, i)) {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !isSpace(v, i + 1)) {
                    writeIndent();
                    i += width(v[i]);
                } else {
                    i = write(v, i);
                }
                spaces = true;
            } else if (isBreak(v, i)) {
                if (!breaks && v[i] == '\n') {
                    putBreak();
                }
                i = writeBreak(v, i);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                i = write(v, i);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(byte[] v, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; ) {
            if (isSpace(v, i)) {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v, i + 1)) {
                    writeIndent();
                    i += width(v[i]);
                } else {
                    i = write(v, i);
                }
                spaces = true;
            } else if (isBreak(v, i)) {
                if (!breaks && v[i] == '\n') {
                    putBreak();
                }
                i = writeBreak(v, i);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (v[i] == '\'') {
                    put('\'');
                }
                i = write(v, i);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(byte[] v, boolean allowBreaks) {
        boolean spaces = false;
        writeIndicator("\"", true, false, false);
        for (int i = 0; i < v.length; ) {
            if (!isPrintable(v, i) || isBom(v) || isBreak(v, i) || v[i] == '"' || v[i] == '\\') {
                int octet = v[i] & 0xFF;
                int w;
                int c;
                if ((octet & 0x80) == 0) {
                    w = 1;
                    c = octet & 0x7F;
                } else if ((octet & 0xE0) == 0xC0) {
                    w = 2;
                    c = octet & 0x1F;
                } else if ((octet & 0xF0) == 0xE0) {
                    w = 3;
                    c = octet & 0x0F;
                } else {
                    w = 4;
                    c = octet & 0x07;
                }
                for (int k = 1; k < w; k++) {
                    c = (c << 6) + (v[i + k] & 0x3F);
                }
                i += w;
                put('\\');
                switch (c) {
                    case 0x00 -> put('0');
                    case 0x07 -> put('a');
                    case 0x08 -> put('b');
                    case 0x09 -> put('t');
                    case 0x0A -> put('n');
                    case 0x0B -> put('v');
                    case 0x0C -> put('f');
                    case 0x0D -> put('r');
                    case 0x1B -> put('e');
                    case 0x22 -> put('"');
                    case 0x5C -> put('\\');
                    case 0x85 -> put('N');
                    case 0xA0 -> put('_');
                    case 0x2028 -> put('L');
                    case 0x2029 -> put('P');
                    default -> {
                        int digits;
                        if (c <= 0xFF) {
                            put('x');
                            digits = 2;
                        } else if (c <= 0xFFFF) {
                            put('u');
                            digits = 4;
                        } else {
                            put('U');
                            digits = 8;
                        }
                        for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
                            int digit = (c >> k) & 0x0F;
                            put(digit < 10 ? '0' + digit : 'A' + digit - 10);
                        }
                    }
                }
                spaces = false;
            } else if (isSpace(v, i)) {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < v.length - 1) {
                    writeIndent();
                    if (isSpace(v, i + 1)) {
                        put('\\');
                    }
                    i += width(v[i]);
                } else {
                    i = write(v, i);
                }
                spaces = true;
            } else {
                i = write(v, i);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeLiteral(byte[] v) {
        writeIndicator("|", true, false, false);
        blockScalarHints(v);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int i = 0; i < v.length; ) {
            if (isBreak(v, i)) {
                i = writeBreak(v, i);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                i = write(v, i);
                indention = false;
                breaks = false;
            }
        }
    }

    private void blockScalarHints(byte[] v) {
        if (isSpace(v, 0) || isBreak(v, 0)) {
            writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
        }
        char chomp = 0;
        if (v.length == 0) {
            chomp = '-';
        } else {
            int i = v.length - 1;
            while ((v[i] & 0xC0) == 0x80) {
                i--;
            }
            if (!isBreak(v, i)) {
                chomp = '-';
            } else if (i == 0) {
                chomp = '+';
            } else {
                i--;
                while ((v[i] & 0xC0) == 0x80) {
                    i--;
                }
                if (isBreak(v, i)) {
                    chomp = '+';
                }
            }
        }
        if (chomp != 0) {
            writeIndicator(String.valueOf(chomp), false, false, false);
        }
    }

    // ---- byte classes (yamlprivateh.go) ----

    private static int at(byte[] b, int i) {
        return i < b.length ? b[i] & 0xFF : 0;
    }

    private static int width(byte b) {
        int c = b & 0xFF;
        if ((c & 0x80) == 0) {
            return 1;
        }
        if ((c & 0xE0) == 0xC0) {
            return 2;
        }
        if ((c & 0xF0) == 0xE0) {
            return 3;
        }
        if ((c & 0xF8) == 0xF0) {
            return 4;
        }
        return 1; // not reached for valid UTF-8
    }

    private static boolean isPrintable(byte[] b, int i) {
        int c = at(b, i);
        int c1 = at(b, i + 1);
        int c2 = at(b, i + 2);
        return c == 0x0A
                || c >= 0x20 && c <= 0x7E
                || c == 0xC2 && c1 >= 0xA0
                || c > 0xC2 && c < 0xED
                || c == 0xED && c1 < 0xA0
                || c == 0xEE
                || c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF));
    }

    /** goyaml.v2's is_bom looks at the start of the value, whatever the index (kept as is). */
    private static boolean isBom(byte[] b) {
        return at(b, 0) == 0xEF && at(b, 1) == 0xBB && at(b, 2) == 0xBF;
    }

    private static boolean isSpace(byte[] b, int i) {
        return at(b, i) == ' ';
    }

    private static boolean isBlank(byte[] b, int i) {
        int c = at(b, i);
        return c == ' ' || c == '\t';
    }

    private static boolean isBreak(byte[] b, int i) {
        int c = at(b, i);
        int c1 = at(b, i + 1);
        int c2 = at(b, i + 2);
        return c == '\r' || c == '\n' || c == 0xC2 && c1 == 0x85 || c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9);
    }

    private static boolean isBlankz(byte[] b, int i) {
        return isBlank(b, i) || isBreak(b, i) || at(b, i) == 0;
    }

    // ---- resolve.go: would the plain scalar read back as something other than a string? ----

    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern BASE60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final List<String> NON_STRINGS = List.of(
            "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
            "", "~", "null", "Null", "NULL",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");

    static boolean resolvesToString(String in) {
        char hint;
        if (in.isEmpty()) {
            hint = 'N';
        } else {
            char c = in.charAt(0);
            if (c == '+' || c == '-') {
                hint = 'S';
            } else if (c >= '0' && c <= '9') {
                hint = 'D';
            } else if ("yYnNtTfFoO~".indexOf(c) >= 0) {
                hint = 'M';
            } else if (c == '.') {
                hint = '.';
            } else {
                return true;
            }
        }
        if (NON_STRINGS.contains(in)) {
            return false;
        }
        switch (hint) {
            case '.':
                return !(DOT_FLOAT.matcher(in).matches() && finite(in));
            case 'D':
            case 'S':
                if (GoTimestamp.parses(in)) {
                    return false;
                }
                String plain = in.replace("_", "");
                if (parsesAsGoInt(plain)) {
                    return false;
                }
                return !(YAML_STYLE_FLOAT.matcher(plain).matches() && finite(plain));
            default:
                return true;
        }
    }

    static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || c >= '0' && c <= '9') || s.indexOf(':') < 0) {
            return false;
        }
        return BASE60_FLOAT.matcher(s).matches();
    }

    /** strconv.ParseFloat without a range error (the text already matched a decimal float pattern). */
    private static boolean finite(String s) {
        return Double.isFinite(Double.parseDouble(s));
    }

    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** strconv.ParseInt(s, 0, 64) or strconv.ParseUint(s, 0, 64) succeeds (s has no underscores). */
    static boolean parsesAsGoInt(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char sign = 0;
        String t = s;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            sign = t.charAt(0);
            t = t.substring(1);
            if (t.isEmpty()) {
                return false;
            }
        }
        int base = 10;
        if (t.charAt(0) == '0') {
            char p = t.length() >= 3 ? Character.toLowerCase(t.charAt(1)) : 0;
            if (p == 'b') {
                base = 2;
                t = t.substring(2);
            } else if (p == 'o') {
                base = 8;
                t = t.substring(2);
            } else if (p == 'x') {
                base = 16;
                t = t.substring(2);
            } else {
                base = 8;
                t = t.substring(1);
            }
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (d >= base) {
                return false;
            }
        }
        BigInteger v = t.isEmpty() ? BigInteger.ZERO : new BigInteger(t, base);
        if (sign == '-') {
            return v.compareTo(TWO_63) <= 0;
        }
        if (sign == '+') {
            return v.compareTo(TWO_63) < 0;
        }
        return v.compareTo(TWO_64) < 0;
    }

    // ---- sorter.go: goyaml.v2's order of string map keys ----

    static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        // insertion sort: the order is not guaranteed to be a total order for every input, so avoid
        // sorts that check the comparator contract
        for (int i = 1; i < keys.size(); i++) {
            for (int j = i; j > 0 && keyLess(keys.get(j), keys.get(j - 1)); j--) {
                String tmp = keys.get(j);
                keys.set(j, keys.get(j - 1));
                keys.set(j - 1, tmp);
            }
        }
        return keys;
    }

    static boolean keyLess(String x, String y) {
        int[] a = validUtf16(x).codePoints().toArray();
        int[] b = validUtf16(y).codePoints().toArray();
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            boolean al = Character.isLetter(a[i]);
            boolean bl = Character.isLetter(b[i]);
            if (al && bl) {
                return a[i] < b[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (a[i] == '0' || b[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai;
            int bi;
            for (ai = i; ai < a.length && Character.isDigit(a[ai]); ai++) {
                an = an * 10 + (a[ai] - '0');
            }
            for (bi = i; bi < b.length && Character.isDigit(b[bi]); bi++) {
                bn = bn * 10 + (b[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }

    // ---- strings ----

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Go strings are UTF-8: a lone surrogate becomes U+FFFD (as encoding/json would write it). */
    static String validUtf16(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(lone ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * goyaml.v2's parseTimestamp: Go's time.Parse with the layouts {@code 2006-1-2T15:4:5.999999999Z07:00},
     * the same with a lower-case {@code t}, {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}.
     */
    static final class GoTimestamp {
        private final String s;
        private int p;

        private GoTimestamp(String s) {
            this.s = s;
        }

        static boolean parses(String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i != 4 || i == s.length() || s.charAt(i) != '-') {
                return false;
            }
            return new GoTimestamp(s).layout('T', true) || new GoTimestamp(s).layout('t', true)
                    || new GoTimestamp(s).layout(' ', false) || new GoTimestamp(s).dateOnly();
        }

        private boolean dateOnly() {
            return date() && p == s.length();
        }

        private boolean layout(char sep, boolean zone) {
            if (!date()) {
                return false;
            }
            if (sep == ' ') {
                // a layout space matches one or more spaces (or the end of the value)
                if (p < s.length() && s.charAt(p) != ' ') {
                    return false;
                }
                while (p < s.length() && s.charAt(p) == ' ') {
                    p++;
                }
            } else if (!lit(sep)) {
                return false;
            }
            int hour = num();
            if (hour < 0 || hour >= 24 || !lit(':')) {
                return false;
            }
            int minute = num();
            if (minute < 0 || minute >= 60 || !lit(':')) {
                return false;
            }
            int second = num();
            if (second < 0 || second >= 60) {
                return false;
            }
            if (p + 1 < s.length() && (s.charAt(p) == '.' || s.charAt(p) == ',') && digit(p + 1)) {
                p++;
                while (digit(p)) {
                    p++;
                }
            }
            if (zone) {
                if (p < s.length() && s.charAt(p) == 'Z') {
                    p++;
                } else {
                    if (s.length() - p < 6 || s.charAt(p + 3) != ':') {
                        return false;
                    }
                    char sign = s.charAt(p);
                    if (!digit(p + 1) || !digit(p + 2) || !digit(p + 4) || !digit(p + 5)) {
                        return false;
                    }
                    int hh = (s.charAt(p + 1) - '0') * 10 + s.charAt(p + 2) - '0';
                    int mm = (s.charAt(p + 4) - '0') * 10 + s.charAt(p + 5) - '0';
                    if (sign != '+' && sign != '-' || hh > 24 || mm > 60) {
                        return false;
                    }
                    p += 6;
                }
            }
            return p == s.length();
        }

        private boolean date() {
            int year = Integer.parseInt(s.substring(0, 4));
            p = 4;
            if (!lit('-')) {
                return false;
            }
            int month = num();
            if (month < 1 || month > 12 || !lit('-')) {
                return false;
            }
            int day = num();
            return day >= 1 && day <= daysIn(month, year);
        }

        private static int daysIn(int month, int year) {
            return switch (month) {
                case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** Go's getnum(value, false): one or two digits; -1 when none. */
        private int num() {
            if (!digit(p)) {
                return -1;
            }
            int v = s.charAt(p++) - '0';
            if (digit(p)) {
                v = v * 10 + s.charAt(p++) - '0';
            }
            return v;
        }

        private boolean digit(int i) {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        private boolean lit(char c) {
            if (p < s.length() && s.charAt(p) == c) {
                p++;
                return true;
            }
            return false;
        }
    }
}
