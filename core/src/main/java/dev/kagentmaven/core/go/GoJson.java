package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go encoding/json (Go 1.22+) compatible compact writer over Jackson trees, plus the transformation Go applies
 * when JSON round-trips through {@code map[string]any}.
 */
public final class GoJson {

  /**
   * Go's map-key order: byte-wise UTF-8 comparison, i.e. Unicode code point order (unlike
   * {@link String#compareTo}, which compares UTF-16 code units).
   */
  public static final Comparator<String> MAP_KEY_ORDER = GoJson::compareCodePoints;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GoJson() {}

  /**
   * json.Marshal's compact output (no whitespace, no trailing newline, HTML-safe string escaping, Go float64
   * number format), with object keys in the node's own iteration order.
   */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    writeNode(out, node);
    return out.toString();
  }

  /**
   * What Go's json.Unmarshal into {@code any} followed by json.Marshal does: deep copy with object keys sorted
   * by {@link #MAP_KEY_ORDER}, every number converted to float64, lone surrogates replaced by U+FFFD.
   */
  public static JsonNode reencodeAsGoAny(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, JsonNode> sorted = new TreeMap<>(MAP_KEY_ORDER);
        node.properties().forEach(e -> sorted.put(validUtf16(e.getKey()), reencodeAsGoAny(e.getValue())));
        ObjectNode object = NODES.objectNode();
        sorted.forEach(object::set);
        return object;
      case ARRAY:
        ArrayNode array = NODES.arrayNode(node.size());
        node.forEach(element -> array.add(reencodeAsGoAny(element)));
        return array;
      case STRING:
        return NODES.textNode(validUtf16(node.textValue()));
      case NUMBER:
        return NODES.numberNode(toFloat64(node));
      case BOOLEAN:
        return NODES.booleanNode(node.booleanValue());
      case NULL:
        return NODES.nullNode();
      default:
        throw new IllegalArgumentException("unsupported JSON node type: " + node.getNodeType());
    }
  }

  private static void writeNode(StringBuilder out, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        out.append('{');
        boolean firstField = true;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (!firstField) {
            out.append(',');
          }
          firstField = false;
          writeString(out, field.getKey());
          out.append(':');
          writeNode(out, field.getValue());
        }
        out.append('}');
        return;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeNode(out, node.get(i));
        }
        out.append(']');
        return;
      case STRING:
        writeString(out, node.textValue());
        return;
      case NUMBER:
        out.append(number(node));
        return;
      case BOOLEAN:
        out.append(node.booleanValue() ? "true" : "false");
        return;
      case NULL:
        out.append("null");
        return;
      default:
        throw new IllegalArgumentException("unsupported JSON node type: " + node.getNodeType());
    }
  }

  private static String number(JsonNode node) {
    if (node.isBigInteger()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isIntegralNumber()) {
      return Long.toString(node.longValue()); // IntNode, LongNode, ShortNode
    }
    if (node.isBigDecimal()) {
      return GoFloat.format(node.decimalValue().doubleValue());
    }
    return GoFloat.format(node.doubleValue()); // DoubleNode, FloatNode (widened exactly)
  }

  /** Go's encodeState.string with escapeHTML=true, applied to the UTF-16 text of a Java string. */
  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        appendAscii(out, c);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append("\\ufffd"); // Go writes invalid UTF-8 as the escaped replacement character
      } else if (c == '\u2028' || c == '\u2029') {
        out.append("\\u202").append(HEX[c & 0xF]);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void appendAscii(StringBuilder out, char c) {
    switch (c) {
      case '"':
        out.append("\\\"");
        return;
      case '\\':
        out.append("\\\\");
        return;
      case '\b':
        out.append("\\b");
        return;
      case '\f':
        out.append("\\f");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case '\t':
        out.append("\\t");
        return;
      case '<':
      case '>':
      case '&':
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        return;
      default:
        if (c < 0x20) {
          out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
          out.append(c); // includes '/' and DEL (U+007F)
        }
    }
  }

  /** float64 as produced by Go's decoder (strconv.ParseFloat on the literal: correctly rounded). */
  private static double toFloat64(JsonNode node) {
    double value;
    if (node.isBigInteger()) {
      value = node.bigIntegerValue().doubleValue();
    } else if (node.isIntegralNumber()) {
      value = (double) node.longValue();
    } else if (node.isBigDecimal()) {
      value = node.decimalValue().doubleValue();
    } else {
      return node.doubleValue(); // already binary floating point; NaN/Inf are rejected by write()
    }
    if (Double.isInfinite(value)) {
      throw new GoJsonException("json: cannot unmarshal number " + node.asText() + " into Go value of type float64");
    }
    return value;
  }

  /** Go's decoder yields valid UTF-8 only: unpaired surrogates become U+FFFD. */
  private static String validUtf16(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append('\ufffd');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
