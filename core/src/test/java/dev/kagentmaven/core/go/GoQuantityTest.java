package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoQuantityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "3000m, 3", "2000m, 2", "1000m, 1", "100m, 100m", "200m, 200m", "250m, 250m",
      "1500m, 1500m", "1.5, 1500m", "0.5, 500m", "0.25, 250m", "3.5, 3500m", "1.0, 1",
      "1000, 1k", "10000, 10k", "100000000, 100M", "1048576000, 1048576k", "1000M, 1G",
      "1000000u, 1", "0.000000001, 1n", "0m, 0", "0Gi, 0",
      "384Mi, 384Mi", "684Mi, 684Mi", "1Gi, 1Gi", "1024Mi, 1Gi", "16384Mi, 16Gi", "2048Ki, 2Mi",
      "1536Mi, 1536Mi", "1.5Gi, 1536Mi", "0.5Gi, 512Mi", "4.0Gi, 4Gi", "0.5Ki, 512",
      "0.1Gi, 107374182400m", "1e3, 1e3", "1.5e3, 1500", "2.5e-3, 2500e-6", "12e6, 12e6",
  })
  void canonicalisesLikeApimachinery(String input, String expected) {
    assertEquals(expected, GoQuantity.canonical(input));
  }

  @ParameterizedTest(name = "{0} echoed")
  @ValueSource(strings = {"1.500", "12.345", "01Gi", "0100m", "+1", "1e+09", "0", "-100m", "128Mi"})
  void fastPathCanonicalTextIsEchoedVerbatim(String input) {
    assertEquals(input, GoQuantity.canonical(input));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1000E, 1",          // 10^21 has no decimal SI suffix: Go prints the bare mantissa
      "8Ei, 9223372036854775807", // binary values are capped at max int64
      "1Pi, 1Pi",          // Pi never takes the echo path but is canonical anyway
      "1.Gi, 1.Gi",        // an empty fraction still takes the echo path
      "0.0000000001, 1n",  // rounded up (away from zero) to nano precision
      "-0.0000000001, -1n",
      "-2048Ki, -2Mi",
      "1025, 1025",
      "100Ki, 100Ki",
  })
  void goQuirksAreReproduced(String input, String expected) {
    assertEquals(expected, GoQuantity.canonical(input));
  }

  @Test
  void surroundingWhiteSpaceIsTrimmedLikeUnmarshalJson() {
    assertEquals("1", GoQuantity.canonical("  1000m\t"));
  }

  @ParameterizedTest(name = "{0} rejected")
  @ValueSource(strings = {"", "abc", "1.2.3", "1 Gi", "12x", "1Gi5x"})
  void invalidTextFailsWithTheRegexMessage(String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoQuantity.canonical(input));
    assertEquals(GoQuantity.FORMAT_ERROR, e.getMessage());
  }

  @ParameterizedTest(name = "{0} has a bad suffix")
  @ValueSource(strings = {"1e", "1K", "1ee3", "1mi", "1MM", "1e+"})
  void unknownSuffixFailsWithGosSuffixMessage(String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoQuantity.canonical(input));
    assertEquals(GoQuantity.SUFFIX_ERROR, e.getMessage());
  }

  @Test
  void formatErrorMessageIsGos() {
    assertEquals("quantities must match the regular expression "
        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", GoQuantity.FORMAT_ERROR);
  }

  @Test
  void yamlNumbersAreRenderedAsGoFloatsFirst() {
    assertEquals("2", GoQuantity.canonical(2));
    assertEquals("500m", GoQuantity.canonical(0.5));
    assertEquals("2", GoQuantity.canonical(2.0));
    assertEquals("250m", GoQuantity.canonical(0.25));
    assertEquals("1500m", GoQuantity.canonical(1.5));
    assertEquals("1M", GoQuantity.canonical(1e6));
    assertEquals("100e-9", GoQuantity.canonical(1e-7));
    assertEquals("1e+21", GoQuantity.canonical(1e21));
    assertEquals("0", GoQuantity.canonical(-0.0));
    assertThrows(IllegalArgumentException.class, () -> GoQuantity.canonical(Double.NaN));
  }
}
