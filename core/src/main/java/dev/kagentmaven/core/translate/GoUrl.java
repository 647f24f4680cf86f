package dev.kagentmaven.core.translate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parts of Go's {@code net/url.Parse} that kagent's URL rules observe: scheme, opaque, userinfo
 * (raw; {@code null} when the URL has no {@code @}),
 * host, path (decoded, plus the raw form), query and fragment, with Go's scheme detection (so
 * {@code host:8080/x} has scheme {@code host}), its "first path segment cannot contain colon" error,
 * its host/port checks and its percent-escape validation.
 */
record GoUrl(String scheme, String opaque, String user, String host, String path, String rawPath, String query,
             boolean forceQuery, String fragment) {

    private enum Mode { HOST, PATH, FRAGMENT, USER }

    /** Parses like Go's url.Parse; throws IllegalArgumentException with Go's message on failure. */
    static GoUrl parse(String raw) {
        int hash = raw.indexOf('#');
        String rest = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : raw.substring(hash + 1);
        for (char c : rest.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        GoUrl u = parseWithoutFragment(rest);
        unescape(fragment, Mode.FRAGMENT);
        return new GoUrl(u.scheme, u.opaque, u.user, u.host, u.path, u.rawPath, u.query, u.forceQuery, fragment);
    }

    private static GoUrl parseWithoutFragment(String rest) {
        String fragment = "";
        String scheme = scheme(rest);
        if (!scheme.isEmpty()) {
            rest = rest.substring(scheme.length() + 1);
        }
        String query = "";
        boolean forceQuery = false;
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!rest.startsWith("/") && !scheme.isEmpty()) {
            return new GoUrl(lower, rest, null, "", "", "", query, forceQuery, fragment);
        }
        if (scheme.isEmpty() && !rest.startsWith("/")) {
            int slash = rest.indexOf('/');
            String first = slash < 0 ? rest : rest.substring(0, slash);
            if (first.contains(":")) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        String host = "";
        String user = null;
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String auth = rest.substring(2);
            int slash = auth.indexOf('/');
            rest = slash < 0 ? "" : auth.substring(slash);
            auth = slash < 0 ? auth : auth.substring(0, slash);
            int at = auth.lastIndexOf('@');
            if (at >= 0) {
                user = auth.substring(0, at);
                unescape(user, Mode.USER);
                auth = auth.substring(at + 1);
            }
            host = parseHost(auth);
        }
        return new GoUrl(lower, "", user, host, unescape(rest, Mode.PATH), rest, query, forceQuery, fragment);
    }

    private static String scheme(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                continue;
            }
            if ((c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0) {
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                return s.substring(0, i);
            }
            return "";
        }
        return "";
    }

    /** Go's parseHost: bracketed IPv6 literal or host[:port], then host unescaping. */
    private static String parseHost(String host) {
        String colonPort = "";
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            colonPort = host.substring(close + 1);
        } else if (host.lastIndexOf(':') >= 0) {
            colonPort = host.substring(host.lastIndexOf(':'));
        }
        if (!validOptionalPort(colonPort)) {
            throw new IllegalArgumentException("invalid port " + GoStrings.quote(colonPort) + " after host");
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        return port.charAt(0) == ':' && port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Go's unescape: validates %XX escapes (and host characters) and decodes them. */
    private static String unescape(String s, Mode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
                    String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
                    throw new IllegalArgumentException("invalid URL escape " + GoStrings.quote(bad));
                }
                int v = hex(b[i + 1]) * 16 + hex(b[i + 2]);
                if (mode == Mode.HOST && hex(b[i + 1]) < 8 && v != '%') {
                    String bad = new String(b, i, 3, StandardCharsets.UTF_8);
                    throw new IllegalArgumentException("invalid URL escape " + GoStrings.quote(bad));
                }
                out.write(v);
                i += 2;
            } else {
                if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, mode)) {
                    throw new IllegalArgumentException("invalid character " + GoStrings.quote(String.valueOf((char) c))
                            + " in host name");
                }
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Go's shouldEscape for the modes kagent's URLs go through. */
    private static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == Mode.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case PATH -> c == '?';
                case USER -> c == '@' || c == '/' || c == '?' || c == ':';
                case FRAGMENT -> false;
                case HOST -> true;
            };
        }
        return !(mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0);
    }

    /** Go's validEncoded: whether {@code s} can be emitted as is in {@code mode}. */
    private static boolean validEncoded(String s, Mode mode) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String s, Mode mode) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (shouldEscape(c, mode)) {
                sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Go's URL.EscapedPath: the raw path when it is a valid encoding of the path, else the path escaped. */
    String escapedPath() {
        return validEncoded(rawPath, Mode.PATH) ? rawPath : escape(path, Mode.PATH);
    }

    /** Go's URL.EscapedFragment (the fragment field holds the raw text). */
    String escapedFragment() {
        return validEncoded(fragment, Mode.FRAGMENT) ? fragment : escape(unescape(fragment, Mode.FRAGMENT),
                Mode.FRAGMENT);
    }

    /** Host without port and without IPv6 brackets (Go's URL.Hostname). */
    String hostname() {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host.substring(1) : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Port text, or "" (Go's URL.Port). */
    String port() {
        int close = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon < close) {
            return "";
        }
        String p = host.substring(colon + 1);
        return p.chars().allMatch(Character::isDigit) ? p : "";
    }

    /** Go's strconv.Quote for the short ASCII fragments url errors print. */
    private static final class GoStrings {
        static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }
    }
}
