package dev.kagentmaven.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.go.GoShape;
import dev.kagentmaven.core.io.Document;
import java.util.ArrayList;
import java.util.Collections;
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
    private final Document doc;
    /**
     * The node this one was read from ({@link #child}, {@link #list}), or null when the path was given.
     * A child's JSON pointer is only spelled out when asked for ({@link #path()}, {@link #origin()}, a
     * diagnostic): most nodes a translation reads never need it.
     */
    private final Node parent;
    /** The field name (unescaped) under {@link #parent}, or null for the element {@link #index}. */
    private final String segment;
    private final int index;
    /**
     * The JSON pointer, given or computed on first use. Written at most once per value by any thread that
     * asks (racy single check: a String is immutable, every computation gives the same text).
     */
    private String path;
    private final JsonNode value;
    private final Problems problems;

    public Node(Document doc, String path, JsonNode value, Problems problems) {
        this.doc = doc;
        this.parent = null;
        this.segment = null;
        this.index = 0;
        this.path = path;
        this.value = value == null ? MissingNode.getInstance() : value;
        this.problems = problems;
    }

    private Node(Node parent, String segment, int index, JsonNode value) {
        this.doc = parent.doc;
        this.parent = parent;
        this.segment = segment;
        this.index = index;
        this.value = value == null ? MissingNode.getInstance() : value;
        this.problems = parent.problems;
    }

    /** View of a whole document. */
    public static Node root(Document doc, Problems problems) {
        return new Node(doc, "", doc.root(), problems);
    }

    public Document document() { return doc; }
    public String path() {
        String p = path;
        if (p == null && parent != null) {
            p = spell();
            path = p;
        }
        return p;
    }

    /** {@code parent.path() + "/" + escape(segment)} (or the index), without spelling out the ancestors' paths. */
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
            if (c.segment == null) {
                sb.append(c.index);
            } else {
                appendEscaped(sb, c.segment);
            }
        }
        return sb.toString();
    }
    public JsonNode json() { return value; }
    public Problems problems() { return problems; }

    /** Present and not JSON null. */
    public boolean present() {
        return !value.isMissingNode() && !value.isNull();
    }

    public boolean has(String field) {
        return child(field).present();
    }

    public Origin origin() {
        return doc.origin(path());
    }

    public Origin origin(String field) {
        return doc.origin(path() + "/" + escape(field));
    }

    public Node child(String field) {
        JsonNode v = value.isObject() ? value.get(field) : null;
        return new Node(this, field, 0, v);
    }

    /** The object at {@code field}; an absent field gives a non-present view, a non-object an error. */
    public Node obj(String field) {
        Node c = child(field);
        if (c.present() && !c.value.isObject()) {
            typeError(c, "an object");
            return new Node(doc, c.path(), null, problems);
        }
        return c;
    }

    /** String field; absent or null gives {@code ""}. */
    public String str(String field) {
        return optStr(field).orElse("");
    }

    /** String field that distinguishes absent (Go nil pointer) from present. */
    public Optional<String> optStr(String field) {
        Node c = child(field);
        if (!c.present()) {
            return Optional.empty();
        }
        if (!c.value.isTextual()) {
            typeError(c, "a string");
            return Optional.empty();
        }
        return Optional.of(c.value.textValue());
    }

    public boolean bool(String field) {
        return optBool(field).orElse(false);
    }

    public Optional<Boolean> optBool(String field) {
        Node c = child(field);
        if (!c.present()) {
            return Optional.empty();
        }
        if (!c.value.isBoolean()) {
            typeError(c, "a boolean");
            return Optional.empty();
        }
        return Optional.of(c.value.booleanValue());
    }

    public long integer(String field) {
        OptionalLong v = optInt(field);
        return v.isPresent() ? v.getAsLong() : 0L;
    }

    /** Integer field (Go int/int32/int64 or pointer); non-integral numbers and strings are errors. */
    public OptionalLong optInt(String field) {
        Node c = child(field);
        if (!c.present()) {
            return OptionalLong.empty();
        }
        if (!c.value.isIntegralNumber() || !c.value.canConvertToLong()) {
            typeError(c, "an integer");
            return OptionalLong.empty();
        }
        return OptionalLong.of(c.value.longValue());
    }

    /** Array field as element views; absent gives an empty list. */
    public List<Node> list(String field) {
        Node c = child(field);
        if (!c.present()) {
            return List.of();
        }
        if (!c.value.isArray()) {
            typeError(c, "a list");
            return List.of();
        }
        List<Node> out = new ArrayList<>(c.value.size());
        for (int i = 0; i < c.value.size(); i++) {
            out.add(new Node(c, null, i, c.value.get(i)));
        }
        return out;
    }

    /** List of strings; non-string items are errors and skipped. */
    public List<String> strList(String field) {
        List<String> out = new ArrayList<>();
        for (Node n : list(field)) {
            if (n.value.isTextual()) {
                out.add(n.value.textValue());
            } else if (n.present()) {
                typeError(n, "a string");
            } else {
                out.add("");
            }
        }
        return out;
    }

    /** {@code map[string]string} field in input order; non-string values are errors. */
    public Map<String, String> strMap(String field) {
        Node c = child(field);
        if (!c.present()) {
            return Collections.emptyMap();
        }
        if (!c.value.isObject()) {
            typeError(c, "a map of strings");
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        c.value.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), v.textValue());
            } else if (v.isNull()) {
                out.put(e.getKey(), "");
            } else {
                typeError(c.child(e.getKey()), "a string");
            }
        });
        return out;
    }

    /**
     * Records "expected X" for node {@code n} (code {@code type}, located at {@code n}), worded as the
     * input checks word it ({@link GoShape#typeMessage}); see {@link #reportTypeError}. The message names
     * the field and the JSON kinds only, never the value.
     */
    public void typeError(Node n, String expected) {
        reportTypeError(problems, GoShape.typeMessage(n.path(), expected, GoShape.describe(n.value)), n.origin());
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
        problems.error(code, message, origin());
    }

    public void warning(String code, String message) {
        problems.warning(code, message, origin());
    }

    static String escape(String field) {
        if (field.indexOf('~') < 0 && field.indexOf('/') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length() + 4);
        appendEscaped(sb, field);
        return sb.toString();
    }

    /** Appends one JSON pointer segment (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static void appendEscaped(StringBuilder sb, String field) {
        for (int i = 0, n = field.length(); i < n; i++) {
            char c = field.charAt(i);
            if (c == '~') {
                sb.append("~0");
            } else if (c == '/') {
                sb.append("~1");
            } else {
                sb.append(c);
            }
        }
    }
}
