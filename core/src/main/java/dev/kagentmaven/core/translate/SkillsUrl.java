package dev.kagentmaven.core.translate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of Go's {@code net/url.Parse} that kagent's skill rules depend on (whether parsing fails,
 * the scheme, the host and the decoded path), and kagent's {@code gitSSHHost}.
 */
final class SkillsUrl {

    /** Result of a successful Go {@code url.Parse}: lower-cased scheme, decoded host and path. */
    record Parsed(String scheme, String host, String path) {
        /** Go's {@code URL.Hostname()}: the host without port and IPv6 brackets. */
        String hostname() {
            return splitHostPort(host)[0];
        }

        /** Go's {@code URL.Port()}: the digits after the last colon, if they form a valid port. */
        String port() {
            return splitHostPort(host)[1];
        }
    }

    /** An entry for known_hosts: {@code port} is empty for the SSH default. */
    record SshHost(String host, String port) {
    }

    private enum Mode { HOST, PATH, USER, FRAGMENT }

    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]+@)?([^:/]+):.+", Pattern.UNIX_LINES);
    private static final Pattern VALID_HOST = Pattern.compile("[A-Za-z0-9.\\-]+");
    private static final Pattern VALID_PORT = Pattern.compile("[0-9]+");

    private SkillsUrl() {
    }

    /** Go {@code url.Parse(raw)}; {@code null} where Go returns an error. */
    static Parsed parse(String raw) {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        Parsed p = parseNoFragment(u);
        if (p == null) {
            return null;
        }
        if (hash >= 0 && unescape(raw.substring(hash + 1), Mode.FRAGMENT) == null) {
            return null;
        }
        return p;
    }

    private static Parsed parseNoFragment(String u) {
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null; // "net/url: invalid control character in URL"
            }
        }
        if (u.equals("*")) {
            return new Parsed("", "", "*");
        }
        String[] schemeRest = scheme(u);
        if (schemeRest == null) {
            return null; // "missing protocol scheme"
        }
        String scheme = schemeRest[0].toLowerCase(Locale.ROOT);
        String rest = schemeRest[1];
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Parsed(scheme, "", ""); // opaque
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                return null; // "first path segment in URL cannot contain colon"
            }
        }
        String host = "";
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            host = authorityHost(authority);
            if (host == null) {
                return null;
            }
        }
        String path = unescape(rest, Mode.PATH);
        return path == null ? null : new Parsed(scheme, host, path);
    }

    /** Go's getScheme: {@code [scheme, rest]}, or {@code null} for a leading colon. */
    private static String[] scheme(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return new String[] {"", raw};
                }
                continue;
            }
            if (c == ':') {
                return i == 0 ? null : new String[] {raw.substring(0, i), raw.substring(i + 1)};
            }
            return new String[] {"", raw};
        }
        return new String[] {"", raw};
    }

    /** Go's parseAuthority, returning only the decoded host ({@code null} on error). */
    private static String authorityHost(String authority) {
        int at = authority.lastIndexOf('@');
        String host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (host == null || at < 0) {
            return host;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!isAlnum(c) && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                return null; // "net/url: invalid userinfo"
            }
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            return unescape(userinfo, Mode.USER) == null ? null : host;
        }
        boolean ok = unescape(userinfo.substring(0, colon), Mode.USER) != null
                && unescape(userinfo.substring(colon + 1), Mode.USER) != null;
        return ok ? host : null;
    }

    private static String parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0 || !validOptionalPort(host.substring(close + 1))) {
                return null;
            }
        } else {
            // Go ≥ 1.25 rejects a colon that does not introduce a valid port ("a:1:2").
            int colon = host.indexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                return null;
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String[] splitHostPort(String hostPort) {
        String host = hostPort;
        String port = "";
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(host.substring(colon))) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, port};
    }

    /** Go's unescape for the given mode; {@code null} on an escape or host-character error. */
    private static String unescape(String s, Mode mode) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '%') {
                if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
                    return null;
                }
                if (mode == Mode.HOST && hex(in[i + 1]) < 8 && !(in[i + 1] == '2' && in[i + 2] == '5')) {
                    return null;
                }
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                if (mode == Mode.HOST && b < 0x80 && !hostChar((char) b)) {
                    return null; // "invalid character in host name"
                }
                out.write(b);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean hostChar(char c) {
        return isAlnum(c) || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int hex(byte b) {
        return Character.digit(b, 16) >= 0 && b < 0x80 ? Character.digit(b, 16) : -1;
    }

    /**
     * kagent's gitSSHHost: the host (and non-default port) of an {@code ssh://}, {@code git+ssh://} or
     * scp-style ({@code [user@]host:path}) git URL; {@code null} for other or malformed URLs.
     */
    static SshHost sshHost(String rawUrl) {
        Parsed parsed = parse(rawUrl);
        if (parsed != null) {
            switch (parsed.scheme()) {
                case "ssh", "git+ssh" -> {
                    String host = parsed.hostname();
                    if (host.isEmpty() || !VALID_HOST.matcher(host).matches()) {
                        return null;
                    }
                    String port = parsed.port().equals("22") ? "" : parsed.port();
                    if (!port.isEmpty() && !VALID_PORT.matcher(port).matches()) {
                        return null;
                    }
                    return new SshHost(host, port);
                }
                case "http", "https" -> {
                    return null;
                }
                default -> {
                    // fall through to the scp-style check
                }
            }
        }
        if (rawUrl.contains("://")) {
            return null;
        }
        Matcher m = SCP_LIKE.matcher(rawUrl);
        if (!m.matches() || !VALID_HOST.matcher(m.group(1)).matches()) {
            return null;
        }
        return new SshHost(m.group(1), "");
    }
}
