package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Test vectors of agent-config.md §6.2, agent-manifests.md §6.8 and mcpserver.md §7.3. */
class TlsPathsTest {

    @ParameterizedTest
    @CsvSource({
        "corp-ca, corp-ca",
        "custom-ca-cert, custom-ca-cert",
        "corp.ca, 897dad31",
        "mcp.example.com-tls, b2645842",
        "my.cert.bundle, eee77980",
        "a-very-long-secret-name-that-just-exceeds-the-volume-limit-x, c5d20657",
        "Corp-CA, 966dbfee",
        "ca-, a4a26e87",
    })
    void caIds(String secret, String id) {
        assertEquals(id, TlsPaths.id(TlsPaths.CA_PREFIX, secret));
    }

    @ParameterizedTest
    @CsvSource({"56, verbatim", "57, f13b2d72", "60, 11ee3912"})
    void caIdLengthLimit(int length, String id) {
        String secret = "a".repeat(length);
        assertEquals(id.equals("verbatim") ? secret : id, TlsPaths.id(TlsPaths.CA_PREFIX, secret));
    }

    @ParameterizedTest
    @CsvSource({
        "test-tls-client, test-tls-client",
        "mcp-client-tls, mcp-client-tls",
        "github-mcp-client.tls, e168ca56",
        "a-very-long-client-certificate-secret-name-for-mcp-server-x, 2e0dadca",
        "corp.ca, 897dad31",
    })
    void clientIds(String secret, String id) {
        assertEquals(id, TlsPaths.id(McpServerTls.CLIENT_PREFIX, secret));
    }

    @ParameterizedTest
    @CsvSource({"52, verbatim", "53, abe346a7"})
    void clientIdLengthLimit(int length, String id) {
        String secret = "a".repeat(length);
        assertEquals(id.equals("verbatim") ? secret : id, TlsPaths.id(McpServerTls.CLIENT_PREFIX, secret));
    }

    @ParameterizedTest
    @CsvSource({
        "/etc/ssl/certs/custom/x, ca.crt, /etc/ssl/certs/custom/x/ca.crt",
        "/etc/ssl/certs/custom/x, .., /etc/ssl/certs/custom",
        "/etc/ssl/certs/custom/x, ./a//b/, /etc/ssl/certs/custom/x/a/b",
        "/etc/ssl/certs/custom/x, ../../../../../etc/passwd, /etc/passwd",
    })
    void joinCleansLikeGo(String dir, String key, String expected) {
        assertEquals(expected, TlsPaths.join(dir, key));
    }
}
