package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written name, label and key rules accept exactly what apimachinery's patterns accept, and
 * {@link InputChecks#quote}/{@link InputChecks#plain} are the code-point rule they document.
 */
class InputCheckNamesTest {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final String ALPHABET = "ab-.z09_AZ~/\u00e9\"\\\u0001\u0085\u2028\ud83d\ude80\ud800\u007f";

    private static List<String> samples() {
        Random rnd = new Random(61);
        List<String> out = new ArrayList<>(List.of("", ".", "..", "...", "-", "a", "a.", ".a", "a..b", "a-.b", "a.-b",
                "a".repeat(63), "a".repeat(64), "a.".repeat(126) + "a", "a.".repeat(127), "a".repeat(80),
                "a".repeat(81), "a".repeat(80) + "...", "abcd\\" + "u005c".repeat(16) + "...", "\u00e9".repeat(81)));
        for (int i = 0; i < 200_000; i++) {
            int length = rnd.nextInt(i % 10 == 0 ? 300 : 12);
            int letters = rnd.nextInt(ALPHABET.length()) + 1;
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < length; j++) {
                sb.append(ALPHABET.charAt(rnd.nextInt(letters)));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void scannersMatchThePatterns() {
        for (String s : samples()) {
            assertEquals(s.length() <= 63 && LABEL.matcher(s).matches(), InputCheckNames.isLabel(s), s);
            assertEquals(s.length() <= 63 && DNS1035_LABEL.matcher(s).matches(), InputCheckNames.isDns1035Label(s), s);
            assertEquals(s.length() <= 253 && SUBDOMAIN.matcher(s).matches(), InputCheckNames.isSubdomain(s), s);
            assertEquals(s.length() <= 253 && KEY.matcher(s).matches() && !s.equals(".") && !s.startsWith(".."),
                    InputCheckNames.isKey(s), s);
        }
    }

    @Test
    void quoteEscapesAndCutsByCodePoint() {
        for (String s : samples()) {
            StringBuilder sb = new StringBuilder("\"");
            s.codePoints().limit(80).forEach(c -> {
                if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029) {
                    sb.append(String.format("\\u%04x", c));
                } else {
                    sb.appendCodePoint(c);
                }
            });
            String expected = sb.append(s.codePointCount(0, s.length()) > 80 ? "...\"" : "\"").toString();
            assertEquals(expected, InputChecks.quote(s), s);
            assertEquals(expected.equals("\"" + s + "\""), InputChecks.plain(s), s);
        }
    }
}
