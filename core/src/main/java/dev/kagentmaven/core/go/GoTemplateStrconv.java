package dev.kagentmaven.core.go;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The parts of Go's strconv and unicode packages that text/template needs: quoting, unquoting, numbers. */
final class GoTemplateStrconv {
    private static final String HEX = "0123456789abcdef";
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");

    private GoTemplateStrconv() {
    }

    /** The result of Go's parse.newNumber: which Go types can hold the literal. */
    record Number(boolean isInt, boolean isUint, boolean isFloat, long intValue, double floatValue) {
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r < 0x80) {
            return r >= 0x20 && r < 0x7f;
        }
        if (r > 0x10FFFF || !Character.isDefined(r)) {
            return false;
        }
        switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Go's unicode.IsLetter || unicode.IsDigit || '_' (the lexer's isAlphaNumeric). */
    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
    }

    /** strconv.Quote. */
    static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** strconv.Quote (ascii=false) or strconv.QuoteToASCII (ascii=true) with the given quote character. */
    static String quoteWith(String s, char q, boolean ascii) {
        StringBuilder b = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscapedRune(b, r, q, ascii);
        }
        return b.append(q).toString();
    }

    /** strconv.QuoteRune / QuoteRuneToASCII. */
    static String quoteRune(int r, boolean ascii) {
        StringBuilder b = new StringBuilder().append('\'');
        appendEscapedRune(b, validRune(r) ? r : 0xFFFD, '\'', ascii);
        return b.append('\'').toString();
    }

    static boolean validRune(long r) {
        return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
    }

    private static void appendEscapedRune(StringBuilder b, int r, char q, boolean ascii) {
        if (r == q || r == '\\') {
            b.append('\\').appendCodePoint(r);
            return;
        }
        if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) {
            b.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            default -> appendHexEscape(b, r);
        }
    }

    private static void appendHexEscape(StringBuilder b, int r) {
        if (r < ' ' || r == 0x7f) {
            b.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 0xF));
            return;
        }
        int v = validRune(r) ? r : 0xFFFD;
        int digits = v < 0x10000 ? 4 : 8;
        b.append(v < 0x10000 ? "\\u" : "\\U");
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX.charAt((v >> shift) & 0xF));
        }
    }

    /** strconv.CanBackquote. */
    static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if ((r < ' ' && r != '\t') || r == '`' || r == 0x7f || r == 0xFEFF || Character.isSurrogate((char) r)) {
                return false;
            }
        }
        return true;
    }

    /** strconv.Unquote for a "double-quoted" or `raw` literal; throws IllegalArgumentException("invalid syntax"). */
    static String unquote(String lit) {
        if (lit.length() < 2 || lit.charAt(0) != lit.charAt(lit.length() - 1)) {
            throw syntax();
        }
        String body = lit.substring(1, lit.length() - 1);
        if (lit.charAt(0) == '`') {
            if (body.indexOf('`') >= 0) {
                throw syntax();
            }
            return body.replace("\r", "");
        }
        if (lit.charAt(0) != '"') {
            throw syntax();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            long[] c = unquoteChar(body, i, '"');
            appendUnquoted(out, c);
            i = (int) c[2];
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void appendUnquoted(ByteArrayOutputStream out, long[] c) {
        if (c[1] == 1) {
            out.write((int) c[0]);
        } else {
            out.writeBytes(new String(Character.toChars((int) c[0])).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * strconv.UnquoteChar at s[i]: returns {value, 1 if it is a raw byte else 0, next index}.
     */
    static long[] unquoteChar(String s, int i, char quote) {
        int c = s.codePointAt(i);
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw syntax();
        }
        if (c != '\\') {
            return new long[] {c, 0, i + Character.charCount(c)};
        }
        if (i + 1 >= s.length()) {
            throw syntax();
        }
        char e = s.charAt(i + 1);
        int j = i + 2;
        switch (e) {
            case 'a': return new long[] {7, 0, j};
            case 'b': return new long[] {'\b', 0, j};
            case 'f': return new long[] {'\f', 0, j};
            case 'n': return new long[] {'\n', 0, j};
            case 'r': return new long[] {'\r', 0, j};
            case 't': return new long[] {'\t', 0, j};
            case 'v': return new long[] {11, 0, j};
            case '\\': return new long[] {'\\', 0, j};
            case 'x': return new long[] {hexDigits(s, j, 2), 1, j + 2};
            case 'u': return runeEscape(hexDigits(s, j, 4), j + 4);
            case 'U': return runeEscape(hexDigits(s, j, 8), j + 8);
            case '\'', '"':
                if (e != quote) {
                    throw syntax();
                }
                return new long[] {e, 0, j};
            default:
                return octalEscape(s, i + 1, e);
        }
    }

    private static long[] runeEscape(long v, int next) {
        if (!validRune(v)) {
            throw syntax();
        }
        return new long[] {v, 0, next};
    }

    private static long[] octalEscape(String s, int start, char first) {
        if (first < '0' || first > '7' || start + 3 > s.length()) {
            throw syntax();
        }
        long v = 0;
        for (int k = start; k < start + 3; k++) {
            char d = s.charAt(k);
            if (d < '0' || d > '7') {
                throw syntax();
            }
            v = v * 8 + (d - '0');
        }
        if (v > 255) {
            throw syntax();
        }
        return new long[] {v, 1, start + 3};
    }

    private static long hexDigits(String s, int start, int n) {
        if (start + n > s.length()) {
            throw syntax();
        }
        long v = 0;
        for (int k = start; k < start + n; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                throw syntax();
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static IllegalArgumentException syntax() {
        return new IllegalArgumentException("invalid syntax");
    }

    /** Go's parse.newNumber for a character constant such as 'a' or '\n'. */
    static Number charConstant(String text) {
        long[] c = unquoteChar(text, 1, '\'');
        if (c[2] != text.length() - 1) {
            throw new IllegalArgumentException("malformed character constant: " + text);
        }
        return new Number(true, true, true, c[0], c[0]);
    }

    /** Go's parse.newNumber for a number literal; throws IllegalArgumentException with Go's message. */
    static Number number(String text) {
        BigInteger big = parseInt(text);
        boolean isInt = big != null && big.bitLength() <= 63;
        boolean isUint = big != null && big.signum() >= 0 && big.bitLength() <= 64 && text.charAt(0) != '+';
        long iv = isInt ? big.longValue() : 0;
        if (isInt || isUint) {
            double f = isInt ? (double) iv : big.doubleValue();
            return new Number(isInt, isUint, true, iv, f);
        }
        Double f = parseFloat(text);
        if (f == null) {
            throw new IllegalArgumentException("illegal number syntax: " + quote(text));
        }
        if (!text.matches(".*[.eEpP].*")) {
            throw new IllegalArgumentException("integer overflow: " + quote(text));
        }
        double v = f;
        boolean fitsInt = v >= -0x1p63 && v < 0x1p63 && v == Math.rint(v);
        boolean fitsUint = v >= 0 && v < 0x1p64 && v == Math.rint(v);
        return new Number(fitsInt, fitsUint, true, fitsInt ? (long) v : 0, v);
    }

    /** strconv.ParseInt(text, 0, 64) without the range check; null when the syntax is not an integer. */
    private static BigInteger parseInt(String text) {
        if (!underscoreOK(text)) {
            return null;
        }
        String s = text.replace("_", "");
        boolean neg = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        int base = 10;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
            s = (p == 'x' || p == 'o' || p == 'b') ? s.substring(2) : s.substring(1);
        }
        int radix = base;
        if (s.isEmpty() || !s.chars().allMatch(ch -> Character.digit(ch, radix) >= 0)) {
            return null;
        }
        BigInteger v = new BigInteger(s, radix);
        return neg ? v.negate() : v;
    }

    /** strconv.ParseFloat(text, 64); null on a syntax error or when out of range. */
    private static Double parseFloat(String text) {
        if (!underscoreOK(text)) {
            return null;
        }
        String s = text.replace("_", "");
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isInfinite(v) ? null : v;
    }

    /** strconv's underscoreOK: underscores only between digits or after a base prefix. */
    private static boolean underscoreOK(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "boxBOX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0)) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** The number of bytes of s in UTF-8. */
    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
