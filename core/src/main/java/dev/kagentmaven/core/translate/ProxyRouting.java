package dev.kagentmaven.core.translate;

import java.util.Map;
import java.util.Set;

/** Global proxy routing of tool URLs and the "internal URL" test (agent-config.md §5.6). */
final class ProxyRouting {
    static final String HOST_HEADER = "x-kagent-host";

    private ProxyRouting() {
    }

    /**
     * kagent's applyProxyURL: proxy scheme and host + the original path; sets {@code x-kagent-host}
     * to the original hostname in {@code headers}. Returns the new URL.
     */
    static String apply(String originalUrl, String proxyUrl, Map<String, String> headers) {
        GoUrl original;
        GoUrl proxy;
        try {
            original = GoUrl.parse(originalUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to parse original URL \"" + originalUrl + "\": "
                    + goUrlError(originalUrl, e));
        }
        try {
            proxy = GoUrl.parse(proxyUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to parse proxy URL \"" + proxyUrl + "\": "
                    + goUrlError(proxyUrl, e));
        }
        headers.put(HOST_HEADER, original.hostname());
        return proxy.scheme() + "://" + proxy.host() + original.path();
    }

    private static String goUrlError(String url, IllegalArgumentException e) {
        return "parse \"" + url + "\": " + e.getMessage();
    }

    /** Internal ⇔ hostname ends with .svc.cluster.local, or has exactly two labels whose second is a known namespace. */
    static boolean isInternal(String url, Set<String> namespaces) {
        String host;
        try {
            host = GoUrl.parse(url).hostname();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host.isEmpty()) {
            return false;
        }
        if (host.endsWith(".svc.cluster.local")) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        return parts.length == 2 && namespaces.contains(parts[1]);
    }

    /** The second DNS label of a URL's host, or null (the golden harness registers it as a namespace). */
    static String secondLabel(String url) {
        try {
            String[] parts = GoUrl.parse(url).hostname().split("\\.", -1);
            return parts.length >= 2 ? parts[1] : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
