package dev.kagentmaven.core.translate;

/** The {@code --mcp-egress-plaintext} RemoteMCPServer URL rewrite (agent-config.md §6.4). */
final class EgressPlaintext {
    private EgressPlaintext() {
    }

    /** Rewritten dial URL, or {@code url} unchanged when it cannot be rewritten. */
    static String rewrite(String url, boolean tlsPresent) {
        if (url.isEmpty()) {
            return url;
        }
        GoUrl u;
        try {
            u = GoUrl.parse(url.contains("://") ? url : "//" + url);
        } catch (IllegalArgumentException e) {
            return url;
        }
        if (!u.scheme().isEmpty() && !u.scheme().equals("http") && !u.scheme().equals("https")) {
            return url;
        }
        String host = u.hostname();
        if (host.isEmpty()) {
            return url;
        }
        int port;
        if (!u.port().isEmpty()) {
            try {
                port = Integer.parseInt(u.port());
            } catch (NumberFormatException e) {
                return url;
            }
            if (port < 1 || port > 65535) {
                return url;
            }
        } else {
            port = tlsPresent || u.scheme().equals("https") ? 443 : 80;
        }
        return plaintext(u, (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** Go's URL.String() of {@code u} with scheme {@code http} and host {@code hostPort} (userinfo kept). */
    private static String plaintext(GoUrl u, String hostPort) {
        StringBuilder sb = new StringBuilder("http://");
        if (u.user() != null) {
            sb.append(u.user()).append('@');
        }
        sb.append(hostPort);
        String path = u.escapedPath();
        if (!path.isEmpty() && path.charAt(0) != '/') {
            sb.append('/');
        }
        sb.append(path);
        if (u.forceQuery() || !u.query().isEmpty()) {
            sb.append('?').append(u.query());
        }
        if (!u.fragment().isEmpty()) {
            sb.append('#').append(u.escapedFragment());
        }
        return sb.toString();
    }
}
