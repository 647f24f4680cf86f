package dev.kagentmaven.core.go;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How Java values stand for Go values. Go int is {@link Long}, float64 is {@link Double}; string, bool, slices
 * ({@link List}), maps ({@link Map}) and structs ({@link GoTemplateStruct}) map directly; {@code null} is Go's invalid
 * "no value" (a missing map key, an untyped nil).
 */
final class GoTemplateValues {
    /** A Go interface{} holding nil: a map entry or slice element that is present but nil. */
    static final Object NIL_IFACE = new Object() {
        @Override
        public String toString() {
            return "<nil>";
        }
    };

    /** Go's missingVal: no value is being piped into a command. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private GoTemplateValues() {
    }

    /** Converts a Java value to the canonical Java representation of the Go value. */
    static Object norm(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return v.toString();
        }
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        return v;
    }

    /** A value taken out of a map or slice: Go sees an interface{} there, so a nil becomes NIL_IFACE. */
    static Object element(Object v) {
        Object n = norm(v);
        return n == null ? NIL_IFACE : n;
    }

    /** Drops NIL_IFACE to the invalid value, as Go does when a pipeline result is an empty interface. */
    static Object dig(Object v) {
        return v == NIL_IFACE ? null : v;
    }

    /** Go's template truth: false, 0, nil and empty strings, slices and maps are false; structs are true. */
    static boolean isTrue(Object v) {
        v = norm(v);
        if (v == null || v == NIL_IFACE) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** The Go type name used in messages ("string", "int", "[]string", ...). */
    static String typeName(Object v) {
        v = norm(v);
        if (v == null) {
            return "<nil>";
        }
        if (v == NIL_IFACE) {
            return "interface {}";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List<?> l) {
            return l.stream().allMatch(e -> norm(e) instanceof String) ? "[]string" : "[]interface {}";
        }
        if (v instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        if (v instanceof GoTemplateStruct s) {
            return s.typeName();
        }
        return v.getClass().getName();
    }

    /** The keys of m in Go's fmtsort order (strings by byte order, numbers numerically). */
    static List<Object> sortedKeys(Map<?, ?> m) {
        List<Object> keys = new ArrayList<>(m.keySet());
        keys.sort(KEY_ORDER);
        return keys;
    }

    private static final Comparator<Object> KEY_ORDER = (a, b) -> {
        Object x = norm(a);
        Object y = norm(b);
        if (x instanceof String s && y instanceof String t) {
            return compareStrings(s, t);
        }
        if (x instanceof Number n && y instanceof Number o) {
            return Double.compare(n.doubleValue(), o.doubleValue());
        }
        if (x instanceof Boolean p && y instanceof Boolean q) {
            return Boolean.compare(p, q);
        }
        int byType = typeName(x).compareTo(typeName(y));
        return byType != 0 ? byType : String.valueOf(x).compareTo(String.valueOf(y));
    };

    /** Go's string order (UTF-8 bytes, i.e. code points). */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
