package dev.kagentmaven.core.go;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string a k8s.io/apimachinery resource.Quantity (v0.36.3) encodes to after being decoded from
 * user input: {@code ParseQuantity} followed by {@code MarshalJSON}.
 */
public final class GoQuantity {

  static final String FORMAT_ERROR =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  static final String NUMERIC_ERROR = "unable to parse numeric part of quantity";
  static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

  private static final int MAX_INT64_FACTORS = 18;
  private static final int NANO = -9;
  private static final BigDecimal BINARY_LIMIT = BigDecimal.valueOf(1024);
  private static final BigDecimal MAX_ALLOWED = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigInteger KI = BigInteger.valueOf(1024);
  private static final long BINARY_LIMIT_LONG = 1024;
  /** Binary SI suffixes by number of exact divisions by 1024. */
  private static final List<String> BINARY_SUFFIXES = List.of("", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
  private static final Map<Integer, String> DECIMAL_SUFFIXES = Map.of(
      -9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
  private static final Map<String, Integer> BINARY_EXPONENTS = Map.of(
      "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);

  /** The quantity's output format, decided by the suffix. */
  private enum Format { DECIMAL_EXPONENT, BINARY_SI, DECIMAL_SI }

  /** The pieces of {@code [sign]digits[.digits][suffix]}; {@code value} is sign+number text. */
  private record Scanned(boolean positive, String value, String num, String denom, String suffix) {}

  /** A suffix's meaning: value × base^exponent, printed in {@code format}. */
  private record Suffix(int base, int exponent, Format format) {}

  /** The decimal and binary SI suffixes ("" included) and their meaning, built once. */
  private static final Map<String, Suffix> SI_SUFFIXES = siSuffixes();

  private static Map<String, Suffix> siSuffixes() {
    Map<String, Suffix> out = new HashMap<>();
    DECIMAL_SUFFIXES.forEach((exponent, suffix) -> out.put(suffix, new Suffix(10, exponent, Format.DECIMAL_SI)));
    BINARY_EXPONENTS.forEach((suffix, exponent) -> out.put(suffix, new Suffix(2, exponent, Format.BINARY_SI)));
    return Map.copyOf(out);
  }

  private GoQuantity() {}

  /**
   * Canonical encoding of the quantity {@code text} (surrounding white space ignored, as
   * UnmarshalJSON trims it). Text that the parser's fast path deems canonical is echoed verbatim.
   *
   * @throws IllegalArgumentException with Go's error message when ParseQuantity rejects the text
   */
  public static String canonical(String text) {
    String str = GoStrings.trimSpace(text);
    if (str.isEmpty()) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    if (str.equals("0")) {
      return str;
    }
    Scanned sc = scan(str);
    Suffix suffix = interpret(sc.suffix());
    String fast = fastPath(str, sc, suffix);
    return fast != null ? fast : slowPath(sc, suffix);
  }

  /**
   * Canonical encoding of a YAML/JSON number given for a quantity: Go's encoding/json renders the
   * float64 (shortest round-trip digits) and the quantity parser then reads that text.
   *
   * @throws IllegalArgumentException for NaN and infinities (Go's json encoder rejects them)
   */
  public static String canonical(double yamlNumber) {
    return canonical(GoFloat.format(yamlNumber));
  }

  /** Go's quantity scanner: sign, leading zeros, integer digits, '.', fraction digits, suffix. */
  private static Scanned scan(String s) {
    int end = s.length();
    int pos = 0;
    boolean positive = true;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      positive = s.charAt(0) == '+';
      pos++;
    }
    while (pos < end && s.charAt(pos) == '0') {
      pos++;
    }
    if (pos == end) {
      return new Scanned(positive, "0", "0", "", "");
    }
    int numStart = pos;
    pos = skipDigits(s, pos);
    String num = pos == numStart ? "0" : s.substring(numStart, pos);
    String denom = "";
    if (pos < end && s.charAt(pos) == '.') {
      int denomStart = ++pos;
      pos = skipDigits(s, pos);
      denom = s.substring(denomStart, pos);
    }
    String value = s.substring(0, pos);
    int suffixStart = pos;
    while (pos < end && "eEinumkKMGTP".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
      pos++;
    }
    if (skipDigits(s, pos) != end) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    return new Scanned(positive, value, num, denom, s.substring(suffixStart));
  }

  private static int skipDigits(String s, int pos) {
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
    return pos;
  }

  /** Decimal SI suffixes, binary SI suffixes, or an {@code e<N>}/{@code E<N>} decimal exponent. */
  private static Suffix interpret(String suffix) {
    Suffix si = SI_SUFFIXES.get(suffix);
    if (si != null) {
      return si;
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        // Go narrows the parsed int64 exponent to int32 the same way a Java int cast does.
        return new Suffix(10, (int) Long.parseLong(suffix.substring(1)), Format.DECIMAL_EXPONENT);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(SUFFIX_ERROR, e);
      }
    }
    throw new IllegalArgumentException(SUFFIX_ERROR);
  }

  /**
   * The int64 fast path: returns {@code str} itself when it is already canonical, the canonical form
   * when the value fits, or null when the arbitrary-precision path must decide.
   */
  private static String fastPath(String str, Scanned sc, Suffix suffix) {
    int digits = sc.num().length() + sc.denom().length();
    int scale = 0;
    int precision;
    long mantissa = 1;
    if (suffix.format() != Format.BINARY_SI) {
      scale = suffix.exponent();
      precision = MAX_INT64_FACTORS - digits;
    } else if (suffix.exponent() >= 0 && sc.denom().isEmpty()) {
      mantissa = 1L << suffix.exponent();
      precision = 15 - sc.num().length() - suffix.exponent() * 3 / 10 - 1;
    } else {
      precision = -1;
    }
    scale -= sc.denom().length();
    if (precision < 0 || scale < NANO) {
      return null;
    }
    String shifted = sc.num() + sc.denom();
    long value = parseInt64(shifted);
    long result;
    try {
      result = Math.multiplyExact(value, mantissa);
    } catch (ArithmeticException overflow) {
      return null;
    }
    if (isCanonicalText(shifted, value, scale, suffix)) {
      return str;
    }
    if (suffix.format() == Format.BINARY_SI && result >= BINARY_LIMIT_LONG) {
      // what canonicalize does with an integral binary amount of at least 1024 (scale is 0 here)
      return base1024(sc.positive() ? result : -result);
    }
    BigDecimal amount = BigDecimal.valueOf(sc.positive() ? result : -result, -scale);
    return canonicalize(amount, suffix.format());
  }

  /** Fast-path echo rule: decimal scale a multiple of 3 without trailing "000" or a leading 0; binary mantissa not divisible by 8. */
  private static boolean isCanonicalText(String shifted, long value, int scale, Suffix suffix) {
    if (suffix.format() == Format.BINARY_SI) {
      return suffix.exponent() % 10 == 0 && (value & 0x07) != 0;
    }
    return scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
  }

  private static long parseInt64(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(NUMERIC_ERROR, e);
    }
  }

  /** Arbitrary precision: apply the suffix, round up (away from zero) to nano, cap binary values at max int64. */
  private static String slowPath(Scanned sc, Suffix suffix) {
    BigDecimal amount = parseDecimal(sc.value());
    try {
      if (suffix.base() == 10) {
        amount = amount.scaleByPowerOfTen(suffix.exponent());
      } else {
        amount = new BigDecimal(amount.unscaledValue().shiftLeft(suffix.exponent()), amount.scale());
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(NUMERIC_ERROR, e);
    }
    int sign = amount.signum();
    amount = amount.abs();
    if (sign != 0 && amount.scale() > -NANO) {
      amount = amount.setScale(-NANO, RoundingMode.UP);
    }
    Format format = suffix.format();
    if (format == Format.BINARY_SI && amount.compareTo(MAX_ALLOWED) > 0) {
      amount = MAX_ALLOWED;
    }
    if (format == Format.BINARY_SI && amount.compareTo(BigDecimal.ONE) < 0 && amount.signum() > 0) {
      format = Format.DECIMAL_SI;
    }
    return canonicalize(sign < 0 ? amount.negate() : amount, format);
  }

  /** The decimal grammar of the number part: optional sign, digits with at most one '.', at least one digit. */
  private static BigDecimal parseDecimal(String value) {
    String digits = value.startsWith("+") ? value.substring(1) : value;
    String unsigned = digits.startsWith("-") ? digits.substring(1) : digits;
    if (!unsigned.matches("[0-9]*\\.?[0-9]*") || unsigned.replace(".", "").isEmpty()) {
      throw new IllegalArgumentException(NUMERIC_ERROR);
    }
    String normalized = unsigned.startsWith(".") ? "0" + unsigned : unsigned;
    normalized = normalized.endsWith(".") ? normalized.substring(0, normalized.length() - 1) : normalized;
    BigDecimal d = new BigDecimal(normalized);
    return digits.startsWith("-") ? d.negate() : d;
  }

  /** MarshalJSON's canonical form for a value and format (CanonicalizeBytes). */
  private static String canonicalize(BigDecimal amount, Format format) {
    if (amount.signum() == 0) {
      return "0";
    }
    if (format == Format.BINARY_SI) {
      boolean small = amount.abs().compareTo(BINARY_LIMIT) < 0;
      boolean integral = amount.stripTrailingZeros().scale() <= 0;
      if (small || !integral) {
        format = Format.DECIMAL_SI;
      } else {
        return base1024(amount.toBigIntegerExact());
      }
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    while (exponent % 3 != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN);
      exponent--;
    }
    String suffix = format == Format.DECIMAL_SI
        // Go prints no suffix at all for a decimal SI exponent beyond the table (e.g. 10^21)
        ? DECIMAL_SUFFIXES.getOrDefault(exponent, "")
        : exponent == 0 ? "" : "e" + exponent;
    return mantissa + suffix;
  }

  /** Binary SI: divide by 1024 while exact and pick Ki, Mi, Gi, Ti, Pi or Ei. */
  private static String base1024(BigInteger value) {
    if (value.bitLength() < 64) {
      return base1024(value.longValue());
    }
    int times = 0;
    while (value.signum() != 0 && value.mod(KI).signum() == 0) {
      value = value.divide(KI);
      times++;
    }
    String suffix = "";
    for (Map.Entry<String, Integer> e : BINARY_EXPONENTS.entrySet()) {
      if (e.getValue() == times * 10) {
        suffix = e.getKey();
      }
    }
    return value + suffix;
  }

  /** {@link #base1024(BigInteger)} for a value that fits a long (at most six divisions: Ei). */
  private static String base1024(long value) {
    int times = 0;
    while (value != 0 && value % 1024 == 0) {
      value /= 1024;
      times++;
    }
    return times == 0 ? Long.toString(value) : value + BINARY_SUFFIXES.get(times);
  }
}
