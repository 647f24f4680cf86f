package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoFloatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0.7|0.7", "0.95|0.95", "1024.0|1024", "30.0|30", "300|300", "0.1|0.1", "1.5|1.5",
      "0.000001|0.000001", "0.0000025|0.0000025", "1e-7|1e-7", "1e-9|1e-9", "1e21|1e+21",
      "1e20|100000000000000000000", "1.7976931348623157e308|1.7976931348623157e+308",
      "4.9e-324|5e-324", "2e-323|2e-323", "-0.0|-0", "0.0|0", "123456789.123|123456789.123", "0.3|0.3",
      "12345678901234567890|12345678901234567000", "-1|-1", "-0.000001|-0.000001", "9.99e-7|9.99e-7",
      "1e-6|0.000001", "123456789012345678901|123456789012345680000", "1.5e300|1.5e+300",
      "1e-100|1e-100", "1e-10|1e-10", "-1e-7|-1e-7", "1234567.8|1234567.8", "123456700|123456700",
      "2000000|2000000", "3.4028234663852886e38|3.4028234663852886e+38",
      // vectors from Go's strconv/ftoa_test.go, laid out the way encoding/json does
      "1e23|1e+23", "99999999999999974834176|9.999999999999997e+22",
      "100000000000000008388608|1.0000000000000001e+23", "2.2250738585072012e-308|2.2250738585072014e-308",
      "2.2250738585072011e-308|2.225073858507201e-308", "383260575764816448|383260575764816450",
      "498484681984085570|498484681984085570", "-5.8339553793802237e+23|-5.8339553793802237e+23",
      "-2.109808898695963e16|-21098088986959630"})
  void formatsLikeEncodingJson(String javaLiteral, String expected) {
    assertEquals(expected, GoFloat.format(Double.parseDouble(javaLiteral)));
  }

  @Test
  void formatsComputedValues() {
    assertEquals("0.30000000000000004", GoFloat.format(0.1 + 0.2));
    assertEquals("-5e-324", GoFloat.format(-Double.MIN_VALUE));
    assertEquals("2.2250738585072014e-308", GoFloat.format(Double.MIN_NORMAL));
    assertEquals("4.450147717014403e-308", GoFloat.format(2 * Double.MIN_NORMAL));
    assertEquals("9007199254740992", GoFloat.format(0x1p53));
    assertEquals("9007199254740994", GoFloat.format(0x1p53 + 2));
    assertEquals("0.1", GoFloat.format(100_000_000 / 1e9));
  }

  @Test
  void jdk17NonShortestCasesAreShortest() {
    // JDK 17's Double.toString gives "9.999999999999999E22", "0.0020", "9.9E-324" and "4.9E-324" here.
    assertEquals("1e+23", GoFloat.format(1e23));
    assertEquals("0.002", GoFloat.format(2.0e-3));
    assertEquals("1e-323", GoFloat.format(1.0e-323));
    assertEquals("5e-324", GoFloat.format(4.9e-324));
  }

  @Test
  void nonFiniteValuesAreGoMarshalErrors() {
    assertEquals("json: unsupported value: NaN",
        assertThrows(GoJsonException.class, () -> GoFloat.format(Double.NaN)).getMessage());
    assertEquals("json: unsupported value: +Inf",
        assertThrows(GoJsonException.class, () -> GoFloat.format(Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("json: unsupported value: -Inf",
        assertThrows(GoJsonException.class, () -> GoFloat.format(Double.NEGATIVE_INFINITY)).getMessage());
  }

  @Test
  void randomBitPatternsRoundTripWithShortestNearestDigits() {
    Random random = new Random(20240601L);
    for (int n = 0; n < 5_000; n++) {
      double x = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        continue;
      }
      String text = GoFloat.format(x);
      assertEquals(x, Double.parseDouble(text), text);
      assertEquals(x, GoFloat.parse(text), text);
      BigDecimal oracle = shortestByParsing(x);
      assertEquals(0, new BigDecimal(text).compareTo(oracle), () -> x + ": " + text + " vs " + oracle);
      assertTrue(significantDigits(text) <= significantDigits(Double.toString(x)), text);
    }
  }

  @Test
  void shortDecimalsComeBackUnchanged() {
    Random random = new Random(42L);
    for (int n = 0; n < 5_000; n++) {
      int digits = 1 + random.nextInt(15);
      long mantissa = (long) (random.nextDouble() * Math.pow(10, digits));
      BigDecimal decimal = new BigDecimal(mantissa).scaleByPowerOfTen(random.nextInt(590) - 300);
      double x = decimal.doubleValue();
      if (x == 0) {
        continue;
      }
      String text = GoFloat.format(x);
      assertEquals(0, new BigDecimal(text).compareTo(decimal), () -> decimal + " formatted as " + text);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0.7|0.7", ".5|0.5", "+1.5|1.5", "-2|-2", "1e-7|1e-7", "1E5|100000", "5.|5", "-.5e1|-5",
      "0x1p-2|0.25", "0x1.8p1|3", "0X1P+3|8", "0x.8p1|1", "0x1.p1|2", "0x1ep0|30", "0x_1p0|1",
      "1_000|1000", "1_000.000_5|1000.0005", "1e1_0|10000000000", "0_1|1", "007|7",
      "1e-400|0", "4.9e-324|4.9e-324", "0x1p-1074|4.9e-324", "0x1p-1075|0", "0x1.8p-1075|4.9e-324",
      "1.7976931348623158e308|1.7976931348623157e308", "0e99999999|0", "1e-99999999|0",
      "12345678901234567890|12345678901234567890", "0.1|0.1"})
  void parsesLikeStrconv(String input, String expectedJavaLiteral) {
    assertEquals(Double.parseDouble(expectedJavaLiteral), GoFloat.parse(input), input);
  }

  @Test
  void parsesSpecialValuesAndSignedZero() {
    assertEquals(Double.POSITIVE_INFINITY, GoFloat.parse("Inf"));
    assertEquals(Double.POSITIVE_INFINITY, GoFloat.parse("+Inf"));
    assertEquals(Double.NEGATIVE_INFINITY, GoFloat.parse("-Inf"));
    assertEquals(Double.POSITIVE_INFINITY, GoFloat.parse("infinity"));
    assertEquals(Double.NEGATIVE_INFINITY, GoFloat.parse("-INFINITY"));
    assertTrue(Double.isNaN(GoFloat.parse("NaN")));
    assertTrue(Double.isNaN(GoFloat.parse("nAn")));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(GoFloat.parse("-0")));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(GoFloat.parse("-1e-400")));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {
      "", " 1", "1 ", "1.2.3", "0x", "0x1", "0xp1", "0x1p", "1_", "_1", "1__0", "1_.5", "1._5", "1_e5",
      "0x1_p0", "+nan", "-NaN", "infin", "info", "inff", "1e", "1e+", "1e_5", ".", "+", "-", "e5", ".e5",
      "1f", "1d", "1L", "\uff11", "\u0131nf", "0b101", "0o7", "1,5", "--1", "+-1", "0x1.8e1", "1e5.5",
      "\t1", "1\n", "0x1p1.5"})
  void rejectsWhatStrconvRejects(String input) {
    NumberFormatException e = assertThrows(NumberFormatException.class, () -> GoFloat.parse(input));
    assertTrue(e.getMessage().startsWith("strconv.ParseFloat: parsing \""), e.getMessage());
    assertTrue(e.getMessage().endsWith(": invalid syntax"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "1e400", "-1e400", "1.7976931348623159e308", "0x1p1024", "0x1.fffffffffffff8p1023", "1e99999999"})
  void rejectsOutOfRangeValues(String input) {
    NumberFormatException e = assertThrows(NumberFormatException.class, () -> GoFloat.parse(input));
    assertEquals("strconv.ParseFloat: parsing \"" + input + "\": value out of range", e.getMessage());
  }

  /** Independent oracle: shortest p whose DOWN/UP rounding parses back to x; nearest (half-even) if both. */
  private static BigDecimal shortestByParsing(double x) {
    BigDecimal exact = new BigDecimal(x);
    if (x == 0) {
      return BigDecimal.ZERO;
    }
    for (int p = 1; p <= 17; p++) {
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
      boolean downOk = Double.parseDouble(down.toString()) == x;
      boolean upOk = Double.parseDouble(up.toString()) == x;
      if (downOk && upOk) {
        return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      }
      if (downOk || upOk) {
        return downOk ? down : up;
      }
    }
    throw new AssertionError(x);
  }

  /** Integral values below 2^53 take a shortcut; they must print exactly as the integer (Go: 'f', shortest). */
  @Test
  void integralValuesPrintAsTheirInteger() {
    Random random = new Random(20261124L);
    for (int i = 0; i < 20_000; i++) {
      long n = i < 64 ? (1L << Math.min(i, 52)) + (i % 3) - 1 : random.nextLong() >>> (11 + random.nextInt(53));
      double x = n;
      String expected = new BigDecimal(x).toBigIntegerExact().toString();
      assertEquals(expected, GoFloat.format(x), "value " + n);
      assertEquals("-" + expected, GoFloat.format(-x), "value -" + n);
    }
    // around the shortcut's bound: 2^53 itself and above take the general path, below it the shortcut
    assertEquals("9007199254740991", GoFloat.format(9007199254740991.0));
    assertEquals("9007199254740992", GoFloat.format(9007199254740992.0));
    assertEquals("9007199254740994", GoFloat.format(9007199254740994.0));
    assertEquals("100000000000000000000", GoFloat.format(1e20));
    assertEquals("1e+21", GoFloat.format(1e21));
    assertEquals("30", GoFloat.format(30.0));
    assertEquals("0.5", GoFloat.format(0.5));
  }

  private static int significantDigits(String text) {
    String mantissa = text.replaceFirst("[eE].*$", "").replace("-", "").replace(".", "");
    return Math.max(1, mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length());
  }
}
