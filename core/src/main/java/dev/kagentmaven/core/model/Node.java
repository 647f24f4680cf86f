package dev.kagentmaven.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.go.GoShape;
import dev.kagentmaven.core.io.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A read-only, typed view of one node of an input document. Reading a field with the wrong JSON
 * type records an error (Go's decoder would reject the object) and yields the zero value, so
 * translation can go on and report every problem of a run at once.
 */
public final class Node {
    /** What every node read from one root shares. */
    private record Context(Document doc, Problems problems) {}

    private final Context context;
    /**
     * The node this one was read from ({@link #child}, {@link #list}), or null when the path was given.
     * A child's JSON pointer is only spelled out when asked for ({@link #path()}, {@link #origin()}, a
     * diagnostic): most nodes a translation reads never need it.
     */
    private final Node parent;
    /** Under {@link #parent}: the field name (a String, unescaped) or the element index (an Integer). */
    private final Object segment;
    /**
     * The JSON pointer, given or computed on first use. Written at most once per value by any thread that
     * asks (racy single check: a String is immutable, every computation gives the same text).
     */
    private String path;
    private final JsonNode value;

    public Node(Document doc, String path, JsonNode value, Problems problems) {
        this.context = new Context(doc, problems);
        this.parent = null;
        this.segment = null;
        this.path = path;
        this.value = value == null ? MissingNode.getInstance() : value;
    }

    private Node(Node parent, Object segment, JsonNode value) {
        this.context = parent.context;
        this.parent = parent;
        this.segment = segment;
        this.value = value == null ? MissingNode.getInstance() : value;
    }

    /** View of a whole document. */
    public static Node root(Document doc, Problems problems) {
        return new Node(doc, "", doc.root(), problems);
    }

    public Document document() { return context.doc(); }

    public String path() {
        String p = path;
        if (p == null && parent != null) {
            p = spell();
            path = p;
        }
        return p;
    }

    /** {@code parent.path() + "/" + escape(segment)}, without spelling out (or keeping) the ancestors' paths. */
    private String spell() {
        int levels = 0;
        Node top = this;
        while (top.path == null && top.parent != null) {
            levels++;
            top = top.parent;
        }
        Node[] chain = new Node[levels];
        Node n = this;
        for (int i = levels - 1; i >= 0; i--) {
            chain[i] = n;
            n = n.parent;
        }
        StringBuilder sb = new StringBuilder(64).append(top.path);
        for (Node c : chain) {
            sb.append('/');
            if (c.segment instanceof String field) {
                GoShape.appendPointerSegment(sb, field);
            } else {
                sb.append(c.segment);
            }
        }
        return sb.toString();
    }

    public JsonNode json() { return value; }
    public Problems problems() { return context.problems(); }

    /** Present and not JSON null. */
    public boolean present() {
        return present(value);
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isMissingNode() && !v.isNull();
    }

    /** The value of {@code field} when this is an object holding it, else null (what {@link #child} views). */
    private JsonNode get(String field) {
        return value.isObject() ? value.get(field) : null;
    }

    public boolean has(String field) {
        return present(get(field));
    }

    public Origin origin() {
        return context.doc().origin(path());
    }

    public Origin origin(String field) {
        return context.doc().origin(path() + "/" + escape(field));
    }

    public Node child(String field) {
        return new Node(this, field, get(field));
    }

    /** The object at {@code field}; an absent field gives a non-present view, a non-object an error. */
    public Node obj(String field) {
        Node c = child(field);
        if (c.present() && !c.value.isObject()) {
            typeError(c, "an object");
            return new Node(context.doc(), c.path(), null, context.problems());
        }
        return c;
    }

    /** String field; absent or null gives {@code ""}. */
    public String str(String field) {
        JsonNode v = get(field);
        if (!present(v)) {
            return "";
        }
        if (!v.isTextual()) {
            typeError(child(field), "a string");
            return "";
        }
        return v.textValue();
    }

    /** String field that distinguishes absent (Go nil pointer) from present. */
    public Optional<String> optStr(String field) {
        JsonNode v = get(field);
        if (!present(v)) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            typeError(child(field), "a string");
            return Optional.empty();
        }
        return Optional.of(v.textValue());
    }

    public boolean bool(String field) {
        JsonNode v = get(field);
        if (!present(v)) {
            return false;
        }
        if (!v.isBoolean()) {
            typeError(child(field), "a boolean");
            return false;
        }
        return v.booleanValue();
    }

    public Optional<Boolean> optBool(String field) {
        JsonNode v = get(field);
        if (!present(v)) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            typeError(child(field), "a boolean");
            return Optional.empty();
        }
        return Optional.of(v.booleanValue());
    }

    public long integer(String field) {
        JsonNode v = get(field);
        if (!present(v)) {
            return 0L;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            typeError(child(field), "an integer");
            return 0L;
        }
        return v.longValue();
    }

    /** Integer field (Go int/int32/int64 or pointer); non-integral numbers and strings are errors. */
    public OptionalLong optInt(String field) {
        JsonNode v = get(field);
        if (!present(v)) {
            return OptionalLong.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            typeError(child(field), "an integer");
            return OptionalLong.empty();
        }
        return OptionalLong.of(v.longValue());
    }

    /** Array field as element views; absent gives an empty list. */
    public List<Node> list(String field) {
        JsonNode a = get(field);
        if (!present(a)) {
            return List.of();
        }
        Node c = child(field);
        if (!a.isArray()) {
            typeError(c, "a list");
            return List.of();
        }
        int size = a.size();
        List<Node> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Node(c, i, a.get(i)));
        }
        return out;
    }

    /** List of strings; non-string items are errors and skipped. */
    public List<String> strList(String field) {
        List<String> out = new ArrayList<>();
        JsonNode a = get(field);
        if (!present(a)) {
            return out;
        }
        if (!a.isArray()) {
            typeError(child(field), "a list");
            return out;
        }
        Node c = null;
        for (int i = 0, size = a.size(); i < size; i++) {
            JsonNode v = a.get(i);
            if (v.isTextual()) {
                out.add(v.textValue());
            } else if (present(v)) {
                if (c == null) {
                    c = child(field);
                }
                typeError(new Node(c, i, v), "a string");
            } else {
                out.add("");
            }
        }
        return out;
    }

    /** {@code map[string]string} field in input order; non-string values are errors. */
    public Map<String, String> strMap(String field) {
        JsonNode m = get(field);
        if (!present(m)) {
            return Collections.emptyMap();
        }
        if (!m.isObject()) {
            typeError(child(field), "a map of strings");
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Node c = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), v.textValue());
            } else if (v.isNull()) {
                out.put(e.getKey(), "");
            } else {
                if (c == null) {
                    c = child(field);
                }
                typeError(c.child(e.getKey()), "a string");
            }
        }
        return out;
    }

    /**
     * Records "expected X" for node {@code n} (code {@code type}, located at {@code n}), worded as the
     * input checks word it ({@link GoShape#typeMessage}); see {@link #reportTypeError}. The message names
     * the field and the JSON kinds only, never the value.
     */
    public void typeError(Node n, String expected) {
        reportTypeError(context.problems(), GoShape.typeMessage(n.path(), expected, GoShape.describe(n.value)),
                n.origin());
    }

    /**
     * Records a type error (code {@code type}) at {@code at} unless one was already recorded there in this
     * run — by the input checks, which see every field before translation, or by an earlier read of the
     * same node: one problem, one diagnostic, whatever the wording of the later report. Constant time.
     */
    public static void reportTypeError(Problems problems, String message, Origin at) {
        if (!problems.hasTypeErrorAt(at)) {
            problems.error("type", message, at);
        }
    }

    /** An error located at this node. */
    public void error(String code, String message) {
        context.problems().error(code, message, origin());
    }

    public void warning(String code, String message) {
        context.problems().warning(code, message, origin());
    }

    static String escape(String field) {
        if (field.indexOf('~') < 0 && field.indexOf('/') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length() + 4);
        GoShape.appendPointerSegment(sb, field);
        return sb.toString();
    }

}
