package dev.kagentmaven.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How {@link ManifestYaml} writes one scalar so that YAML 1.1 readers (Go's sigs.k8s.io/yaml,
 * PyYAML, SnakeYAML) and YAML 1.2 readers all read back the same type and text. The rules are
 * documented on {@link ManifestYaml}.
 */
final class YamlScalars {

    /** Characters that must not start a plain scalar (YAML indicators, signs, and the null/value/merge marks). */
    private static final String BAD_FIRST = "-?:,[]{}#&*!|>'\"%@`+~=<";

    /** Words a YAML 1.1 resolver reads as booleans or null (compared case-insensitively, to be safe). */
    private static final Set<String> SPECIAL_WORDS =
            Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private YamlScalars() {}

    /** The single-line form of a string: plain if provably safe, else single- or double-quoted. */
    static String flow(String s) {
        if (isPlainSafe(s)) {
            return s;
        }
        if (isSafePrintable(s)) {
            return "'" + s.replace("'", "''") + "'";
        }
        return doubleQuoted(s);
    }

    /** Whether {@code s} may be written without quotes; see the class Javadoc of {@link ManifestYaml}. */
    static boolean isPlainSafe(String s) {
        if (s.isEmpty() || !isSafePrintable(s)) {
            return false;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (isSpace(first) || isSpace(last) || BAD_FIRST.indexOf(first) >= 0 || (first >= '0' && first <= '9')) {
            return false;
        }
        if (first == '.' && looksLikeDotNumber(s)) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || last == ':') {
            return false;
        }
        return s.length() > 5 || !SPECIAL_WORDS.contains(s.toLowerCase(Locale.ROOT));
    }

    /** {@code .5}, {@code ._1}, {@code .inf}, {@code .NaN}, {@code .}, {@code ...} and the like. */
    private static boolean looksLikeDotNumber(String s) {
        if (s.length() == 1) {
            return true;
        }
        char second = s.charAt(1);
        if ((second >= '0' && second <= '9') || second == '_' || second == '.') {
            return true;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals(".inf") || lower.equals(".nan");
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Every code point is printable and no line break in YAML 1.1 (so tab, CR, LF, NEL, LS, PS, BOM are not). */
    static boolean isSafePrintable(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7E) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a supplementary code point: U+10000..U+10FFFF are all printable here
                continue;
            }
            if (!isSafePrintable(c)) { // a lone surrogate is not
                return false;
            }
        }
        return true;
    }

    static boolean isSafePrintable(int cp) {
        return (cp >= 0x20 && cp <= 0x7E)
                || (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029)
                || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Double-quoted form, with escapes for {@code "}, {@code \}, and every unsafe code point. */
    static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (isSafePrintable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp <= 0xFF) {
                        out.append(String.format("\\x%02X", cp));
                    } else if (cp <= 0xFFFF) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        out.append(String.format("\\U%08X", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * Whether a string containing {@code \n} can be a literal block scalar: content is non-empty,
     * only safe printable characters and {@code \n}, no line ends with a space, the first non-empty
     * line does not start with a space, and (unless {@code keepAllowed}) at most one trailing newline.
     */
    static boolean isLiteralSafe(String s, boolean keepAllowed) {
        int end = contentEnd(s);
        int trailing = s.length() - end;
        if (end == 0 || (trailing > 1 && !keepAllowed)) {
            return false;
        }
        String body = s.substring(0, end);
        if (!body.codePoints().allMatch(cp -> cp == '\n' || isSafePrintable(cp))) {
            return false;
        }
        boolean seenContent = false;
        for (String line : body.split("\n", -1)) {
            if (line.endsWith(" ")) {
                return false;
            }
            if (!seenContent && !line.isEmpty()) {
                if (line.charAt(0) == ' ') {
                    return false;
                }
                seenContent = true;
            }
        }
        return true;
    }

    /** Index just past the last character that is not a trailing {@code \n}. */
    static int contentEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return end;
    }

    /** Plain text of a number, boolean or null node; other nodes are written as strings. */
    static String nonString(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return node.numberValue().toString();
        }
        if (node.isBigDecimal()) {
            return decimal(node.decimalValue());
        }
        if (node.isFloat()) {
            float f = node.floatValue();
            return Float.isFinite(f) ? yamlFloat(Float.toString(f)) : floating(f);
        }
        if (node.isNumber()) {
            return floating(node.doubleValue());
        }
        return flow(node.asText());
    }

    /** A double in a form every YAML 1.1 reader types as float: {@code 1.5}, {@code 1.0e+20}, {@code .inf}, {@code .nan}. */
    static String floating(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return yamlFloat(Double.toString(d));
    }

    private static String decimal(BigDecimal value) {
        String text = value.toString();
        return text.indexOf('E') >= 0 ? yamlFloat(text) : text;
    }

    /** Java's {@code 1.0E10} / {@code 1E+3} to YAML 1.1's {@code 1.0e+10} / {@code 1.0e+3} (a dot and a signed exponent). */
    private static String yamlFloat(String java) {
        int e = java.indexOf('E');
        if (e < 0) {
            return java;
        }
        String mantissa = java.substring(0, e);
        String exponent = java.substring(e + 1);
        if (mantissa.indexOf('.') < 0) {
            mantissa += ".0";
        }
        if (!exponent.startsWith("-") && !exponent.startsWith("+")) {
            exponent = "+" + exponent;
        }
        return mantissa + "e" + exponent;
    }
}
