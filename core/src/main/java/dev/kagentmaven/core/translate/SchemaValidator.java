package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small draft-07 validator for the committed Kubernetes schema ({@link KubernetesSchema#RESOURCE}).
 * It supports exactly the keywords that document uses ({@code type}, {@code $ref} to
 * {@code #/definitions/...}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code required}, {@code maximum}, {@code minimum}, {@code format: date-time}, {@code pattern}) and
 * refuses to compile anything else, so a regenerated schema that needs more fails loudly.
 *
 * <p>The violations it reports are, keyword for keyword and in the same order, the ones the
 * networknt json-schema-validator 2.0.8 reported with the configuration this project used (draft 7,
 * {@code typeLoose=false}, format assertions on, no fail-fast, JSON-pointer paths), turned into
 * {@link OutputValidation.Violation}s the way the project always did. The differential test
 * {@code SchemaValidatorDifferentialTest} holds it to that. Behaviours of networknt it keeps on purpose:
 * <ul>
 *   <li>keyword order within a schema: {@code type}, then {@code properties}, then the others in
 *       document order; {@code properties} visits the schema's properties in schema order,
 *       {@code additionalProperties} the instance's fields in instance order;</li>
 *   <li>{@code $ref} ignores its siblings (draft 7) and a violation under it belongs to the
 *       definition it points to;</li>
 *   <li>{@code integer} accepts a number with a zero fraction ({@code 1.0}); {@code number}
 *       accepts integers;</li>
 *   <li>{@code maximum}/{@code minimum} under {@code type: integer} compare {@link JsonNode#asLong()}
 *       (a fraction is truncated) unless the value is a big integer; under a union type they compare
 *       the decimal value;</li>
 *   <li>{@code pattern} is searched (not matched) with {@code $} meaning end of input;</li>
 *   <li>{@code date-time} is what ethlo ITU 1.14.0's {@code parseDateTime} accepts (see
 *       {@link #isDateTime}).</li>
 * </ul>
 *
 * <p>The schema is compiled once into an immutable graph of checks; validating allocates one small
 * {@link Run} (path stack and scratch space) and, only for a violation, its pointer and message. It
 * is safe to share between threads.
 */
final class SchemaValidator {
    private static final String DEFINITIONS = "#/definitions/";

    /** Compiled definitions by name; {@code $ref}s point straight at these nodes (cycles allowed). */
    private final Map<String, Node> definitions;

    private SchemaValidator(Map<String, Node> definitions) {
        this.definitions = definitions;
    }

    /** Compiles the {@code definitions} of a schema document. */
    static SchemaValidator compile(JsonNode document) {
        JsonNode defs = document.path("definitions");
        Map<String, Node> shells = new HashMap<>();
        for (Iterator<String> it = defs.fieldNames(); it.hasNext(); ) {
            shells.put(it.next(), new Node());
        }
        Compiler compiler = new Compiler(shells);
        for (Map.Entry<String, JsonNode> e : defs.properties()) {
            compiler.fill(shells.get(e.getKey()), e.getValue(), e.getKey(), DEFINITIONS + e.getKey());
        }
        return new SchemaValidator(Map.copyOf(shells));
    }

    /**
     * Every violation of {@code instance} against the definition, in evaluation order, without
     * duplicates; a fresh mutable list (empty when valid).
     */
    List<OutputValidation.Violation> validate(String definition, JsonNode instance) {
        Node node = definitions.get(definition);
        if (node == null) {
            throw new IllegalArgumentException("no definition " + definition);
        }
        Run run = new Run(instance);
        node.validate(instance, run);
        return run.out == null ? new ArrayList<>(0) : run.out;
    }

    // ---- compiled schema -------------------------------------------------------------------------------

    /**
     * One schema object: its checks in evaluation order. Filled once while compiling (a definition's
     * node exists before it is filled, so references can form cycles), then never changed; the
     * compiled graph is published through the final {@link #definitions} field.
     */
    private static final class Node {
        private Check[] checks = new Check[0];

        void validate(JsonNode value, Run run) {
            for (Check c : checks) {
                c.check(value, run);
            }
        }
    }

    private abstract static class Check {
        abstract void check(JsonNode value, Run run);
    }

    // JSON types as networknt names them (its JsonType), in one int each
    private static final int OBJECT = 0;
    private static final int ARRAY = 1;
    private static final int STRING = 2;
    private static final int NUMBER = 3;
    private static final int INTEGER = 4;
    private static final int BOOLEAN = 5;
    private static final int NULL = 6;
    private static final int UNKNOWN = 7;
    private static final String[] TYPE_NAMES = {"object", "array", "string", "number", "integer", "boolean", "null",
        "unknown"};

    /** networknt's TypeFactory.getValueNodeType with lossless narrowing off. */
    private static int typeOf(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT:
                return OBJECT;
            case ARRAY:
                return ARRAY;
            case STRING:
            case BINARY:
                return STRING;
            case NUMBER:
                return n.isIntegralNumber() ? INTEGER : NUMBER;
            case BOOLEAN:
                return BOOLEAN;
            case NULL:
                return NULL;
            default:
                return UNKNOWN;
        }
    }

    /** {@code type}, one name or a union of names. */
    private static final class TypeCheck extends Check {
        private final int accepted; // bit set of the types named
        private final String tail; // " expected" part of the message

        TypeCheck(int accepted, String tail) {
            this.accepted = accepted;
            this.tail = tail;
        }

        @Override
        void check(JsonNode value, Run run) {
            int t = typeOf(value);
            if ((accepted & (1 << t)) != 0) {
                return;
            }
            if (t == INTEGER && (accepted & (1 << NUMBER)) != 0) {
                return;
            }
            if (t == NUMBER && (accepted & (1 << INTEGER)) != 0 && value.canConvertToExactIntegral()) {
                return;
            }
            run.report("type", (t == UNKNOWN ? "wrong type, " : TYPE_NAMES[t] + " found, ") + tail, null);
        }
    }

    /**
     * {@code properties} and/or {@code additionalProperties} of one schema. When both are evaluated
     * one after the other they share one pass over the instance's fields.
     */
    private static final class ObjectCheck extends Check {
        private final boolean properties;
        private final boolean additional;
        private final String[] names;
        private final Node[] nodes;
        /** Property name → index into {@link #names}; also the allowed names for {@code additionalProperties}. */
        private final Map<String, Integer> index;
        /** Schema for additional properties; {@code null} when they are forbidden. */
        private final Node additionalSchema;
        private final String unknownMessage;

        ObjectCheck(boolean properties, boolean additional, String[] names, Node[] nodes, Node additionalSchema,
                String unknownMessage) {
            this.properties = properties;
            this.additional = additional;
            this.names = names;
            this.nodes = nodes;
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                idx.put(names[i], i);
            }
            this.index = idx;
            this.additionalSchema = additionalSchema;
            this.unknownMessage = unknownMessage;
        }

        @Override
        void check(JsonNode value, Run run) {
            if (!value.isObject()) {
                return;
            }
            boolean unmatched = !properties;
            if (properties) {
                int base = run.top;
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    Integer i = index.get(e.getKey());
                    if (i == null) {
                        unmatched = true;
                    } else {
                        run.pushSorted(base, i, e.getValue());
                    }
                }
                int end = run.top;
                // schema order, as networknt walks the schema's properties
                for (int k = base; k < end; k++) {
                    int i = run.order[k];
                    JsonNode child = run.values[k];
                    run.values[k] = null;
                    run.push(names[i]);
                    nodes[i].validate(child, run);
                    run.pop();
                }
                run.top = base;
            }
            if (additional && unmatched) {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    String name = e.getKey();
                    if (index.containsKey(name)) {
                        continue;
                    }
                    if (additionalSchema == null) {
                        run.report("additionalProperties", unknownMessage, name);
                    } else {
                        run.push(name);
                        additionalSchema.validate(e.getValue(), run);
                        run.pop();
                    }
                }
            }
        }
    }

    private static final class RequiredCheck extends Check {
        private final String[] names;
        private final String message;

        RequiredCheck(String[] names, String message) {
            this.names = names;
            this.message = message;
        }

        @Override
        void check(JsonNode value, Run run) {
            if (!value.isObject()) {
                return;
            }
            for (String name : names) {
                if (value.get(name) == null) {
                    run.report("required", message, name);
                }
            }
        }
    }

    private static final class ItemsCheck extends Check {
        private final Node items;

        ItemsCheck(Node items) {
            this.items = items;
        }

        @Override
        void check(JsonNode value, Run run) {
            if (!value.isArray()) {
                return;
            }
            for (int i = 0, n = value.size(); i < n; i++) {
                run.push(i);
                items.validate(value.get(i), run);
                run.pop();
            }
        }
    }

    /** {@code maximum} ({@code upper}) or {@code minimum}, inclusive. */
    private static final class BoundCheck extends Check {
        private final boolean upper;
        /** networknt compares longs when the schema's type is the string "integer" and the bound a long. */
        private final boolean integerTyped;
        private final long bound;
        private final BigInteger bigBound;
        private final BigDecimal decimalBound;
        private final boolean boundIsLong;
        private final String keyword;
        private final String message;

        BoundCheck(boolean upper, boolean integerTyped, JsonNode bound, String message) {
            this.upper = upper;
            this.integerTyped = integerTyped;
            this.decimalBound = new BigDecimal(bound.asText());
            this.bound = bound.asLong();
            this.bigBound = integerTyped ? new BigInteger(bound.asText()) : null;
            this.boundIsLong = bound.isInt() || bound.isLong();
            this.keyword = upper ? "maximum" : "minimum";
            this.message = message;
        }

        @Override
        void check(JsonNode value, Run run) {
            if (!value.isNumber()) {
                return;
            }
            int c; // sign of value - bound
            if (integerTyped) {
                if (value.isBigInteger()) {
                    c = value.bigIntegerValue().compareTo(bigBound);
                } else {
                    c = Long.compare(value.asLong(), bound);
                }
            } else {
                if (value.isDouble() && Double.isInfinite(value.doubleValue())) {
                    c = value.doubleValue() > 0 ? 1 : -1;
                } else if (boundIsLong && (value.isInt() || value.isLong())) {
                    c = Long.compare(value.longValue(), bound);
                } else {
                    c = new BigDecimal(value.asText()).compareTo(decimalBound);
                }
            }
            if (upper ? c > 0 : c < 0) {
                run.report(keyword, message, null);
            }
        }
    }

    private static final class DateTimeCheck extends Check {
        private final String message;

        DateTimeCheck(String message) {
            this.message = message;
        }

        @Override
        void check(JsonNode value, Run run) {
            if (typeOf(value) != STRING) {
                return;
            }
            String text = value.textValue(); // null for binary: networknt's parser fails on it
            if (text == null || !isDateTime(text)) {
                run.report("format", message, null);
            }
        }
    }

    private static final class PatternCheck extends Check {
        private static final String QUANTITY =
                "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))?$";
        private static final String BASE64 = "^[A-Za-z0-9+/]*={0,2}$";

        private final int kind; // 0 regex, 1 quantity, 2 base64
        private final Pattern regex;
        private final String message;

        PatternCheck(String pattern, String message) {
            if (pattern.equals(QUANTITY)) {
                kind = 1;
                regex = null;
            } else if (pattern.equals(BASE64)) {
                kind = 2;
                regex = null;
            } else {
                kind = 0;
                regex = Pattern.compile(dollarIsEndOfInput(pattern));
            }
            this.message = message;
        }

        @Override
        void check(JsonNode value, Run run) {
            if (typeOf(value) != STRING) {
                return;
            }
            String text = value.asText();
            boolean ok = switch (kind) {
                case 1 -> isQuantity(text);
                case 2 -> isBase64(text);
                default -> regex.matcher(text).find();
            };
            if (!ok) {
                run.report("pattern", message, null);
            }
        }
    }

    // ---- compiling -------------------------------------------------------------------------------------

    private static final Set<String> ANNOTATIONS = Set.of("$comment", "title", "description", "default", "examples");

    private static final class Compiler {
        private final Map<String, Node> definitions;

        Compiler(Map<String, Node> definitions) {
            this.definitions = definitions;
        }

        /** A node for {@code schema}; a {@code $ref} is the node of its definition itself. */
        Node node(JsonNode schema, String definition, String location) {
            if (schema.isObject() && schema.has("$ref")) {
                return ref(schema.get("$ref"), location);
            }
            Node n = new Node();
            fill(n, schema, definition, location);
            return n;
        }

        private Node ref(JsonNode ref, String location) {
            String target = ref.asText();
            Node n = target.startsWith(DEFINITIONS) ? definitions.get(target.substring(DEFINITIONS.length())) : null;
            if (n == null || target.indexOf('/', DEFINITIONS.length()) >= 0 || target.indexOf('~') >= 0) {
                throw unsupported("$ref " + target, location);
            }
            return n;
        }

        /**
         * Compiles {@code schema} into {@code n}. {@code definition} is the definition lexically
         * containing it (named in messages), {@code location} its JSON pointer in the document.
         */
        void fill(Node n, JsonNode schema, String definition, String location) {
            if (!schema.isObject()) {
                throw unsupported("schema " + schema.getNodeType(), location);
            }
            if (schema.has("$ref")) {
                // draft 7: siblings of $ref are ignored; the definition itself is a reference
                Node target = ref(schema.get("$ref"), location);
                n.checks = new Check[] {new Check() {
                    @Override
                    void check(JsonNode value, Run run) {
                        target.validate(value, run);
                    }
                }};
                return;
            }
            String hint = kindHint(definition);
            List<String> order = new ArrayList<>();
            for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (ANNOTATIONS.contains(k)) {
                    continue;
                }
                switch (k) {
                    case "type", "properties", "additionalProperties", "required", "items", "maximum", "minimum",
                            "format", "pattern" -> order.add(k);
                    default -> throw unsupported("keyword " + k, location);
                }
            }
            // networknt's evaluation order: type, properties, then the rest as written (a stable sort)
            order.sort((a, b) -> rank(a) - rank(b));
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                String k = order.get(i);
                JsonNode v = schema.get(k);
                String at = location + "/" + k;
                switch (k) {
                    case "type" -> checks.add(type(v, hint, at));
                    case "properties" -> {
                        boolean withAdditional = i + 1 < order.size() && order.get(i + 1).equals("additionalProperties");
                        checks.add(object(schema, true, withAdditional, definition, location));
                        if (withAdditional) {
                            i++;
                        }
                    }
                    case "additionalProperties" -> checks.add(object(schema, false, true, definition, location));
                    case "required" -> {
                        if (!v.isArray()) {
                            throw unsupported("required " + v.getNodeType(), at);
                        }
                        String[] names = new String[v.size()];
                        for (int j = 0; j < names.length; j++) {
                            names[j] = v.get(j).asText();
                        }
                        checks.add(new RequiredCheck(names, "required field is missing (" + definition + ")"));
                    }
                    case "items" -> {
                        if (!v.isObject()) {
                            throw unsupported("items " + v.getNodeType(), at);
                        }
                        checks.add(new ItemsCheck(node(v, definition, at)));
                    }
                    case "maximum", "minimum" -> {
                        if (!v.isNumber() || v.isDouble() && Double.isInfinite(v.doubleValue())) {
                            throw unsupported(k + " " + v, at);
                        }
                        JsonNode typeNode = schema.get("type");
                        boolean integerTyped = (v.isInt() || v.isLong()) && typeNode != null
                                && typeNode.asText().equals("integer");
                        boolean upper = k.equals("maximum");
                        checks.add(new BoundCheck(upper, integerTyped, v,
                                (upper ? "must be at most " : "must be at least ") + v.asText() + hint));
                    }
                    case "format" -> {
                        if (!v.isTextual() || !v.textValue().equals("date-time")) {
                            throw unsupported("format " + v, at);
                        }
                        checks.add(new DateTimeCheck("not a valid " + v.asText()));
                    }
                    case "pattern" -> {
                        if (!v.isTextual() || v.textValue().contains("\\p{") || v.textValue().contains("\\Q")) {
                            throw unsupported("pattern " + v, at);
                        }
                        String message;
                        if (definition.equals("Quantity")) {
                            message = "not a Kubernetes quantity (e.g. 500m, 1.5, 2Gi)";
                        } else if (at.endsWith("/data/additionalProperties/pattern")) {
                            message = "not valid base64";
                        } else {
                            message = "does not match the pattern " + v.asText() + hint;
                        }
                        checks.add(new PatternCheck(v.textValue(), message));
                    }
                    default -> throw new IllegalStateException(k);
                }
            }
            n.checks = checks.toArray(new Check[0]);
        }

        private static int rank(String keyword) {
            return switch (keyword) {
                case "type" -> 0;
                case "properties" -> 1;
                default -> 2;
            };
        }

        private Check type(JsonNode v, String hint, String at) {
            int accepted = 0;
            String expected;
            if (v.isTextual()) {
                accepted = 1 << typeNamed(v.textValue(), at);
                expected = v.textValue();
            } else if (v.isArray() && v.size() > 0) {
                List<String> names = new ArrayList<>();
                for (JsonNode t : v) {
                    if (!t.isTextual()) {
                        throw unsupported("type " + v, at);
                    }
                    accepted |= 1 << typeNamed(t.textValue(), at);
                    names.add(t.textValue());
                }
                expected = String.join(" or ", names);
            } else {
                throw unsupported("type " + v, at);
            }
            return new TypeCheck(accepted, expected + " expected" + hint);
        }

        private static int typeNamed(String name, String at) {
            int i = Arrays.asList(TYPE_NAMES).indexOf(name);
            if (i < 0 || i == UNKNOWN) {
                throw unsupported("type " + name, at);
            }
            return i;
        }

        private Check object(JsonNode schema, boolean properties, boolean additional, String definition,
                String location) {
            JsonNode props = schema.path("properties");
            if (schema.has("patternProperties")) {
                throw unsupported("patternProperties", location);
            }
            String[] names = new String[props.size()];
            Node[] nodes = new Node[props.size()];
            int i = 0;
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                names[i] = e.getKey();
                // compiled only where they are evaluated (the properties check)
                nodes[i] = properties ? node(e.getValue(), definition, location + "/properties/" + e.getKey()) : null;
                i++;
            }
            Node additionalSchema = null;
            if (additional) {
                JsonNode ap = schema.get("additionalProperties");
                if (ap.isBoolean() && ap.booleanValue()) {
                    additional = false; // allows everything; networknt validates nothing
                } else if (ap.isObject()) {
                    additionalSchema = node(ap, definition, location + "/additionalProperties");
                } else if (!ap.isBoolean()) {
                    throw unsupported("additionalProperties " + ap, location);
                }
            }
            return new ObjectCheck(properties, additional, names, nodes, additionalSchema,
                    "unknown field (not in the Kubernetes schema of " + definition + ")");
        }

        private static IllegalStateException unsupported(String what, String location) {
            return new IllegalStateException("internal error: " + KubernetesSchema.RESOURCE + " uses " + what + " at "
                    + location + ", which the output validator does not support");
        }
    }

    private static String kindHint(String definition) {
        return switch (definition) {
            case "Quantity" -> " (a Kubernetes quantity)";
            case "IntOrString" -> " (an int-or-string)";
            default -> "";
        };
    }

    // ---- one validation --------------------------------------------------------------------------------

    /** State of one validation: the instance path as a stack, scratch space, the violations so far. */
    private static final class Run {
        /** Shortest Secret value the redaction guard looks for; shorter ones would match ordinary words. */
        private static final int MIN_SECRET_LENGTH = 4;

        private final JsonNode root;
        private String[] names = new String[32]; // a field name, or null for an array index
        private int[] indexes = new int[32];
        private int depth;
        /** Scratch stack for {@link ObjectCheck}: property indexes and values, sorted per object. */
        int[] order = new int[32];
        JsonNode[] values = new JsonNode[32];
        int top;
        List<OutputValidation.Violation> out;
        private List<String> secrets;

        Run(JsonNode root) {
            this.root = root;
        }

        void push(String name) {
            if (depth == names.length) {
                grow();
            }
            names[depth++] = name;
        }

        void push(int index) {
            if (depth == names.length) {
                grow();
            }
            names[depth] = null;
            indexes[depth++] = index;
        }

        void pop() {
            depth--;
        }

        private void grow() {
            names = Arrays.copyOf(names, names.length * 2);
            indexes = Arrays.copyOf(indexes, indexes.length * 2);
        }

        /** Adds {@code (i, value)} to the scratch stack, keeping the entries from {@code base} sorted by i. */
        void pushSorted(int base, int i, JsonNode value) {
            if (top == order.length) {
                order = Arrays.copyOf(order, order.length * 2);
                values = Arrays.copyOf(values, values.length * 2);
            }
            int k = top++;
            while (k > base && order[k - 1] > i) {
                order[k] = order[k - 1];
                values[k] = values[k - 1];
                k--;
            }
            order[k] = i;
            values[k] = value;
        }

        /** JSON pointer of the first {@code n} path segments, escaped as networknt's JSON_POINTER paths. */
        private String pointer(int n) {
            StringBuilder b = new StringBuilder(n * 12);
            for (int i = 0; i < n; i++) {
                b.append('/');
                if (names[i] == null) {
                    b.append(indexes[i]);
                } else {
                    appendSegment(b, names[i]);
                }
            }
            return b.toString();
        }

        /**
         * Records a violation at the current path ({@code property}: of that field of the current
         * object). A message or pointer that would contain a value of a Secret's {@code data} or
         * {@code stringData} is replaced by a generic one (and the pointer by its parent's).
         */
        void report(String keyword, String message, String property) {
            String at = pointer(depth);
            String pointer = property == null ? at : at + "/" + escape(property);
            for (String secret : secrets()) {
                if (message.contains(secret) || pointer.contains(secret)) {
                    message = "violates the schema keyword \"" + keyword + "\" (details withheld: Secret data)";
                    if (pointer.contains(secret)) {
                        pointer = depth == 0 ? "" : pointer(depth - 1);
                    }
                    break;
                }
            }
            OutputValidation.Violation v = new OutputValidation.Violation(pointer, message);
            if (out == null) {
                out = new ArrayList<>();
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }

        private List<String> secrets() {
            if (secrets == null) {
                List<String> found = new ArrayList<>();
                if ("Secret".equals(root.path("kind").asText())) {
                    for (String field : List.of("data", "stringData")) {
                        for (JsonNode v : root.path(field)) {
                            if (v.isValueNode() && v.asText().length() >= MIN_SECRET_LENGTH) {
                                found.add(v.asText());
                            }
                        }
                    }
                }
                secrets = found;
            }
            return secrets;
        }
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A path segment as networknt writes it: RFC 6901 escaping, then control characters as \n etc. */
    private static void appendSegment(StringBuilder b, String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case '~' -> b.append("~0");
                case '/' -> b.append("~1");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append(c);
            }
        }
    }

    // ---- pattern -----------------------------------------------------------------------------------------

    /** ECMAScript's {@code $} (end of input) for java.util.regex, whose {@code $} also matches before a final newline. */
    static String dollarIsEndOfInput(String regex) {
        StringBuilder b = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                b.append(c);
                if (i + 1 < regex.length()) {
                    b.append(regex.charAt(++i));
                }
            } else if (c == '[') {
                inClass = true;
                b.append(c);
            } else if (c == ']') {
                inClass = false;
                b.append(c);
            } else if (c == '$' && !inClass) {
                b.append("\\z");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The Quantity pattern {@code ^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))?$}
     * as a scan: sign, number, then nothing, a binary or decimal suffix, or an exponent.
     */
    static boolean isQuantity(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        i = number(s, i);
        if (i < 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        char c = s.charAt(i);
        if (i + 2 == n && "KMGTPE".indexOf(c) >= 0 && s.charAt(i + 1) == 'i') {
            return true;
        }
        if (i + 1 == n && "numkMGTPE".indexOf(c) >= 0) {
            return true;
        }
        if (c == 'e' || c == 'E') {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            return number(s, i) == n;
        }
        return false;
    }

    /** End of {@code [0-9]+(\.[0-9]*)?|\.[0-9]+} starting at {@code i}, or -1. */
    private static int number(String s, int i) {
        int n = s.length();
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
            }
            return i;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int digits = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            return i > digits ? i : -1;
        }
        return -1;
    }

    /** The pattern {@code ^[A-Za-z0-9+/]*={0,2}$}. */
    static boolean isBase64(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '+' || c == '/') {
                i++;
            } else {
                break;
            }
        }
        int pad = n - i;
        if (pad > 2) {
            return false;
        }
        for (; i < n; i++) {
            if (s.charAt(i) != '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- date-time ---------------------------------------------------------------------------------------

    /**
     * Leap-second months (year * 12 + month - 1) of ethlo ITU 1.14.0's table, exactly as it ships
     * (it lists 1989-12 twice and lacks 1979-12 and 1987-12); the last is 2016-12.
     */
    private static final int[] LEAP_MONTHS = leapMonths(1971, 12, 1972, 6, 1972, 12, 1973, 12, 1974, 12, 1975, 12,
            1976, 12, 1977, 12, 1978, 12, 1989, 12, 1981, 6, 1982, 6, 1983, 6, 1985, 6, 1988, 12, 1990, 12, 1992, 6,
            1993, 6, 1994, 6, 1995, 12, 1997, 6, 1998, 12, 2005, 12, 2008, 12, 2012, 6, 2015, 6, 2016, 12);
    private static final int LAST_LEAP_MONTH = 2016 * 12 + 11;

    private static int[] leapMonths(int... yearMonth) {
        int[] out = new int[yearMonth.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = yearMonth[2 * i] * 12 + yearMonth[2 * i + 1] - 1;
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * Whether networknt accepts {@code s} as {@code date-time}: it calls ethlo ITU 1.14.0's
     * {@code parseDateTime} and treats a leap second in a known leap-second month as valid. This
     * mirrors that parser: {@code yyyy-MM-dd}, then {@code T}, {@code t} or a space, {@code HH:mm:ss},
     * then either nothing (only valid as a known leap second), {@code Z}/{@code z} (anything may
     * follow!), a {@code ±hh?mm} offset (the separator is not checked), or 1-9 fraction digits
     * optionally followed by {@code Z}/{@code z} or such an offset, nothing after; {@code -00:00} is
     * rejected; then the values must form a valid date, time and offset.
     */
    static boolean isDateTime(String s) {
        int n = s.length();
        if (n < 19 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-'
                || !digits(s, 8, 10)) {
            return false;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return false;
        }
        if (!digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16) || s.charAt(16) != ':'
                || !digits(s, 17, 19)) {
            return false;
        }
        int year = value(s, 0, 4);
        int month = value(s, 5, 7);
        int day = value(s, 8, 10);
        int hour = value(s, 11, 13);
        int minute = value(s, 14, 16);
        int second = value(s, 17, 19);
        int nanos = 0;
        int offset; // hours * 100 + minutes (one sign), or NO_OFFSET
        if (n == 19) {
            offset = NO_OFFSET;
        } else {
            char c = s.charAt(19);
            if (c == '.') {
                int i = 20;
                int fraction = 0;
                while (i < n && isDigit(s.charAt(i))) {
                    if (fraction < 9) {
                        nanos = nanos * 10 + (s.charAt(i) - '0');
                    }
                    fraction++;
                    i++;
                }
                if (fraction == 0 || fraction > 9) {
                    return false;
                }
                for (int p = fraction; p < 9; p++) {
                    nanos *= 10;
                }
                offset = i >= n ? NO_OFFSET : zone(s, i);
            } else if (c == 'Z' || c == 'z') {
                offset = 0; // ITU does not look at what follows here
            } else if (c == '+' || c == '-') {
                offset = zone(s, 19);
            } else {
                return false;
            }
            if (offset == BAD) {
                return false;
            }
        }
        if (second == 60) {
            // ITU's leap-second rule, applied before any other check of the values
            if (month < 1 || month > 12) {
                return false;
            }
            int ym = year * 12 + month - 1;
            boolean known = Arrays.binarySearch(LEAP_MONTHS, ym) >= 0;
            if (known || ym > LAST_LEAP_MONTH) {
                int zone = offset == NO_OFFSET ? 0 : offset;
                int total = (zone / 100) * 3600 + (zone % 100) * 60;
                int utcHour = hour - total / 3600;
                int utcMinute = minute - (total % 3600) / 60;
                if ((month == 12 && day == 31 || month == 6 && day == 30) && utcHour == 23 && utcMinute == 59) {
                    try {
                        OffsetDateTime.of(year, month, day, hour, minute, 59, nanos, zoneOffset(zone));
                    } catch (DateTimeException e) {
                        return false;
                    }
                    return known;
                }
            }
        }
        if (offset == NO_OFFSET) {
            return false;
        }
        try {
            OffsetDateTime.of(year, month, day, hour, minute, second, nanos, zoneOffset(offset));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int BAD = Integer.MAX_VALUE;

    /** ITU's time-zone rule at {@code i}: hours * 100 + minutes (one sign), or {@link #BAD}. */
    private static int zone(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') {
            return n > i + 1 ? BAD : 0;
        }
        if (c != '+' && c != '-') {
            return BAD;
        }
        if (n - i < 6 || !digits(s, i + 1, i + 3) || !digits(s, i + 4, i + 6)) {
            return BAD;
        }
        int hours = value(s, i + 1, i + 3);
        int minutes = value(s, i + 4, i + 6);
        if (c == '-') {
            if (hours == 0 && minutes == 0) {
                return BAD;
            }
            hours = -hours;
            minutes = -minutes;
        }
        if (n > i + 6) {
            return BAD;
        }
        return hours * 100 + minutes;
    }

    /** ITU's TimezoneOffset.toZoneOffset: UTC, or {@link ZoneOffset#ofHoursMinutes} (which checks the ranges). */
    private static ZoneOffset zoneOffset(int zone) {
        if (zone == 0) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.ofHoursMinutes(zone / 100, zone % 100);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int value(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
