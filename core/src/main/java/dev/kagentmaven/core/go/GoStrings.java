package dev.kagentmaven.core.go;

/** Small string helpers shared by the Go-compatible code and the diagnostics. */
public final class GoStrings {
    private GoStrings() {
    }

    /** Go's {@code strings.TrimSpace}: strips Unicode White_Space (Go's {@code unicode.IsSpace}) from both ends. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace} for a UTF-16 unit (every Go space is in the BMP). */
    public static boolean isSpace(char c) {
        return "\t\n\u000B\f\r\u0085".indexOf(c) >= 0 || Character.isSpaceChar(c);
    }

    /**
     * Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit
     * (for "did you mean" hints).
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int x = 0; x <= a.length(); x++) {
            d[x][0] = x;
        }
        for (int y = 0; y <= b.length(); y++) {
            d[0][y] = y;
        }
        for (int x = 1; x <= a.length(); x++) {
            for (int y = 1; y <= b.length(); y++) {
                int cost = a.charAt(x - 1) == b.charAt(y - 1) ? 0 : 1;
                d[x][y] = Math.min(Math.min(d[x - 1][y] + 1, d[x][y - 1] + 1), d[x - 1][y - 1] + cost);
                if (x > 1 && y > 1 && a.charAt(x - 1) == b.charAt(y - 2) && a.charAt(x - 2) == b.charAt(y - 1)) {
                    d[x][y] = Math.min(d[x][y], d[x - 2][y - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
