package dev.kagentmaven.core.go;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Go time.Duration helpers: a line-by-line port of time.ParseDuration (uint64 arithmetic emulated with
 * unsigned operations on {@code long}) and of Duration.Seconds().
 */
public final class GoDuration {

  /** 1&lt;&lt;63 as an unsigned 64-bit value. */
  private static final long TWO_63 = Long.MIN_VALUE;

  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "\u00b5s", 1_000L, // U+00B5 micro sign
      "\u03bcs", 1_000L, // U+03BC Greek small letter mu
      "ms", 1_000_000L,
      "s", 1_000_000_000L,
      "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Go time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?unit)+ with units ns, us, µs, μs, ms, s, m, h (a bare "0"
   * is allowed); returns nanoseconds or throws {@link IllegalArgumentException} with Go's exact message.
   */
  public static long parseNanos(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    long d = 0; // unsigned
    int[] pos = {0};
    while (pos[0] < s.length()) {
      long v = parseElement(s, pos, orig);
      d += v;
      if (Long.compareUnsigned(d, TWO_63) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return -d;
    }
    if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
      throw invalid(orig);
    }
    return d;
  }

  /** Go Duration.Seconds(): float64(d / 1s) + float64(d % 1s) / 1e9, with truncating integer division. */
  public static double seconds(long nanos) {
    long sec = nanos / 1_000_000_000L;
    long nsec = nanos % 1_000_000_000L;
    return (double) sec + (double) nsec / 1e9;
  }

  /** One "[0-9]*(.[0-9]*)?unit" element starting at pos[0]; advances pos[0]; returns unsigned nanoseconds. */
  private static long parseElement(String s, int[] pos, String orig) {
    int i = pos[0];
    char first = s.charAt(i);
    if (!(first == '.' || isDigit(first))) {
      throw invalid(orig);
    }
    long v = leadingInt(s, pos, orig);
    boolean pre = pos[0] != i;
    i = pos[0];
    long f = 0; // unsigned
    double scale = 1;
    boolean post = false;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      int fracStart = i;
      boolean overflow = false;
      for (; i < s.length() && isDigit(s.charAt(i)); i++) {
        if (overflow) {
          continue;
        }
        if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
          overflow = true; // Go's leadingFraction stops accumulating precision
          continue;
        }
        long y = f * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(y, TWO_63) > 0) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i != fracStart;
    }
    if (!pre && !post) {
      throw invalid(orig); // no digits, e.g. ".s"
    }
    int unitStart = i;
    for (; i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i)); i++) {
      // consume unit
    }
    if (i == unitStart) {
      throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
    }
    String u = s.substring(unitStart, i);
    Long unit = UNITS.get(u);
    if (unit == null) {
      throw new IllegalArgumentException("time: unknown unit " + quote(u) + " in duration " + quote(orig));
    }
    pos[0] = i;
    return scaled(v, f, scale, unit, orig);
  }

  /** Go's leadingInt: consumes [0-9]* from pos[0] into an unsigned value, failing above 1&lt;&lt;63. */
  private static long leadingInt(String s, int[] pos, String orig) {
    long x = 0; // unsigned
    int i = pos[0];
    for (; i < s.length() && isDigit(s.charAt(i)); i++) {
      if (Long.compareUnsigned(x, Long.divideUnsigned(TWO_63, 10)) > 0) {
        throw invalid(orig);
      }
      x = x * 10 + (s.charAt(i) - '0');
      if (Long.compareUnsigned(x, TWO_63) > 0) {
        throw invalid(orig);
      }
    }
    pos[0] = i;
    return x;
  }

  /** v*unit + uint64(float64(f) * (float64(unit)/scale)), with Go's overflow checks; unsigned result. */
  private static long scaled(long v, long f, double scale, long unit, String orig) {
    if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_63, unit)) > 0) {
      throw invalid(orig);
    }
    long result = v * unit;
    if (f != 0) {
      // f*unit/scale < unit <= 3.6e12, so the float64 -> uint64 conversion is a plain truncation.
      result += (long) (unsignedToDouble(f) * ((double) unit / scale));
      if (Long.compareUnsigned(result, TWO_63) > 0) {
        throw invalid(orig);
      }
    }
    return result;
  }

  /** Go's float64(uint64): round-to-nearest-even conversion of an unsigned value. */
  private static double unsignedToDouble(long u) {
    if (u >= 0) {
      return (double) u;
    }
    return (double) ((u >>> 1) | (u & 1L)) * 2.0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String orig) {
    return new IllegalArgumentException("time: invalid duration " + quote(orig));
  }

  /** Go time package's quote(): ASCII kept ('"' and '\' backslash-escaped), other bytes of UTF-8 as \xNN. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp >= 0x80 || cp < 0x20) {
        String rune = Character.isSurrogate((char) cp) && width == 1 ? "\ufffd" : s.substring(i, i + width);
        for (byte b : rune.getBytes(StandardCharsets.UTF_8)) {
          out.append("\\x").append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
      } else {
        if (cp == '"' || cp == '\\') {
          out.append('\\');
        }
        out.append((char) cp);
      }
      i += width;
    }
    return out.append('"').toString();
  }
}
