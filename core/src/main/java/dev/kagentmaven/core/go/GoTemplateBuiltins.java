package dev.kagentmaven.core.go;

import static dev.kagentmaven.core.go.GoTemplateSignature.Type.ANY;
import static dev.kagentmaven.core.go.GoTemplateSignature.Type.STRING;
import static dev.kagentmaven.core.go.GoTemplateSignature.Type.VALUE;
import static dev.kagentmaven.core.go.GoTemplateValues.typeName;

import dev.kagentmaven.core.go.GoTemplateSignature.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** text/template's predefined functions (funcs.go). {@code and}, {@code or} and {@code call} are run by the executor. */
final class GoTemplateBuiltins {
    /** Immutable: name to builtin. */
    static final Map<String, GoTemplateSignature> ALL = create();

    private GoTemplateBuiltins() {
    }

    private static Map<String, GoTemplateSignature> create() {
        Map<String, GoTemplateSignature> m = new HashMap<>();
        GoTemplateFunction special = args -> {
            throw new IllegalStateException("evaluated by the executor");
        };
        put(m, "and", List.of(VALUE), VALUE, special);
        put(m, "or", List.of(VALUE), VALUE, special);
        put(m, "call", List.of(VALUE), VALUE, special);
        put(m, "html", List.of(), ANY, a -> GoTemplateEscape.html(evalArgs(a)));
        put(m, "js", List.of(), ANY, a -> GoTemplateEscape.js(evalArgs(a)));
        put(m, "urlquery", List.of(), ANY, a -> GoTemplateEscape.urlQuery(evalArgs(a)));
        put(m, "index", List.of(VALUE), VALUE, GoTemplateBuiltins::index);
        put(m, "slice", List.of(VALUE), VALUE, GoTemplateBuiltins::slice);
        put(m, "len", List.of(VALUE), null, a -> length(a.get(0)));
        put(m, "not", List.of(VALUE), null, a -> !GoTemplateValues.isTrue(a.get(0)));
        put(m, "print", List.of(), ANY, GoTemplatePrintf::sprint);
        put(m, "printf", List.of(STRING), ANY, a -> GoTemplatePrintf.sprintf((String) a.get(0), a.subList(1, a.size())));
        put(m, "println", List.of(), ANY, GoTemplatePrintf::sprintln);
        put(m, "eq", List.of(VALUE), VALUE, a -> GoTemplateCompare.eq(digAll(a)));
        put(m, "ne", List.of(VALUE, VALUE), null, a -> GoTemplateCompare.ne(digAll(a)));
        put(m, "lt", List.of(VALUE, VALUE), null, a -> GoTemplateCompare.lt(digAll(a)));
        put(m, "le", List.of(VALUE, VALUE), null, a -> GoTemplateCompare.le(digAll(a)));
        put(m, "gt", List.of(VALUE, VALUE), null, a -> GoTemplateCompare.gt(digAll(a)));
        put(m, "ge", List.of(VALUE, VALUE), null, a -> GoTemplateCompare.ge(digAll(a)));
        return Map.copyOf(m);
    }

    private static void put(Map<String, GoTemplateSignature> m, String name, List<Type> fixed, Type variadic,
            GoTemplateFunction body) {
        m.put(name, new GoTemplateSignature(fixed, variadic, body, true));
    }

    /** Go's indirectInterface on every argument: a nil held in an interface becomes the untyped nil. */
    private static List<Object> digAll(List<Object> args) {
        List<Object> out = new ArrayList<>(args);
        out.replaceAll(GoTemplateValues::dig);
        return out;
    }

    /** The text of html/js/urlquery's arguments: fmt.Sprint, with a nil printed as <no value>. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        List<Object> printable = new ArrayList<>(args);
        printable.replaceAll(v -> v == null ? "<no value>" : v);
        return GoTemplatePrintf.sprint(printable);
    }

    private static Object length(Object item) {
        if (item == GoTemplateValues.NIL_IFACE) {
            throw new GoTemplateException("len of nil pointer");
        }
        if (item == null) {
            throw new GoTemplateException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof String s) {
            return (long) GoTemplateStrconv.utf8Length(s);
        }
        if (item instanceof List<?> l) {
            return (long) l.size();
        }
        if (item instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw new GoTemplateException("len of type " + typeName(item));
    }

    /** index x 1 2 is x[1][2]. */
    private static Object index(List<Object> args) {
        Object item = GoTemplateValues.dig(args.get(0));
        if (item == null) {
            throw new GoTemplateException("index of untyped nil");
        }
        for (Object idx : args.subList(1, args.size())) {
            if (item == GoTemplateValues.NIL_IFACE) {
                throw new GoTemplateException("index of nil pointer");
            }
            item = indexOnce(item, GoTemplateValues.dig(idx));
        }
        return item;
    }

    private static Object indexOnce(Object item, Object idx) {
        if (item instanceof List<?> l) {
            int x = indexArg(idx, l.size());
            if (x == l.size()) {
                throw new GoTemplateException("reflect: slice index out of range");
            }
            return GoTemplateValues.element(l.get(x));
        }
        if (item instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int x = indexArg(idx, b.length);
            if (x == b.length) {
                throw new GoTemplateException("reflect: string index out of range");
            }
            return (long) (b[x] & 0xFF);
        }
        if (item instanceof Map<?, ?> m) {
            if (idx == null) {
                throw new GoTemplateException("value is nil; should be of type string");
            }
            if (!(idx instanceof String)) {
                throw new GoTemplateException("value has type " + typeName(idx) + "; should be string");
            }
            return m.containsKey(idx) ? GoTemplateValues.element(m.get(idx)) : GoTemplateValues.NIL_IFACE;
        }
        throw new GoTemplateException("can't index item of type " + typeName(item));
    }

    private static int indexArg(Object idx, int cap) {
        if (idx == null) {
            throw new GoTemplateException("cannot index slice/array with nil");
        }
        if (!(idx instanceof Long x)) {
            throw new GoTemplateException("cannot index slice/array with type " + typeName(idx));
        }
        if (x < 0 || x > cap) {
            throw new GoTemplateException("index out of range: " + x);
        }
        return x.intValue();
    }

    /** slice x 1 2 is x[1:2]. */
    private static Object slice(List<Object> args) {
        Object item = GoTemplateValues.dig(args.get(0));
        List<Object> indexes = args.subList(1, args.size());
        if (item == null) {
            throw new GoTemplateException("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new GoTemplateException("too many slice indexes: " + indexes.size());
        }
        byte[] bytes = item instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes != null && indexes.size() == 3) {
            throw new GoTemplateException("cannot 3-index slice a string");
        }
        if (bytes == null && !(item instanceof List<?>)) {
            throw new GoTemplateException("can't slice item of type " + typeName(item));
        }
        int len = bytes != null ? bytes.length : ((List<?>) item).size();
        int[] idx = {0, len, 0};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), len);
        }
        if (idx[0] > idx[1]) {
            throw new GoTemplateException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new GoTemplateException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(Arrays.copyOfRange(bytes, idx[0], idx[1]), StandardCharsets.UTF_8);
        }
        return new ArrayList<Object>(((List<?>) item).subList(idx[0], idx[1]));
    }
}
