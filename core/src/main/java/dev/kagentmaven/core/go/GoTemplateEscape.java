package dev.kagentmaven.core.go;

import java.nio.charset.StandardCharsets;

/** text/template's HTMLEscapeString, JSEscapeString and net/url's QueryEscape. */
final class GoTemplateEscape {
    private static final String UPPER_HEX = "0123456789ABCDEF";

    private GoTemplateEscape() {
    }

    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> b.append('\uFFFD');
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String js(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> appendJsRune(b, r);
            }
        }
        return b.toString();
    }

    private static void appendJsRune(StringBuilder b, int r) {
        if (r < ' ') {
            b.append("\\u00").append(UPPER_HEX.charAt(r >> 4)).append(UPPER_HEX.charAt(r & 0xF));
        } else if (r < 0x80 || GoTemplateStrconv.isPrint(r)) {
            b.appendCodePoint(r);
        } else {
            String hex = Integer.toHexString(r).toUpperCase();
            b.append("\\u").append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
        }
    }

    static String urlQuery(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xF));
            }
        }
        return b.toString();
    }
}
