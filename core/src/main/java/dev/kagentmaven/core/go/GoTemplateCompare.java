package dev.kagentmaven.core.go;

import static dev.kagentmaven.core.go.GoTemplateValues.typeName;

import java.util.List;
import java.util.Map;

/** The comparison builtins eq, ne, lt, le, gt, ge (text/template funcs.go). */
final class GoTemplateCompare {
    private enum Kind { INVALID, BOOL, INT, FLOAT, STRING }

    private GoTemplateCompare() {
    }

    private static Kind kind(Object v) {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        return Kind.INVALID;
    }

    /** eq a b c ...: a == b || a == c || ... */
    static Object eq(List<Object> args) {
        Object a1 = args.get(0);
        if (args.size() == 1) {
            throw new GoTemplateException("missing argument for comparison");
        }
        Kind k1 = kind(a1);
        for (Object a : args.subList(1, args.size())) {
            Kind k2 = kind(a);
            boolean truth;
            if (k1 != k2) {
                if (a1 != null && a != null) {
                    throw new GoTemplateException("incompatible types for comparison: " + typeName(a1) + " and "
                            + typeName(a));
                }
                truth = false;
            } else if (k1 == Kind.INVALID) {
                truth = eqOther(a1, a);
            } else {
                truth = k1 == Kind.FLOAT ? ((Double) a1).doubleValue() == (Double) a : a1.equals(a);
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** eq on values that are not basic kinds: nil, slices, maps, structs. */
    private static boolean eqOther(Object a1, Object a) {
        if (a1 != null && a != null && !goKind(a1).equals(goKind(a))) {
            throw new GoTemplateException(GoTemplatePrintf.sprintf("non-comparable types %s: %v, %v: %v",
                    List.of(a1, typeName(a1), typeName(a), a)));
        }
        if (a1 == null || a == null) {
            return (a1 == null) == (a == null);
        }
        boolean comparable = !(a instanceof List<?>) && !(a instanceof Map<?, ?>)
                && (!(a instanceof GoTemplateStruct s) || s.comparable());
        if (!comparable) {
            throw new GoTemplateException(GoTemplatePrintf.sprintf("non-comparable type %s: %v", List.of(a, typeName(a))));
        }
        return a1.equals(a);
    }

    private static String goKind(Object v) {
        if (v instanceof List<?>) {
            return "slice";
        }
        if (v instanceof Map<?, ?>) {
            return "map";
        }
        return v instanceof GoTemplateStruct ? "struct" : v.getClass().getName();
    }

    static Object ne(List<Object> args) {
        return !(Boolean) eq(args);
    }

    static boolean lessThan(Object a, Object b) {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
            throw new GoTemplateException("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new GoTemplateException("incompatible types for comparison: " + typeName(a) + " and " + typeName(b));
        }
        switch (k1) {
            case FLOAT:
                return (Double) a < (Double) b;
            case INT:
                return (Long) a < (Long) b;
            case STRING:
                return GoTemplateValues.compareStrings((String) a, (String) b) < 0;
            default:
                throw new GoTemplateException("invalid type for comparison");
        }
    }

    static Object lt(List<Object> args) {
        return lessThan(args.get(0), args.get(1));
    }

    static Object le(List<Object> args) {
        return lessThan(args.get(0), args.get(1)) || (Boolean) eq(args);
    }

    static Object gt(List<Object> args) {
        return !(Boolean) le(args);
    }

    static Object ge(List<Object> args) {
        return !lessThan(args.get(0), args.get(1));
    }
}
