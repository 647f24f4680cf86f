package dev.kagentmaven.core.translate;

import java.util.Locale;

/**
 * The parts of Go's {@code net/url.Parse} that kagent's URL rules observe: scheme, opaque, host,
 * path, query and fragment, with Go's scheme detection (so {@code host:8080/x} has scheme
 * {@code host}) and its "first path segment cannot contain colon" error.
 */
record GoUrl(String scheme, String opaque, String host, String path, String query, String fragment) {

    /** Parses like Go's url.Parse; throws IllegalArgumentException with Go's message on failure. */
    static GoUrl parse(String raw) {
        for (char c : raw.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        String rest = raw;
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String scheme = scheme(rest);
        if (!scheme.isEmpty()) {
            rest = rest.substring(scheme.length() + 1);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/") && !scheme.isEmpty()) {
            return new GoUrl(scheme.toLowerCase(Locale.ROOT), rest, "", "", query, fragment);
        }
        if (scheme.isEmpty() && !rest.startsWith("/")) {
            int slash = rest.indexOf('/');
            String first = slash < 0 ? rest : rest.substring(0, slash);
            if (first.contains(":")) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        String host = "";
        if (rest.startsWith("//")) {
            String auth = rest.substring(2);
            int slash = auth.indexOf('/');
            host = slash < 0 ? auth : auth.substring(0, slash);
            rest = slash < 0 ? "" : auth.substring(slash);
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                host = host.substring(at + 1);
            }
        }
        return new GoUrl(scheme.toLowerCase(Locale.ROOT), "", host, rest, query, fragment);
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
}
