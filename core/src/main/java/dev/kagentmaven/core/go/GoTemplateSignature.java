package dev.kagentmaven.core.go;

import java.util.ArrayList;
import java.util.List;

/** A function with Go parameter types, so the executor can apply Go's argument-count and argument-type checks. */
final class GoTemplateSignature implements GoTemplateFunction {
    /** The Go parameter types this implementation can check. */
    enum Type {
        ANY("interface {}"), STRING("string"), INT("int"), FLOAT64("float64"), BOOL("bool"),
        /** A builtin's reflect.Value parameter: anything, and a nil held in an interface stays distinguishable. */
        VALUE("reflect.Value");

        final String goName;

        Type(String goName) {
            this.goName = goName;
        }

        boolean accepts(Object v) {
            return switch (this) {
                case ANY, VALUE -> true;
                case STRING -> v instanceof String;
                case INT -> v instanceof Long;
                case FLOAT64 -> v instanceof Double;
                case BOOL -> v instanceof Boolean;
            };
        }

        static Type parse(String s) {
            return switch (s.replace(" ", "")) {
                case "interface{}", "any" -> ANY;
                case "string" -> STRING;
                case "int" -> INT;
                case "float64" -> FLOAT64;
                case "bool" -> BOOL;
                default -> throw new GoTemplateException("unsupported Go parameter type " + GoTemplateStrconv.quote(s)
                        + " (use string, int, float64, bool, any)");
            };
        }
    }

    final List<Type> fixed;
    /** The element type of a final ...T parameter, or null when the function is not variadic. */
    final Type variadic;
    final GoTemplateFunction body;
    final boolean builtin;

    GoTemplateSignature(List<Type> fixed, Type variadic, GoTemplateFunction body, boolean builtin) {
        this.fixed = List.copyOf(fixed);
        this.variadic = variadic;
        this.body = body;
        this.builtin = builtin;
    }

    @Override
    public Object apply(List<Object> args) throws Exception {
        return body.apply(args);
    }

    /** The signature of a user function: its declared one, or func(...interface{}) for a plain lambda. */
    static GoTemplateSignature of(GoTemplateFunction fn) {
        if (fn instanceof GoTemplateSignature s) {
            return new GoTemplateSignature(s.fixed, s.variadic, s.body, false);
        }
        return new GoTemplateSignature(List.of(), Type.ANY, fn, false);
    }

    /** Parses "string, int" or "string, ...any". */
    static GoTemplateSignature parse(String params, GoTemplateFunction body) {
        if (params == null || body == null) {
            throw new GoTemplateException("typed function needs a parameter list and a body");
        }
        List<Type> fixed = new ArrayList<>();
        Type variadic = null;
        String[] parts = params.isBlank() ? new String[0] : params.split(",");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("...") && i == parts.length - 1) {
                variadic = Type.parse(p.substring(3).trim());
            } else {
                fixed.add(Type.parse(p));
            }
        }
        return new GoTemplateSignature(fixed, variadic, body, false);
    }
}
