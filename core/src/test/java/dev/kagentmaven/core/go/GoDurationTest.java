package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  @Test
  void parsesBriefVectors() {
    assertEquals(300 * MS, GoDuration.parseNanos("300ms"));
    assertEquals(1500 * MS, GoDuration.parseNanos("1.5s"));
    assertEquals(5 * M, GoDuration.parseNanos("5m0s"));
    assertEquals(H + 2 * M, GoDuration.parseNanos("1h2m"));
    assertEquals(-(H + 30 * M), GoDuration.parseNanos("-1.5h"));
    assertEquals(0, GoDuration.parseNanos("0"));
  }

  /** Vectors from Go's time/time_test.go parseDurationTests. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0|0", "5s|5000000000", "30s|30000000000", "1478s|1478000000000", "-5s|-5000000000",
      "+5s|5000000000", "-0|0", "+0|0", "5.0s|5000000000", "5.6s|5600000000", "5.s|5000000000",
      ".5s|500000000", "1.0s|1000000000", "1.00s|1000000000", "1.004s|1004000000", "1.0040s|1004000000",
      "100.00100s|100001000000", "10ns|10", "11us|11000", "12\u00b5s|12000", "12\u03bcs|12000",
      "13ms|13000000", "14s|14000000000", "15m|900000000000", "16h|57600000000000",
      "3h30m|12600000000000", "10.5s4m|250500000000", "-2m3.4s|-123400000000",
      "1h2m3s4ms5us6ns|3723004005006", "39h9m14.425s|140954425000000", "52763797000ns|52763797000",
      "0.3333333333333333333h|1200000000000", "9007199254740993ns|9007199254740993",
      "9223372036854775807ns|9223372036854775807", "9223372036854775.807us|9223372036854775807",
      "9223372036s854ms775us807ns|9223372036854775807", "-9223372036854775808ns|-9223372036854775808",
      "-9223372036854775.808us|-9223372036854775808", "-9223372036s854ms775us808ns|-9223372036854775808",
      "-2562047h47m16.854775808s|-9223372036854775808", "0.100000000000000000000h|360000000000",
      "0.830103483285477580700h|2988372539827"})
  void parsesGoTestVectors(String input, long nanos) {
    assertEquals(nanos, GoDuration.parseNanos(input));
  }

  /** Error vectors from Go's parseDurationErrorTests plus the brief's messages. */
  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "''|time: invalid duration \"\"", "-|time: invalid duration \"-\"", "s|time: invalid duration \"s\"",
      ".|time: invalid duration \".\"", "-.|time: invalid duration \"-.\"", ".s|time: invalid duration \".s\"",
      "+.s|time: invalid duration \"+.s\"", "abc|time: invalid duration \"abc\"",
      "30|time: missing unit in duration \"30\"", "3|time: missing unit in duration \"3\"",
      "1h30|time: missing unit in duration \"1h30\"", "1x|time: unknown unit \"x\" in duration \"1x\"",
      "1d|time: unknown unit \"d\" in duration \"1d\"", "1 s|time: unknown unit \" s\" in duration \"1 s\"",
      "1S|time: unknown unit \"S\" in duration \"1S\"", "1\u00b5|time: unknown unit \"\\xc2\\xb5\" in duration \"1\\xc2\\xb5\"",
      "\ufffd|time: invalid duration \"\\xef\\xbf\\xbd\"", "1\"s|time: unknown unit \"\\\"s\" in duration \"1\\\"s\"",
      "9223372036854775810ns|time: invalid duration \"9223372036854775810ns\"",
      "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\"",
      "-9223372036854775809ns|time: invalid duration \"-9223372036854775809ns\"",
      "9223372036854776us|time: invalid duration \"9223372036854776us\"",
      "3000000h|time: invalid duration \"3000000h\"",
      "9223372036854775.808us|time: invalid duration \"9223372036854775.808us\"",
      "9223372036854ms775us808ns|time: invalid duration \"9223372036854ms775us808ns\"",
      "99999999999999999999s|time: invalid duration \"99999999999999999999s\"",
      "' 1s'|time: invalid duration \" 1s\""})
  void reportsGoErrors(String input, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos(input));
    assertEquals(message, e.getMessage());
  }

  @Test
  void secondsFollowsGoDurationSeconds() {
    assertEquals(0.1, GoDuration.seconds(GoDuration.parseNanos("100ms")));
    assertEquals(1.5, GoDuration.seconds(GoDuration.parseNanos("1.5s")));
    assertEquals(1e-9, GoDuration.seconds(1));
    assertEquals(300.0, GoDuration.seconds(GoDuration.parseNanos("5m0s")));
    assertEquals(-1.5, GoDuration.seconds(GoDuration.parseNanos("-1.5s")));
    assertEquals(0.0, GoDuration.seconds(0));
    // Go's two-part formula float64(sec) + float64(nsec)/1e9 (not nanos / 1e9).
    long nanos = 9_007_199_254_740_993L;
    assertEquals((double) (nanos / S) + (double) (nanos % S) / 1e9, GoDuration.seconds(nanos));
    assertEquals(-9.223372036854776e9, GoDuration.seconds(Long.MIN_VALUE));
    long differs = 7_106_939_098_839_602_886L; // naive nanos / 1e9 would give 7.106939098839603E9
    assertEquals(7.106939098839602e9, GoDuration.seconds(differs));
    assertEquals("7106939098.839602", GoFloat.format(GoDuration.seconds(differs)));
  }

  @Test
  void secondsFormatAsKagentWritesThem() {
    assertEquals("0.1", GoFloat.format(GoDuration.seconds(GoDuration.parseNanos("100ms"))));
    assertEquals("1e-9", GoFloat.format(GoDuration.seconds(GoDuration.parseNanos("1ns"))));
    assertEquals("300", GoFloat.format(GoDuration.seconds(GoDuration.parseNanos("5m0s"))));
    assertEquals("1.5", GoFloat.format(GoDuration.seconds(GoDuration.parseNanos("1.5s"))));
    assertEquals("0.000001", GoFloat.format(GoDuration.seconds(GoDuration.parseNanos("1us"))));
    assertEquals("3600.001", GoFloat.format(GoDuration.seconds(GoDuration.parseNanos("1h1ms"))));
  }
}
