package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * One normalization run: decodes a JSON tree the way Go's encoding/json decodes it into a typed
 * k8s.io/api (or kagent/kmcp API) value and re-encodes it. A Java {@code null} result stands for a Go
 * nil (pointer, slice, map); {@link #INVALID} results are values Go's decoder would reject. Tracks
 * whether the value being decoded lies inside a k8s.io/api type, for {@link GoShape.Problems}.
 */
final class GoNormalizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /** Marker for a value Go's decoder rejects; it is dropped and treated as absent. */
  private static final JsonNode INVALID = MissingNode.getInstance();

  private final GoTypeTable table;
  private final GoShape.Problems problems;
  /** How many values being decoded (outermost first) have a declared type that is a k8s.io/api type. */
  private int kubernetesDepth;

  GoNormalizer(GoTypeTable table, GoShape.Problems problems) {
    this.table = table;
    this.problems = problems;
  }

  /** Decodes {@code in} (absent or JSON null allowed) and returns the encoded value, or null for Go nil. */
  JsonNode decodeOrZero(GoType type, JsonNode in, String path) {
    if (in == null || in.isNull() || in.isMissingNode()) {
      return zero(type);
    }
    JsonNode v = decode(type, in, path);
    return v == INVALID ? zero(type) : v;
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
      case STRUCT: return decodeStruct(type.ref(), null, "");
      default: return null;
    }
  }

  /** Decodes a non-null JSON value; returns {@link #INVALID} after reporting when Go would reject it. */
  private JsonNode decode(GoType type, JsonNode in, String path) {
    boolean kubernetes = isKubernetes(type);
    if (kubernetes) {
      kubernetesDepth++;
    }
    try {
      return decodeValue(type, in, path);
    } finally {
      if (kubernetes) {
        kubernetesDepth--;
      }
    }
  }

  private JsonNode decodeValue(GoType type, JsonNode in, String path) {
    switch (type.kind()) {
      case STRING: return in.isTextual() ? NODES.textNode(in.textValue()) : reject(type, in, path);
      case BOOL: return in.isBoolean() ? NODES.booleanNode(in.booleanValue()) : reject(type, in, path);
      case INT: return decodeInt(type, in, path);
      case FLOAT: return in.isNumber() ? in.deepCopy() : reject(type, in, path);
      case QUANTITY: return decodeQuantity(type, in, path);
      case INT_OR_STRING: return decodeIntOrString(type, in, path);
      case RAW_JSON: return in.deepCopy();
      case POINTER: return decode(type.elem(), in, path);
      case SLICE: return in.isArray() ? decodeSlice(type.elem(), in, path) : reject(type, in, path);
      case MAP: return in.isObject() ? decodeMap(type.elem(), in, path) : reject(type, in, path);
      case STRUCT: return in.isObject() ? decodeStruct(type.ref(), in, path) : reject(type, in, path);
      default: throw new IllegalStateException("unhandled kind " + type.kind());
    }
  }

  /** A type whose innermost named type is from k8s.io/api core/v1 or apps/v1 (not meta, kagent or kmcp). */
  private static boolean isKubernetes(GoType type) {
    GoType t = type;
    while (t.elem() != null) {
      t = t.elem();
    }
    return t.kind() == GoType.Kind.STRUCT && (t.ref().startsWith("v1.") || t.ref().startsWith("apps/v1."));
  }

  /**
   * Go integer fields accept only integral JSON number literals ({@code 1.0} and {@code 1e3} fail) within
   * the range of the field's Go type.
   */
  private JsonNode decodeInt(GoType type, JsonNode in, String path) {
    if (!in.isIntegralNumber()) {
      return reject(type, in, path);
    }
    BigInteger v = in.bigIntegerValue();
    if (v.compareTo(type.min()) < 0 || v.compareTo(type.max()) > 0) {
      boolean sized = type.ref() != null;
      problems.invalid(path, "json: cannot unmarshal number " + abbreviate(v.toString()) + " into Go value of type "
              + type.intName() + (sized ? "" : " (out of range)"),
          new GoShape.Rejection(type.toString(),
              sized ? "an integer from " + type.min() + " to " + type.max() : "an integer",
              sized ? "a number outside that range" : "a number", kubernetesDepth > 0));
      return INVALID;
    }
    if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
      return NODES.numberNode(v); // uint64 above int64
    }
    long l = v.longValue();
    return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
  }

  /** resource.Quantity accepts a string or a number and re-encodes it in canonical form. */
  private JsonNode decodeQuantity(GoType type, JsonNode in, String path) {
    try {
      if (in.isTextual()) {
        return NODES.textNode(GoQuantity.canonical(in.textValue()));
      }
      if (in.isIntegralNumber() && in.bigIntegerValue().bitLength() <= 64) {
        return NODES.textNode(GoQuantity.canonical(in.bigIntegerValue().toString()));
      }
      if (in.isNumber()) {
        return NODES.textNode(GoQuantity.canonical(in.doubleValue()));
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.invalid(path, String.valueOf(e.getMessage()), new GoShape.Rejection(type.toString(),
          "a quantity such as 100m, 1.5Gi or 2", "a value in another format", kubernetesDepth > 0));
      return INVALID;
    }
    return reject(type, in, path);
  }

  /** intstr.IntOrString keeps a JSON string as string and an int32 number as number. */
  private JsonNode decodeIntOrString(GoType type, JsonNode in, String path) {
    if (in.isTextual()) {
      return NODES.textNode(in.textValue());
    }
    if (in.isIntegralNumber() && in.canConvertToInt()) {
      return NODES.numberNode(in.intValue());
    }
    return reject(type, in, path);
  }

  /** A JSON array decodes element by element; rejected elements are dropped, null elements become zero. */
  private JsonNode decodeSlice(GoType elem, JsonNode in, String path) {
    ArrayNode out = NODES.arrayNode(in.size());
    for (int i = 0; i < in.size(); i++) {
      JsonNode item = in.get(i);
      JsonNode v = item.isNull() ? zero(elem) : decode(elem, item, path + "/" + i);
      if (v != INVALID) {
        out.add(v == null ? NullNode.getInstance() : v);
      }
    }
    return out;
  }

  /** A JSON object decodes into a Go map keeping input key order; rejected values are dropped. */
  private JsonNode decodeMap(GoType elem, JsonNode in, String path) {
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode item = e.getValue();
      JsonNode v = item.isNull() ? zero(elem) : decode(elem, item, path + "/" + escape(e.getKey()));
      if (v != INVALID) {
        out.set(e.getKey(), v == null ? NullNode.getInstance() : v);
      }
    }
    return out;
  }

  /**
   * Unknown keys are dropped (and reported); every Go field is then encoded in declaration order,
   * except omitempty fields holding an empty value and omitzero fields holding a zero value.
   */
  private ObjectNode decodeStruct(String name, JsonNode in, String path) {
    GoTypeTable.Struct struct = table.struct(name);
    if (in != null) {
      for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!struct.byName().containsKey(key)) {
          problems.unknownField(path, key, kubernetesDepth > 0);
        }
      }
    }
    ObjectNode out = NODES.objectNode();
    for (GoTypeTable.Field f : struct.fields()) {
      JsonNode raw = in == null ? null : in.get(f.name());
      JsonNode v = decodeOrZero(f.type(), raw, path + "/" + escape(f.name()));
      if (v == null ? f.omitempty() || f.omitzero() : omitted(f, v)) {
        continue;
      }
      out.set(f.name(), v == null ? NullNode.getInstance() : v);
    }
    return out;
  }

  private boolean omitted(GoTypeTable.Field f, JsonNode v) {
    return f.omitempty() && GoEmptiness.isEmpty(f.type(), v)
        || f.omitzero() && GoEmptiness.isZero(table, f.type(), v);
  }

  private JsonNode reject(GoType type, JsonNode in, String path) {
    problems.invalid(path, "json: cannot unmarshal " + jsonKind(in) + " into Go value of type " + type,
        new GoShape.Rejection(type.toString(), expected(type), GoShape.describe(in), kubernetesDepth > 0));
    return INVALID;
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
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
