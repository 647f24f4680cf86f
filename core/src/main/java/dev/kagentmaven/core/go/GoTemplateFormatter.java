package dev.kagentmaven.core.go;

import java.nio.charset.StandardCharsets;

/** Go's fmt/format.go: the flags of one verb and the padded formatting of integers, floats and strings. */
class GoTemplateFormatter {
    final StringBuilder buf = new StringBuilder();
    boolean widPresent;
    boolean precPresent;
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    int wid;
    int prec;

    final void clearFlags() {
        widPresent = false;
        precPresent = false;
        minus = false;
        plus = false;
        sharp = false;
        space = false;
        zero = false;
        plusV = false;
        sharpV = false;
        wid = 0;
        prec = 0;
    }

    final void writePadding(int n) {
        if (n > 0) {
            buf.append(String.valueOf(zero ? '0' : ' ').repeat(n));
        }
    }

    /** Appends s padded to the width (counted in runes). */
    final void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    final void fmtBoolean(boolean v) {
        pad(v ? "true" : "false");
    }

    /** fmt.fmtInteger for base 2, 8, 10 or 16; verb 'O' adds the 0o prefix. */
    final void fmtInteger(long v, int base, boolean upper, int verb) {
        boolean negative = v < 0;
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (prec == 0 && v == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            precision = wid - (negative || plus || space ? 1 : 0);
        }
        String digits = Long.toUnsignedString(negative ? -v : v, base);
        StringBuilder s = new StringBuilder();
        s.append("0".repeat(Math.max(0, precision - digits.length()))).append(upper ? digits.toUpperCase() : digits);
        if (sharp) {
            if (base == 2) {
                s.insert(0, "0b");
            } else if (base == 8 && s.charAt(0) != '0') {
                s.insert(0, '0');
            } else if (base == 16) {
                s.insert(0, upper ? "0X" : "0x");
            }
        }
        if (verb == 'O') {
            s.insert(0, "0o");
        }
        if (negative) {
            s.insert(0, '-');
        } else if (plus) {
            s.insert(0, '+');
        } else if (space) {
            s.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(s.toString());
        zero = oldZero;
    }

    /** %U: U+0078, or with '#' U+0078 'x'. */
    final void fmtUnicode(long u) {
        int precision = precPresent && prec > 4 ? prec : 4;
        String hex = Long.toHexString(u).toUpperCase();
        StringBuilder s = new StringBuilder("U+").append("0".repeat(Math.max(0, precision - hex.length()))).append(hex);
        if (sharp && u >= 0 && u <= 0x10FFFF && GoTemplateStrconv.isPrint((int) u)) {
            s.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(s.toString());
        zero = oldZero;
    }

    /** %c. */
    final void fmtC(long c) {
        int r = GoTemplateStrconv.validRune(c) ? (int) c : 0xFFFD;
        pad(new String(Character.toChars(r)));
    }

    /** %q on an integer. */
    final void fmtQc(long c) {
        int r = GoTemplateStrconv.validRune(c) ? (int) c : 0xFFFD;
        pad(GoTemplateStrconv.quoteRune(r, plus));
    }

    /** fmt.fmtFloat: verb is a strconv format; prec -1 means shortest unless a precision was given. */
    final void fmtFloat(double v, char verb, int defaultPrec) {
        int p = precPresent ? prec : defaultPrec;
        String num = GoTemplateFloat.format(v, verb, p);
        char sign = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.charAt(0) : '+';
        String body = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.substring(1) : num;
        if (space && sign == '+' && !plus) {
            sign = ' ';
        }
        if (body.equals("Inf") || body.equals("NaN")) {
            boolean oldZero = zero;
            zero = false;
            pad(body.equals("NaN") && !space && !plus ? body : sign + body);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            body = sharpFloat(body, verb, p);
        }
        if (plus || sign != '+') {
            if (zero && widPresent && wid > body.length() + 1) {
                buf.append(sign);
                writePadding(wid - body.length() - 1);
                buf.append(body);
                return;
            }
            pad(sign + body);
            return;
        }
        pad(body);
    }

    /** The '#' flag on floats: always a decimal point, and %g keeps its trailing zeros. */
    private static String sharpFloat(String num, char verb, int p) {
        int digits = (verb == 'g' || verb == 'G' || verb == 'x') ? (p == -1 ? 6 : p) : 0;
        String tail = "";
        boolean hasPoint = false;
        boolean sawNonzero = false;
        for (int i = 0; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasPoint = true;
            } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = num.substring(i);
                num = num.substring(0, i);
                break;
            } else {
                sawNonzero |= c != '0';
                digits -= sawNonzero ? 1 : 0;
            }
        }
        StringBuilder b = new StringBuilder(num);
        if (!hasPoint) {
            if (num.equals("0")) {
                digits--;
            }
            b.append('.');
        }
        b.append("0".repeat(Math.max(0, digits)));
        return b.append(tail).toString();
    }

    /** %s (and %v): truncated to the precision in runes, then padded. */
    final void fmtS(String s) {
        pad(truncate(s));
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, Math.max(prec, 0)));
        }
        return s;
    }

    /** %q on a string. */
    final void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoTemplateStrconv.canBackquote(s)) {
            pad("`" + s + "`");
        } else {
            pad(GoTemplateStrconv.quoteWith(s, '"', plus));
        }
    }

    /** %x / %X on a string: hex of its UTF-8 bytes. */
    final void fmtSx(String s, boolean upper) {
        String digits = upper ? "0123456789ABCDEFX" : "0123456789abcdefx";
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < b.length ? prec : b.length;
        int width = 2 * length;
        if (width <= 0) {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        width += space ? (sharp ? width : 0) + length - 1 : (sharp ? 2 : 0);
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            buf.append(digits.charAt((b[i] >> 4) & 0xF)).append(digits.charAt(b[i] & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }
}
