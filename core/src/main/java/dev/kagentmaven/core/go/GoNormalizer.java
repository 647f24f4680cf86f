package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One normalization run: decodes a JSON tree the way Go's encoding/json decodes it into a typed
 * k8s.io/api (or kagent/kmcp API) value and re-encodes it. A Java {@code null} result stands for a Go
 * nil (pointer, slice, map); {@link #INVALID} results are values Go's decoder would reject. Tracks
 * whether the value being decoded lies inside a k8s.io/api type, for {@link GoShape.Problems}.
 *
 * <p>A run that only checks ({@code build == false}) walks and reports exactly as a normalizing run
 * does, in the same order, but builds nothing. The JSON pointer of the value being decoded is kept as
 * a stack of segments and only turned into text when a problem is reported. Not thread-safe: one
 * instance per run.
 */
final class GoNormalizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /** Marker for a value Go's decoder rejects; it is dropped and treated as absent. */
  private static final JsonNode INVALID = MissingNode.getInstance();
  /** What a checking run returns for a value Go's decoder accepts (nothing is built). */
  private static final JsonNode CHECKED = BooleanNode.TRUE;

  private final GoTypeTable table;
  private final GoShape.Problems problems;
  /** Build the encoded tree (normalize) or only report problems (check). */
  private final boolean build;
  /** How many values being decoded (outermost first) have a declared type that is a k8s.io/api type. */
  private int kubernetesDepth;
  /** The JSON pointer of the value being decoded: a field/key name, or null for the index in {@link #indexes}. */
  private String[] names = new String[16];
  private int[] indexes = new int[16];
  private int depth;
  /**
   * Per struct nesting level, the input values of the struct being decoded by field position; reused
   * by every struct at that level (each entry is cleared as it is read).
   */
  private JsonNode[][] fieldValues = new JsonNode[8][];
  private int structDepth;

  GoNormalizer(GoTypeTable table, GoShape.Problems problems) {
    this(table, problems, true);
  }

  GoNormalizer(GoTypeTable table, GoShape.Problems problems, boolean build) {
    this.table = table;
    this.problems = problems;
    this.build = build;
  }

  /**
   * Decodes {@code in} (absent or JSON null allowed) at the root and returns the encoded value, or null
   * for Go nil.
   */
  JsonNode decodeOrZero(GoType type, JsonNode in) {
    if (in == null || in.isNull() || in.isMissingNode()) {
      return build ? zero(type) : null;
    }
    JsonNode v = decode(type, in);
    if (v == INVALID) {
      return build ? zero(type) : null;
    }
    return v;
  }

  /** Go's zero value, encoded: "" / false / 0 / "0" quantity / int 0 IntOrString / null RawExtension / {} struct. */
  JsonNode zero(GoType type) {
    switch (type.kind()) {
      case STRING: return NODES.textNode("");
      case BOOL: return NODES.booleanNode(false);
      case INT: return NODES.numberNode(0);
      case FLOAT: return NODES.numberNode(0);
      case QUANTITY: return NODES.textNode("0");
      case INT_OR_STRING: return NODES.numberNode(0);
      case RAW_JSON: return NullNode.getInstance();
      case STRUCT: return zeroStruct(table.struct(type));
      default: return null;
    }
  }

  /** The encoding of a zero struct: its fields whose zero value is not omitted, each at its zero value. */
  private ObjectNode zeroStruct(GoTypeTable.Struct struct) {
    ObjectNode out = newObject(struct.keptWhenAbsent());
    for (int i = 0, n = struct.size(); i < n; i++) {
      GoTypeTable.Field f = struct.field(i);
      if (!f.omitAbsent()) {
        JsonNode z = zero(f.type());
        out.set(f.name(), z == null ? NullNode.getInstance() : z);
      }
    }
    return out;
  }

  /** Decodes a non-null JSON value; returns {@link #INVALID} after reporting when Go would reject it. */
  private JsonNode decode(GoType type, JsonNode in) {
    if (type.kubernetes()) {
      kubernetesDepth++;
      try {
        return decodeValue(type, in);
      } finally {
        kubernetesDepth--;
      }
    }
    return decodeValue(type, in);
  }

  private JsonNode decodeValue(GoType type, JsonNode in) {
    switch (type.kind()) {
      case STRING:
        if (!in.isTextual()) {
          return reject(type, in);
        }
        return build ? text(in) : CHECKED;
      case BOOL:
        if (!in.isBoolean()) {
          return reject(type, in);
        }
        return build ? NODES.booleanNode(in.booleanValue()) : CHECKED;
      case INT: return decodeInt(type, in);
      case FLOAT:
        if (!in.isNumber()) {
          return reject(type, in);
        }
        return build ? in.deepCopy() : CHECKED;
      case QUANTITY: return decodeQuantity(type, in);
      case INT_OR_STRING: return decodeIntOrString(type, in);
      case RAW_JSON: return build ? in.deepCopy() : CHECKED;
      case POINTER: return decode(type.elem(), in);
      case SLICE: return in.isArray() ? decodeSlice(type.elem(), in) : reject(type, in);
      case MAP: return in.isObject() ? decodeMap(type.elem(), in) : reject(type, in);
      case STRUCT: return in.isObject() ? decodeStruct(table.struct(type), in) : reject(type, in);
      default: throw new IllegalStateException("unhandled kind " + type.kind());
    }
  }

  /**
   * Go integer fields accept only integral JSON number literals ({@code 1.0} and {@code 1e3} fail) within
   * the range of the field's Go type.
   */
  private JsonNode decodeInt(GoType type, JsonNode in) {
    if (!in.isIntegralNumber()) {
      return reject(type, in);
    }
    if (in.isInt() || in.isLong()) {
      long l = in.longValue();
      if (l >= type.minLong() && l <= type.maxLong()) {
        if (!build) {
          return CHECKED;
        }
        if (in.getClass() == IntNode.class) {
          return in; // immutable, and what numberNode((int) l) would make
        }
        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
      }
    }
    BigInteger v = in.bigIntegerValue();
    if (v.compareTo(type.min()) < 0 || v.compareTo(type.max()) > 0) {
      boolean sized = type.ref() != null;
      problems.invalid(path(), "json: cannot unmarshal number " + abbreviate(v.toString()) + " into Go value of type "
              + type.intName() + (sized ? "" : " (out of range)"),
          new GoShape.Rejection(type.toString(),
              sized ? "an integer from " + type.min() + " to " + type.max() : "an integer",
              sized ? "a number outside that range" : "a number", kubernetesDepth > 0));
      return INVALID;
    }
    if (!build) {
      return CHECKED;
    }
    if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
      return NODES.numberNode(v); // uint64 above int64
    }
    long l = v.longValue();
    return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
  }

  /**
   * A JSON string as the encoder writes it: a plain {@link TextNode} is immutable and shared as it is;
   * anything else textual is copied into one.
   */
  private static JsonNode text(JsonNode in) {
    return in.getClass() == TextNode.class ? in : NODES.textNode(in.textValue());
  }

  /** resource.Quantity accepts a string or a number and re-encodes it in canonical form. */
  private JsonNode decodeQuantity(GoType type, JsonNode in) {
    if (!in.isNumber() && !in.isTextual()) {
      return reject(type, in);
    }
    String canonical;
    try {
      if (in.isTextual()) {
        canonical = GoQuantity.canonical(in.textValue());
      } else if (in.isIntegralNumber() && in.bigIntegerValue().bitLength() <= 64) {
        canonical = GoQuantity.canonical(in.bigIntegerValue().toString());
      } else {
        canonical = GoQuantity.canonical(in.doubleValue());
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.invalid(path(), String.valueOf(e.getMessage()), new GoShape.Rejection(type.toString(),
          "a quantity such as 100m, 1.5Gi or 2", "a value in another format", kubernetesDepth > 0));
      return INVALID;
    }
    return build ? NODES.textNode(canonical) : CHECKED;
  }

  /** intstr.IntOrString keeps a JSON string as string and an int32 number as number. */
  private JsonNode decodeIntOrString(GoType type, JsonNode in) {
    if (in.isTextual()) {
      return build ? text(in) : CHECKED;
    }
    if (in.isIntegralNumber() && in.canConvertToInt()) {
      return build ? NODES.numberNode(in.intValue()) : CHECKED;
    }
    return reject(type, in);
  }

  /** A JSON array decodes element by element; rejected elements are dropped, null elements become zero. */
  private JsonNode decodeSlice(GoType elem, JsonNode in) {
    int size = in.size();
    ArrayNode out = build ? NODES.arrayNode(size) : null;
    for (int i = 0; i < size; i++) {
      JsonNode item = in.get(i);
      JsonNode v;
      if (item.isNull()) {
        if (!build) {
          continue;
        }
        v = zero(elem);
      } else {
        push(null, i);
        v = decode(elem, item);
        depth--;
      }
      if (build && v != INVALID) {
        out.add(v == null ? NullNode.getInstance() : v);
      }
    }
    return build ? out : CHECKED;
  }

  /** A JSON object decodes into a Go map keeping input key order; rejected values are dropped. */
  private JsonNode decodeMap(GoType elem, JsonNode in) {
    ObjectNode out = build ? newObject(in.size()) : null;
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode item = e.getValue();
      JsonNode v;
      if (item.isNull()) {
        if (!build) {
          continue;
        }
        v = zero(elem);
      } else {
        push(e.getKey(), 0);
        v = decode(elem, item);
        depth--;
      }
      if (build && v != INVALID) {
        out.set(e.getKey(), v == null ? NullNode.getInstance() : v);
      }
    }
    return build ? out : CHECKED;
  }

  /**
   * Unknown keys are dropped (and reported, in input order); every Go field is then decoded and encoded in
   * declaration order, except omitempty fields holding an empty value and omitzero fields holding a zero
   * value. One pass over the input's keys finds each field's value.
   */
  private JsonNode decodeStruct(GoTypeTable.Struct struct, JsonNode in) {
    int n = struct.size();
    JsonNode[] values = fieldValues(structDepth++, n);
    int matched = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      int index = struct.indexOf(key);
      if (index < 0) {
        problems.unknownField(path(), key, kubernetesDepth > 0);
      } else {
        values[index] = e.getValue();
        matched++;
      }
    }
    ObjectNode out = build ? newObject(matched + struct.keptWhenAbsent()) : null;
    for (int i = 0; i < n; i++) {
      JsonNode raw = values[i];
      values[i] = null;
      GoTypeTable.Field f = struct.field(i);
      JsonNode v = null;
      if (raw != null && !raw.isNull()) {
        push(f.name(), 0);
        v = decode(f.type(), raw);
        depth--;
        if (v == INVALID) {
          v = null;
        }
      }
      if (!build) {
        continue;
      }
      if (v == null) { // absent, null or rejected: the field holds its Go zero value
        if (!f.omitAbsent()) {
          JsonNode z = zero(f.type());
          out.set(f.name(), z == null ? NullNode.getInstance() : z);
        }
      } else if (!omitted(f, v)) {
        out.set(f.name(), v);
      }
    }
    structDepth--;
    return build ? out : CHECKED;
  }

  /** The (all null) field value array of struct nesting level {@code level}, at least {@code size} long. */
  private JsonNode[] fieldValues(int level, int size) {
    if (level == fieldValues.length) {
      fieldValues = Arrays.copyOf(fieldValues, level * 2);
    }
    JsonNode[] values = fieldValues[level];
    if (values == null || values.length < size) {
      values = new JsonNode[Math.max(size, 16)];
      fieldValues[level] = values;
    }
    return values;
  }

  private boolean omitted(GoTypeTable.Field f, JsonNode v) {
    return f.omitempty() && GoEmptiness.isEmpty(f.type(), v)
        || f.omitzero() && GoEmptiness.isZero(table, f.type(), v);
  }

  /** An empty object node whose map holds {@code expected} entries without growing. */
  private static ObjectNode newObject(int expected) {
    return new ObjectNode(NODES, new LinkedHashMap<>((expected * 4 + 2) / 3)); // ceil(expected / 0.75)
  }

  private JsonNode reject(GoType type, JsonNode in) {
    problems.invalid(path(), "json: cannot unmarshal " + jsonKind(in) + " into Go value of type " + type,
        new GoShape.Rejection(type.toString(), expected(type), GoShape.describe(in), kubernetesDepth > 0));
    return INVALID;
  }

  private void push(String name, int index) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
    names[depth] = name;
    indexes[depth] = index;
    depth++;
  }

  /** The JSON pointer (RFC 6901) of the value being decoded, relative to the input root. */
  private String path() {
    if (depth == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder(depth * 12);
    for (int i = 0; i < depth; i++) {
      sb.append('/');
      if (names[i] == null) {
        sb.append(indexes[i]);
      } else {
        appendEscaped(sb, names[i]);
      }
    }
    return sb.toString();
  }

  /** What a Go type accepts, in the words {@code dev.kagentmaven.core.model.Node} uses. */
  static String expected(GoType type) {
    switch (type.kind()) {
      case STRING: return "a string";
      case BOOL: return "a boolean";
      case INT: return "an integer";
      case FLOAT: return "a number";
      case QUANTITY: return "a quantity (a string or a number)";
      case INT_OR_STRING: return "an integer or a string";
      case POINTER: return expected(type.elem());
      case SLICE: return "a list";
      case MAP: return type.elem().kind() == GoType.Kind.STRING ? "a map of strings" : "an object";
      default: return "an object";
    }
  }

  private static String jsonKind(JsonNode in) {
    if (in.isNumber()) {
      return "number " + abbreviate(in.asText());
    }
    if (in.isTextual()) {
      return "string";
    }
    if (in.isBoolean()) {
      return "bool";
    }
    return in.isArray() ? "array" : "object";
  }

  /** Long number literals are cut in messages (a number is never secret, but may be huge). */
  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 20) + "..." + text.substring(text.length() - 10);
  }

  /** Escapes one JSON pointer segment (RFC 6901). */
  static String escape(String segment) {
    if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
      return segment;
    }
    StringBuilder sb = new StringBuilder(segment.length() + 4);
    appendEscaped(sb, segment);
    return sb.toString();
  }

  /** Appends {@code segment} escaped as one JSON pointer segment: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  static void appendEscaped(StringBuilder sb, String segment) {
    for (int i = 0, n = segment.length(); i < n; i++) {
      char c = segment.charAt(i);
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
