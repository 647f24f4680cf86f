package dev.kagentmaven.core.go;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go float64 text conversions: encoding/json's number format and strconv.ParseFloat(s, 64).
 *
 * <p>Formatting uses exact {@link BigDecimal} arithmetic for the shortest round-trip digits (what Go's
 * Ryu-based {@code FormatFloat(x, fmt, -1, 64)} produces), because JDK 17's {@link Double#toString} is not
 * always shortest (JDK-4511638, fixed in JDK 19).
 */
public final class GoFloat {

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final int MAX_DIGITS = 17;

  private GoFloat() {}

  /**
   * Go encoding/json float64 output: shortest round-trip digits, plain notation when x == 0 or
   * 1e-6 &lt;= |x| &lt; 1e21, else exponent form without leading exponent zeros (1e-7, 1e+21); NaN/±Inf throw
   * {@link GoJsonException} ({@code json: unsupported value: NaN}).
   */
  /** 2^53: every integer below it is a double, and the shortest form of such a double is the integer. */
  private static final double EXACT_INTEGERS = 9007199254740992.0;

  public static String format(double x) {
    if (Double.isNaN(x)) {
      throw new GoJsonException("json: unsupported value: NaN");
    }
    if (Double.isInfinite(x)) {
      throw new GoJsonException("json: unsupported value: " + (x > 0 ? "+Inf" : "-Inf"));
    }
    StringBuilder out = new StringBuilder(24);
    if (Double.doubleToRawLongBits(x) < 0) {
      out.append('-'); // includes negative zero: Go prints "-0"
    }
    double abs = Math.abs(x);
    if (abs == 0) {
      return out.append('0').toString();
    }
    if (abs < EXACT_INTEGERS && abs == Math.rint(abs)) {
      // an integral value below 2^53: its shortest digits are the integer itself, printed plainly
      return out.append((long) abs).toString();
    }
    BigDecimal shortest = shortest(abs).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int pointPos = digits.length() - shortest.scale(); // value = 0.digits * 10^pointPos
    if (abs < 1e-6 || abs >= 1e21) {
      appendExponent(out, digits, pointPos);
    } else {
      appendPlain(out, digits, pointPos);
    }
    return out.toString();
  }

  /** Same as {@link #format(double)}; kept for package callers (GoQuantity) that use this name. */
  static String json(double x) {
    return format(x);
  }

  /**
   * Go strconv.ParseFloat(s, 64): decimal or hex (0x…p…) Go float literals with optional sign and '_' digit
   * separators, case-insensitive "inf"/"infinity" (signed) and "nan" (unsigned); syntax errors and values
   * beyond ±MaxFloat64 (Go's ErrRange) throw {@link NumberFormatException}; underflow yields (signed) zero.
   */
  public static double parse(String s) {
    Double special = special(s);
    if (special != null) {
      return special;
    }
    String literal = canonicalLiteral(s);
    if (literal == null) {
      throw new NumberFormatException("strconv.ParseFloat: parsing " + quote(s) + ": invalid syntax");
    }
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw new NumberFormatException("strconv.ParseFloat: parsing " + quote(s) + ": value out of range");
    }
    return value;
  }

  /** Shortest decimal inside the round-trip interval of {@code abs}; nearest (ties to even) among equals. */
  private static BigDecimal shortest(double abs) {
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal upper = exact.add(new BigDecimal(Math.ulp(abs)).multiply(HALF));
    BigDecimal lower = exact.add(new BigDecimal(Math.nextDown(abs))).multiply(HALF);
    // Round-half-even parsing maps the interval bounds back to abs only when its mantissa is even.
    boolean inclusive = (Double.doubleToRawLongBits(abs) & 1L) == 0;
    for (int precision = 1; precision <= MAX_DIGITS; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downOk = inside(down, lower, upper, inclusive);
      boolean upOk = inside(up, lower, upper, inclusive);
      if (downOk && upOk) {
        return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      }
      if (downOk) {
        return down;
      }
      if (upOk) {
        return up;
      }
    }
    throw new AssertionError("no round-trip representation within 17 digits for " + abs);
  }

  private static boolean inside(BigDecimal candidate, BigDecimal lower, BigDecimal upper, boolean inclusive) {
    int lo = candidate.compareTo(lower);
    int hi = candidate.compareTo(upper);
    return inclusive ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
  }

  /** strconv 'f' layout with shortest precision: value = 0.digits * 10^pointPos. */
  private static void appendPlain(StringBuilder out, String digits, int pointPos) {
    int nd = digits.length();
    if (pointPos > 0) {
      for (int i = 0; i < pointPos; i++) {
        out.append(i < nd ? digits.charAt(i) : '0');
      }
    } else {
      out.append('0');
    }
    int fraction = Math.max(nd - pointPos, 0);
    if (fraction > 0) {
      out.append('.');
      for (int i = 1; i <= fraction; i++) {
        int j = pointPos + i - 1;
        out.append(j >= 0 && j < nd ? digits.charAt(j) : '0');
      }
    }
  }

  /** strconv 'e' layout after encoding/json's "e-09 → e-9" clean-up: exponent has no leading zeros. */
  private static void appendExponent(StringBuilder out, String digits, int pointPos) {
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int exponent = pointPos - 1;
    out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
  }

  /** Go's strconv special(): whole string must be [+-]inf, [+-]infinity or nan (ASCII case-insensitive). */
  private static Double special(String s) {
    int start = 0;
    double sign = 1;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      sign = s.charAt(0) == '-' ? -1 : 1;
      start = 1;
    }
    String rest = s.substring(start);
    if (asciiEqualsIgnoreCase(rest, "inf") || asciiEqualsIgnoreCase(rest, "infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (start == 0 && asciiEqualsIgnoreCase(rest, "nan")) {
      return Double.NaN;
    }
    return null;
  }

  private static boolean asciiEqualsIgnoreCase(String s, String lowerWord) {
    if (s.length() != lowerWord.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (lower(s.charAt(i)) != lowerWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Port of Go's readFloat() syntax check over the whole string. Returns the literal without underscores (and
   * with the exponent clamped the way Go clamps it) in a form {@link Double#parseDouble} rounds identically,
   * or null on a Go syntax error.
   */
  private static String canonicalLiteral(String s) {
    int n = s.length();
    int i = 0;
    StringBuilder out = new StringBuilder(n);
    if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      out.append(s.charAt(0));
      i++;
    }
    boolean hex = i + 2 < n && s.charAt(i) == '0' && lower(s.charAt(i + 1)) == 'x';
    if (hex) {
      out.append("0x");
      i += 2;
    }
    boolean underscores = false;
    boolean sawDot = false;
    boolean sawDigits = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.' && !sawDot) {
        sawDot = true;
        out.append(c);
      } else if (isDigit(c) || hex && isHexLetter(c)) {
        sawDigits = true;
        out.append(c);
      } else {
        break;
      }
    }
    if (!sawDigits) {
      return null;
    }
    char expChar = hex ? 'p' : 'e';
    if (i < n && lower(s.charAt(i)) == expChar) {
      int end = readExponent(s, i + 1, out.append(expChar));
      if (end < 0) {
        return null;
      }
      underscores |= s.substring(i, end).indexOf('_') >= 0;
      i = end;
    } else if (hex) {
      return null; // hex mantissa requires a 'p' exponent
    }
    if (i != n || underscores && !underscoreOk(s)) {
      return null;
    }
    return out.toString();
  }

  /** Reads [+-]digit('_'|digit)* from {@code start}, appends the signed (Go-clamped) value; end index or -1. */
  private static int readExponent(String s, int start, StringBuilder out) {
    int n = s.length();
    int i = start;
    if (i >= n) {
      return -1;
    }
    boolean negative = s.charAt(i) == '-';
    if (negative || s.charAt(i) == '+') {
      i++;
    }
    if (i >= n || !isDigit(s.charAt(i))) {
      return -1;
    }
    int e = 0;
    for (; i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_'); i++) {
      if (s.charAt(i) != '_' && e < 10000) {
        e = e * 10 + (s.charAt(i) - '0'); // Go stops accumulating once e >= 10000
      }
    }
    out.append(negative ? -e : e);
    return i;
  }

  /** Port of Go's strconv underscoreOK: '_' only between digits or between a base prefix and a digit. */
  private static boolean underscoreOk(String str) {
    String s = str;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    char saw = '^';
    int i = 0;
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(lower(s.charAt(1))) >= 0) {
      i = 2;
      saw = '0'; // base prefix counts as a digit
      hex = lower(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c) || hex && isHexLetter(c)) {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else if (saw == '_') {
        return false;
      } else {
        saw = '!';
      }
    }
    return saw != '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexLetter(char c) {
    char l = lower(c);
    return l >= 'a' && l <= 'f';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
