package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proxy routing (agent-config.md §5.6), the egress rewrite table (mcpserver.md §6) and Go URL parsing quirks. */
class UrlRulesTest {

    @Test
    void proxyKeepsOriginalPathAndSetsHostHeader() {
        Map<String, String> headers = new LinkedHashMap<>();
        String url = ProxyRouting.apply("http://test-mcp-server.kagent:8084/mcp?x=1#f",
                "http://proxy.kagent.svc.cluster.local:8080/ignored", headers);
        assertEquals("http://proxy.kagent.svc.cluster.local:8080/mcp", url);
        assertEquals("test-mcp-server.kagent", headers.get("x-kagent-host"));
    }

    @Test
    void proxyOfAgentUrlHasNoPath() {
        Map<String, String> headers = new LinkedHashMap<>();
        assertEquals("http://proxy:8080", ProxyRouting.apply("http://nested-agent.test:8080", "http://proxy:8080", headers));
        assertEquals("nested-agent.test", headers.get("x-kagent-host"));
    }

    @Test
    void internalUrls() {
        Set<String> ns = Set.of("kagent", "test");
        assertTrue(ProxyRouting.isInternal("http://a.kagent:80/mcp", ns));
        assertTrue(ProxyRouting.isInternal("https://a.b.svc.cluster.local/mcp", ns));
        assertFalse(ProxyRouting.isInternal("http://a.unknown:80/mcp", ns));
        assertFalse(ProxyRouting.isInternal("https://mcp.example.com/mcp", ns));
        assertFalse(ProxyRouting.isInternal("a.kagent:80/mcp", ns), "scheme-less URL has no host");
    }

    @Test
    void goParsesHostPortWithoutSchemeAsScheme() {
        GoUrl u = GoUrl.parse("host:8000/path");
        assertEquals("host", u.scheme());
        assertEquals("", u.hostname());
        assertThrows(IllegalArgumentException.class, () -> GoUrl.parse("10.0.0.1:8000/path"));
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @CsvSource({
        "host/path, false, http://host:80/path",
        "host:1234/path, false, http://host:1234/path",
        "host/path, true, http://host:443/path",
        "host:1234/path, true, http://host:1234/path",
        "http://host/path, false, http://host:80/path",
        "http://host:8080/path, false, http://host:8080/path",
        "https://host/path, false, http://host:443/path",
        "https://host/path, true, http://host:443/path",
        "https://host:8443/path, true, http://host:8443/path",
        "https://external-mcp.example.com/mcp, false, http://external-mcp.example.com:443/mcp",
        "ftp://host/path, false, ftp://host/path",
        "http://host:99999/path, false, http://host:99999/path",
    })
    void egressRewriteTable(String url, boolean tls, String expected) {
        assertEquals(expected, EgressPlaintext.rewrite(url, tls));
    }
}
