package dev.kagentmaven.core.go;

import java.util.List;

/** Go's fmt.Sprint, Sprintln and Sprintf (fmt/print.go) over the Java representation of Go values. */
final class GoTemplatePrintf extends GoTemplatePrinter {
    private static final int TOO_LARGE = 1_000_000;
    private boolean reordered;
    private boolean goodArgNum;

    private GoTemplatePrintf() {
    }

    /** fmt.Sprint: spaces between operands when neither is a string. */
    static String sprint(List<?> args) {
        GoTemplatePrintf p = new GoTemplatePrintf();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = GoTemplateValues.dig(GoTemplateValues.norm(args.get(i)));
            boolean isString = arg instanceof String;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(arg, 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    /** fmt.Sprintln: spaces between all operands and a final newline. */
    static String sprintln(List<?> args) {
        GoTemplatePrintf p = new GoTemplatePrintf();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(GoTemplateValues.dig(GoTemplateValues.norm(args.get(i))), 'v');
        }
        return p.buf.append('\n').toString();
    }

    /** fmt.Sprint of one value (how an action prints a non-nil value). */
    static String sprintValue(Object v) {
        GoTemplatePrintf p = new GoTemplatePrintf();
        p.printArg(GoTemplateValues.dig(GoTemplateValues.norm(v)), 'v');
        return p.buf.toString();
    }

    /** fmt.Sprintf. */
    static String sprintf(String format, List<?> args) {
        GoTemplatePrintf p = new GoTemplatePrintf();
        Object[] a = args.stream().map(x -> GoTemplateValues.dig(GoTemplateValues.norm(x))).toArray();
        p.doPrintf(format, a);
        return p.buf.toString();
    }

    private void doPrintf(String format, Object[] a) {
        int end = format.length();
        int argNum = 0;
        int i = 0;
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            buf.append(format, lasti, i);
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            i = parseFlags(format, i);
            int[] st = {argNum, i, 0};
            parseWidthAndPrecision(format, a, st);
            argNum = st[0];
            i = st[1];
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            argNum = printVerb(verb, a, argNum);
        }
        if (!reordered && argNum < a.length) {
            extra(a, argNum);
        }
    }

    private int parseFlags(String format, int i) {
        for (; i < format.length(); i++) {
            switch (format.charAt(i)) {
                case '#' -> sharp = true;
                case '0' -> zero = !minus;
                case '+' -> plus = true;
                case '-' -> {
                    minus = true;
                    zero = false;
                }
                case ' ' -> space = true;
                default -> {
                    return i;
                }
            }
        }
        return i;
    }

    /** st = {argNum, i, afterIndex(0/1)}; updated in place. */
    private void parseWidthAndPrecision(String format, Object[] a, int[] st) {
        argNumber(format, a.length, st);
        int end = format.length();
        if (st[1] < end && format.charAt(st[1]) == '*') {
            st[1]++;
            wid = intFromArg(a, st);
            widPresent = wid != Integer.MIN_VALUE;
            if (!widPresent) {
                wid = 0;
                buf.append("%!(BADWIDTH)");
            } else if (wid < 0) {
                wid = -wid;
                minus = true;
                zero = false;
            }
            st[2] = 0;
        } else {
            int[] n = parsenum(format, st[1], end);
            wid = n[0];
            widPresent = n[1] == 1;
            st[1] = n[2];
            if (st[2] == 1 && widPresent) {
                goodArgNum = false;
            }
        }
        if (st[1] + 1 < end && format.charAt(st[1]) == '.') {
            parsePrecision(format, a, st);
        }
        if (st[2] == 0) {
            argNumber(format, a.length, st);
        }
    }

    private void parsePrecision(String format, Object[] a, int[] st) {
        st[1]++;
        if (st[2] == 1) {
            goodArgNum = false;
        }
        argNumber(format, a.length, st);
        if (st[1] < format.length() && format.charAt(st[1]) == '*') {
            st[1]++;
            prec = intFromArg(a, st);
            precPresent = prec != Integer.MIN_VALUE;
            if (prec < 0) {
                prec = 0;
                precPresent = false;
            }
            if (!precPresent) {
                buf.append("%!(BADPREC)");
            }
            st[2] = 0;
        } else {
            int[] n = parsenum(format, st[1], format.length());
            prec = n[1] == 1 ? n[0] : 0;
            precPresent = true;
            st[1] = n[2];
        }
    }

    /** Reads an int argument for '*'; Integer.MIN_VALUE when it is not a usable int. */
    private static int intFromArg(Object[] a, int[] st) {
        if (st[0] >= a.length) {
            return Integer.MIN_VALUE;
        }
        Object v = a[st[0]++];
        if (v instanceof Long l && Math.abs(l) <= TOO_LARGE) {
            return l.intValue();
        }
        return Integer.MIN_VALUE;
    }

    /** {num, isnum(0/1), newi}. */
    private static int[] parsenum(String s, int start, int end) {
        int num = 0;
        boolean isnum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > TOO_LARGE) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            isnum = true;
        }
        return new int[] {num, isnum ? 1 : 0, i};
    }

    /** An explicit argument index [n] at st[1]. */
    private void argNumber(String format, int numArgs, int[] st) {
        int i = st[1];
        if (i >= format.length() || format.charAt(i) != '[') {
            st[2] = 0;
            return;
        }
        reordered = true;
        int close = format.indexOf(']', i + 1);
        if (close < 0) {
            goodArgNum = false;
            st[1] = i + 1;
            st[2] = 1;
            return;
        }
        int[] n = parsenum(format, i + 1, close);
        if (n[1] == 1 && n[2] == close && n[0] - 1 >= 0 && n[0] - 1 < numArgs) {
            st[0] = n[0] - 1;
        } else {
            goodArgNum = false;
        }
        st[1] = close + 1;
        st[2] = 1;
    }

    private int printVerb(int verb, Object[] a, int argNum) {
        if (verb == '%') {
            buf.append('%');
            return argNum;
        }
        if (!goodArgNum) {
            buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            return argNum;
        }
        if (argNum >= a.length) {
            buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            return argNum;
        }
        if (verb == 'v') {
            sharpV = sharp;
            sharp = false;
            plusV = plus;
            plus = false;
        }
        if (verb == 'w') {
            badVerb(verb, a[argNum]);
        } else {
            printArg(a[argNum], verb);
        }
        return argNum + 1;
    }

    private void extra(Object[] a, int argNum) {
        clearFlags();
        buf.append("%!(EXTRA ");
        for (int i = argNum; i < a.length; i++) {
            if (i > argNum) {
                buf.append(", ");
            }
            if (a[i] == null) {
                buf.append("<nil>");
            } else {
                buf.append(GoTemplateValues.typeName(a[i])).append('=');
                printArg(a[i], 'v');
            }
        }
        buf.append(')');
    }
}
