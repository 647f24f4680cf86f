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
 * k8s.io/api value and re-encodes it. A Java {@code null} result stands for a Go nil (pointer, slice,
 * map); {@link #invalid} results are values Go's decoder would reject.
 */
final class GoNormalizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /** Marker for a value Go's decoder rejects; it is dropped and treated as absent. */
  private static final JsonNode INVALID = MissingNode.getInstance();

  private final GoTypeTable table;
  private final GoShape.Problems problems;

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

  /** Go integer fields accept only integral JSON number literals ({@code 1.0} and {@code 1e3} fail). */
  private JsonNode decodeInt(GoType type, JsonNode in, String path) {
    if (!in.isIntegralNumber()) {
      return reject(type, in, path);
    }
    BigInteger v = in.bigIntegerValue();
    if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
      problems.invalid(path, "json: cannot unmarshal number " + v + " into Go value of type int64 (out of range)");
      return INVALID;
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
    } catch (IllegalArgumentException e) {
      problems.invalid(path, e.getMessage());
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
          problems.unknownField(path, key);
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
    problems.invalid(path, "json: cannot unmarshal " + jsonKind(in) + " into Go value of type " + type);
    return INVALID;
  }

  private static String jsonKind(JsonNode in) {
    if (in.isNumber()) {
      return "number " + in.asText();
    }
    if (in.isTextual()) {
      return "string";
    }
    if (in.isBoolean()) {
      return "bool";
    }
    return in.isArray() ? "array" : "object";
  }

  /** Escapes one JSON pointer segment (RFC 6901). */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
