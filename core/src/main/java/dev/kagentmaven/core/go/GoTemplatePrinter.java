package dev.kagentmaven.core.go;

import java.util.List;
import java.util.Map;

/** Go's pp.printArg / printValue: one operand with one verb, including slices, maps and structs. */
class GoTemplatePrinter extends GoTemplateFormatter {
    final void printArg(Object arg, int verb) {
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                pad("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoTemplateValues.typeName(arg));
            return;
        }
        if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                fmtBoolean(b);
            } else {
                badVerb(verb, arg);
            }
        } else if (arg instanceof Long l) {
            printInteger(l, verb);
        } else if (arg instanceof Double d) {
            printFloat(d, verb);
        } else if (arg instanceof String s) {
            printString(s, verb);
        } else if (arg instanceof List<?> l) {
            printList(l, verb);
        } else if (arg instanceof Map<?, ?> m) {
            printMap(m, verb);
        } else if (arg instanceof GoTemplateStruct s) {
            printStruct(s, verb);
        } else {
            printString(String.valueOf(arg), verb);
        }
    }

    private void printInteger(long v, int verb) {
        switch (verb) {
            case 'v', 'd' -> fmtInteger(v, 10, false, verb);
            case 'b' -> fmtInteger(v, 2, false, verb);
            case 'o', 'O' -> fmtInteger(v, 8, false, verb);
            case 'x' -> fmtInteger(v, 16, false, verb);
            case 'X' -> fmtInteger(v, 16, true, verb);
            case 'c' -> fmtC(v);
            case 'q' -> fmtQc(v);
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb, v);
        }
    }

    private void printFloat(double v, int verb) {
        switch (verb) {
            case 'v' -> fmtFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
            case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
            case 'F' -> fmtFloat(v, 'f', 6);
            default -> badVerb(verb, v);
        }
    }

    private void printString(String s, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSx(s, false);
            case 'X' -> fmtSx(s, true);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb, s);
        }
    }

    final void badVerb(int verb, Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(GoTemplateValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        }
        buf.append(')');
    }

    /** An element of a slice or map: a nil interface prints as <nil> whatever the verb. */
    private void printElement(Object e, int verb) {
        Object v = GoTemplateValues.dig(GoTemplateValues.norm(e));
        if (v == null) {
            buf.append(sharpV ? "interface {}(nil)" : "<nil>");
        } else {
            printArg(v, verb);
        }
    }

    private void printList(List<?> l, int verb) {
        buf.append(sharpV ? GoTemplateValues.typeName(l) + "{" : "[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            printElement(l.get(i), verb);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printMap(Map<?, ?> m, int verb) {
        buf.append(sharpV ? GoTemplateValues.typeName(m) + "{" : "map[");
        boolean first = true;
        for (Object k : GoTemplateValues.sortedKeys(m)) {
            if (!first) {
                buf.append(sharpV ? ", " : " ");
            }
            first = false;
            printElement(k, verb);
            buf.append(':');
            printElement(m.get(k), verb);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printStruct(GoTemplateStruct s, int verb) {
        buf.append(sharpV ? s.typeName() : "").append('{');
        boolean first = true;
        for (Map.Entry<String, Object> f : s.fields().entrySet()) {
            if (!first) {
                buf.append(sharpV ? ", " : " ");
            }
            first = false;
            if (plusV || sharpV) {
                buf.append(f.getKey()).append(':');
            }
            printElement(f.getValue(), verb);
        }
        buf.append('}');
    }
}
