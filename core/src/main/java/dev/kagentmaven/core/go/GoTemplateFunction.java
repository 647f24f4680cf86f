package dev.kagentmaven.core.go;

import java.util.List;

/**
 * A template function (an entry of Go's template.FuncMap). Arguments arrive as the Java form of Go values: String,
 * Long (Go int), Double (float64), Boolean, List, Map, {@link GoTemplateStruct} or null (nil / no value). The result
 * is fed to the rest of the pipeline (Integer, Float etc. are widened to Long/Double). Any exception means Go's
 * non-nil error return: execution stops with {@code error calling <name>: <exception message>}.
 *
 * <p>A plain lambda behaves like a Go {@code func(...interface{}) (interface{}, error)}: no argument checks. Use
 * {@link #typed(String, GoTemplateFunction)} to declare Go parameter types and get Go's checks and messages
 * (for example kagent's {@code include} is {@code typed("string", ...)}).
 */
@FunctionalInterface
public interface GoTemplateFunction {
    /** Calls the function; {@code args} may contain nulls. */
    Object apply(List<Object> args) throws Exception;

    /**
     * Declares Go parameter types for {@code fn}, e.g. {@code "string"}, {@code "string, int"},
     * {@code "string, ...any"} (types: string, int, float64, bool, any / interface {}). The executor then reports
     * Go's {@code wrong number of args for include: want 1 got 0}, {@code expected string; found 3} and
     * {@code wrong type for value; expected string; got int} instead of calling {@code fn}.
     *
     * @throws GoTemplateException on an unsupported type name
     */
    static GoTemplateFunction typed(String paramTypes, GoTemplateFunction fn) {
        return GoTemplateSignature.parse(paramTypes, fn);
    }
}
