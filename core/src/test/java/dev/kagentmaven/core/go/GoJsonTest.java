package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static String str(String s) {
    return GoJson.write(TextNode.valueOf(s));
  }

  @Test
  void escapesEveryC0ControlLikeGo122() {
    String[] expected = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
    for (char c = 0; c < 0x20; c++) {
      assertEquals('"' + expected[c] + '"', str(String.valueOf(c)), "char " + (int) c);
    }
  }

  @Test
  void escapesQuotesBackslashAndHtml() {
    assertEquals("\"a\\u003cb\\u003e\\u0026c\"", str("a<b>&c"));
    assertEquals("\"\\\"\\\\\"", str("\"\\"));
    assertEquals("\"</script>\"".replace("<", "\\u003c").replace(">", "\\u003e"), str("</script>"));
    assertEquals("\"a/b\"", str("a/b"));
    assertEquals("\"\u007f\"", str("\u007f"));
    assertEquals("\"\"", str(""));
    assertEquals("\"mixed\\u0000\\b\\t\\n\\f\\r\\\"\\\\\"", str("mixed\u0000\b\t\n\f\r\"\\"));
  }

  @Test
  void handlesNonAsciiLikeGo() {
    assertEquals("\"caf\u00e9 \u65e5\u672c \ud83d\ude00 \ufffd \u2027 \u202a\"",
        str("caf\u00e9 \u65e5\u672c \ud83d\ude00 \ufffd \u2027 \u202a"));
    assertEquals("\"\\u2028\\u2029\"", str("\u2028\u2029"));
    assertEquals("\"\\ufffd\"", str("\ud800"));
    assertEquals("\"a\\ufffdb\"", str("a\udc00b"));
    assertEquals("\"\\ufffd\\ufffd\"", str("\ude00\ud83d"));
    assertEquals("\"\\ufffd\ud83d\ude00\"", str("\ud83d\ud83d\ude00"));
  }

  @Test
  void writesCompactObjectsInInsertionOrder() {
    ObjectNode root = F.objectNode();
    root.put("z", "last?");
    root.put("a<", 1);
    root.putNull("n");
    root.put("t", true);
    root.put("f", false);
    root.set("empty", F.objectNode());
    root.set("list", F.arrayNode().add(1).add("x").add(F.arrayNode()).addNull());
    assertEquals("{\"z\":\"last?\",\"a\\u003c\":1,\"n\":null,\"t\":true,\"f\":false,\"empty\":{},"
        + "\"list\":[1,\"x\",[],null]}", GoJson.write(root));
    assertEquals("[]", GoJson.write(F.arrayNode()));
    assertEquals("null", GoJson.write(F.nullNode()));
  }

  @Test
  void writesNumbers() {
    assertEquals("42", GoJson.write(IntNode.valueOf(42)));
    assertEquals("-7", GoJson.write(ShortNode.valueOf((short) -7)));
    assertEquals("-9223372036854775808", GoJson.write(LongNode.valueOf(Long.MIN_VALUE)));
    assertEquals("123456789012345678901234567890",
        GoJson.write(BigIntegerNode.valueOf(new BigInteger("123456789012345678901234567890"))));
    assertEquals("0.7", GoJson.write(DoubleNode.valueOf(0.7)));
    assertEquals("30", GoJson.write(DoubleNode.valueOf(30.0)));
    assertEquals("1e-7", GoJson.write(DoubleNode.valueOf(1e-7)));
    assertEquals("-0", GoJson.write(DoubleNode.valueOf(-0.0)));
    assertEquals("0.5", GoJson.write(FloatNode.valueOf(0.5f)));
    assertEquals("0.10000000149011612", GoJson.write(FloatNode.valueOf(0.1f)));
    assertEquals("1.5", GoJson.write(DecimalNode.valueOf(new BigDecimal("1.50"))));
    assertEquals("100", GoJson.write(DecimalNode.valueOf(new BigDecimal("1E+2"))));
    assertEquals("0.30000000000000004", GoJson.write(DoubleNode.valueOf(0.1 + 0.2)));
  }

  @Test
  void rejectsNonFiniteNumbersWithGoMessage() {
    assertEquals("json: unsupported value: NaN", assertThrows(GoJsonException.class,
        () -> GoJson.write(F.arrayNode().add(Double.NaN))).getMessage());
    assertEquals("json: unsupported value: +Inf", assertThrows(GoJsonException.class,
        () -> GoJson.write(DoubleNode.valueOf(Double.POSITIVE_INFINITY))).getMessage());
    assertEquals("json: unsupported value: -Inf", assertThrows(GoJsonException.class,
        () -> GoJson.write(FloatNode.valueOf(Float.NEGATIVE_INFINITY))).getMessage());
    assertEquals("json: unsupported value: +Inf", assertThrows(GoJsonException.class,
        () -> GoJson.write(DecimalNode.valueOf(new BigDecimal("1E+400")))).getMessage());
  }

  @Test
  void rejectsNodesJsonCannotHold() {
    assertThrows(IllegalArgumentException.class, () -> GoJson.write(BinaryNode.valueOf(new byte[] {1})));
    assertThrows(IllegalArgumentException.class, () -> GoJson.write(new POJONode(new Object())));
    assertThrows(IllegalArgumentException.class, () -> GoJson.write(MissingNode.getInstance()));
    assertThrows(IllegalArgumentException.class, () -> GoJson.reencodeAsGoAny(MissingNode.getInstance()));
  }

  @Test
  void mapKeyOrderIsCodePointOrder() {
    String bmpHigh = "\uffff";
    String astral = "\ud83d\ude00"; // U+1F600
    assertTrue(bmpHigh.compareTo(astral) > 0, "String.compareTo uses UTF-16 units");
    assertTrue(GoJson.MAP_KEY_ORDER.compare(bmpHigh, astral) < 0);
    assertTrue(GoJson.MAP_KEY_ORDER.compare("\ue000", astral) < 0);
    List<String> keys = new ArrayList<>(List.of(astral, "b", "ab", "a", "", "B", "\u00e9", bmpHigh, "a\u0000"));
    keys.sort(GoJson.MAP_KEY_ORDER);
    assertEquals(List.of("", "B", "a", "a\u0000", "ab", "b", "\u00e9", bmpHigh, astral), keys);
    assertEquals(0, GoJson.MAP_KEY_ORDER.compare("same", "same"));
  }

  @Test
  void reencodeSortsKeysAndConvertsNumbersToFloat64() throws Exception {
    JsonNode input = MAPPER.readTree("{\"b\":1.50,\"a\":{\"z\":12345678901234567890,\"y\":[1,2.0,-0.0,1e2,"
        + "{\"d\":0,\"c\":9007199254740993}]},\"\\uffff\":1,\"\\ud83d\\ude00\":2,\"B\":\"<x>\",\"t\":true,"
        + "\"n\":null}");
    String before = input.toString();
    JsonNode reencoded = GoJson.reencodeAsGoAny(input);
    assertEquals("{\"B\":\"\\u003cx\\u003e\",\"a\":{\"y\":[1,2,-0,100,{\"c\":9007199254740992,\"d\":0}],"
        + "\"z\":12345678901234567000},\"b\":1.5,\"n\":null,\"t\":true,\"\uffff\":1,\"\ud83d\ude00\":2}",
        GoJson.write(reencoded));
    assertEquals(before, input.toString(), "input must not be mutated");
    assertTrue(reencoded.get("a").get("y").get(0).isDouble());
  }

  @Test
  void reencodeReplacesLoneSurrogatesLikeGoDecoder() {
    ObjectNode input = F.objectNode();
    input.put("\ud800", "first");
    input.put("\udc00", "second"); // collides with the key above after U+FFFD replacement: last wins
    input.put("v", "x\udbffy");
    assertEquals("{\"v\":\"x\ufffdy\",\"\ufffd\":\"second\"}", GoJson.write(GoJson.reencodeAsGoAny(input)));
  }

  @Test
  void reencodeRejectsNumbersOutsideFloat64() {
    ArrayNode input = F.arrayNode().add(BigInteger.TEN.pow(400));
    GoJsonException e = assertThrows(GoJsonException.class, () -> GoJson.reencodeAsGoAny(input));
    assertEquals("json: cannot unmarshal number " + BigInteger.TEN.pow(400)
        + " into Go value of type float64", e.getMessage());
  }

  @Test
  void reencodeIsIdempotentAndWriteIsStable() throws Exception {
    JsonNode once = GoJson.reencodeAsGoAny(MAPPER.readTree("{\"k\":[0.1,{\"y\":1,\"x\":2}],\"j\":\"\u2028\"}"));
    String text = GoJson.write(once);
    assertEquals("{\"j\":\"\\u2028\",\"k\":[0.1,{\"x\":2,\"y\":1}]}", text);
    assertEquals(text, GoJson.write(GoJson.reencodeAsGoAny(MAPPER.readTree(text))));
  }
}
