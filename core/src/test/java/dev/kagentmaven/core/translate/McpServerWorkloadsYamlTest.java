package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport-adapter config text and hash (mcpserver.md §3.5) and the goyaml.v2 emitter behind it. */
class McpServerWorkloadsYamlTest {

    /** The exact example of mcpserver.md §3.5 (the seed PR's test-mcp). */
    private static final String SPEC_EXAMPLE = """
            binds:
            - listeners:
              - name: default
                protocol: HTTP
                routes:
                - backends:
                  - mcp:
                      targets:
                      - name: test-mcp
                        sse:
                          host: localhost
                          path: /
                          port: 8443
                    weight: 100
                  matches:
                  - path:
                      pathPrefix: /sse
                  - path:
                      pathPrefix: /mcp
                  name: mcp
              port: 8443
            config: {}
            """;

    @Test
    void specExampleTextAndHash() {
        AdapterConfig c = AdapterConfig.http("test-mcp", 8443, 8443, "/");
        assertEquals(SPEC_EXAMPLE, c.yaml());
        assertEquals("ab3a91c5", c.hash());
    }

    @Test
    void specHashVectors() {
        List<String> args = List.of("-y", "@modelcontextprotocol/server-everything");
        AdapterConfig plain = AdapterConfig.stdio("everything", 3000, "npx", args, Map.of());
        assertEquals("580c64f9", plain.hash());
        assertTrue(plain.yaml().contains("\n              - '@modelcontextprotocol/server-everything'\n"));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("A", "on");
        AdapterConfig withEnv = AdapterConfig.stdio("everything", 3000, "npx", args, env);
        assertEquals("50cb180d", withEnv.hash());
        assertTrue(withEnv.yaml().contains("\n              env:\n                A: \"on\"\n                B: \"2\"\n"));

        // §3.5 leaves name and port of this vector unstated: it is MCPServer "nocmd", port 3000
        AdapterConfig noCmd = AdapterConfig.stdio("nocmd", 3000, "", List.of(), Map.of());
        assertEquals("f9888eea", noCmd.hash());
        assertTrue(noCmd.yaml().contains("\n            stdio:\n              cmd: \"\"\n"));

        AdapterConfig http = AdapterConfig.http("srv", 8080, 8080, "");
        assertEquals("7fe76328", http.hash());
        assertTrue(http.yaml().contains("\n              path: \"\"\n"));
    }

    @Test
    void hashChangesWithUnusedHttpInputs() {
        // §3.5: for http the (unused) targetPort and path still feed the hash
        String base = AdapterConfig.http("srv", 8080, 8080, "").hash();
        assertFalse(base.equals(AdapterConfig.http("srv", 8080, 9090, "").hash()));
        assertFalse(base.equals(AdapterConfig.http("srv", 8080, 8080, "/mcp").hash()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalars", "keys", "nested"})
    void matchesGoyamlV2ReferenceOutput(String name) throws Exception {
        Path dir = Path.of(getClass().getResource("/kmcp/yaml-reference").toURI());
        JsonNode input = new ObjectMapper().readTree(Files.readString(dir.resolve(name + ".json")));
        assertEquals(Files.readString(dir.resolve(name + ".yaml")), AdapterConfigYaml.write(input));
    }

    @Test
    void readBackFoldsNelLikeTheYamlScanner() {
        assertEquals("nel x", AdapterConfigYaml.readBack("nel\u0085x"));
        assertEquals("a b", AdapterConfigYaml.readBack("a  \u0085  b"));
        assertEquals("a\nb", AdapterConfigYaml.readBack("a \u0085\u0085 b"));
        assertEquals("a\n\nb", AdapterConfigYaml.readBack("a\u0085\u0085\u0085b"));
        assertEquals(" x", AdapterConfigYaml.readBack("\u0085x"));
        assertEquals("x ", AdapterConfigYaml.readBack("x\u0085"));
        assertEquals("keep  spaces ", AdapterConfigYaml.readBack("keep  spaces "));
        assertEquals("lone \uFFFD", AdapterConfigYaml.readBack("lone \uD800"));
    }

    @Test
    void charactersTheReaderRefuses() {
        for (String bad : List.of("del\u007F", "c1\u0080", "c1\u009F", "nc\uFFFE", "nc\uFFFF")) {
            assertTrue(AdapterConfigYaml.hasForbiddenCharacter(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> AdapterConfigYaml.readBack(bad));
        }
        for (String ok : List.of("nel\u0085", "tab\t", "nl\n", "ctl\u0001", "bom\uFEFF", "emoji \uD83D\uDE00")) {
            assertFalse(AdapterConfigYaml.hasForbiddenCharacter(ok), ok);
        }
    }

    @Test
    void yaml11Resolution() {
        for (String s : List.of("", "on", "Off", "y", "NO", "~", "null", "1", "-1", "+1", "0x1F", "0o17", "017", "08",
                "1_000", "1e3", "1.", ".5", ".inf", "-.Inf", "2024-01-02", "2024-1-2T3:4:5Z", "2024-01-02 10:00:00",
                "18446744073709551615", "-9223372036854775808",
                // too large for an integer, but still a YAML float
                "18446744073709551616", "-9223372036854775809", "+9223372036854775808")) {
            assertFalse(AdapterConfigYaml.resolvesToString(s) && !AdapterConfigYaml.isBase60Float(s), s);
        }
        for (String s : List.of("x", "-", "-x", "0x", "0b", "2024-02-30", "2023-02-29", "12345-01-01", ".5e999",
                "1e999", "NaN", "<<",
                "2024-01-02T10:00:00+0100")) {
            assertTrue(AdapterConfigYaml.resolvesToString(s), s);
        }
        assertTrue(AdapterConfigYaml.isBase60Float("1:20"));
        assertTrue(AdapterConfigYaml.isBase60Float("190:20:30.15"));
        assertFalse(AdapterConfigYaml.isBase60Float("1:2:3x"));
    }

    @Test
    void cyclicKeyOrderIsOneKmcpProduces() {
        // goyaml.v2 orders these keys differently from run to run (its comparator is cyclic here);
        // orders observed from the reference encoder over 30 runs:
        List<List<String>> observed = List.of(
                List.of("a0", "a001", "a00b", "a01", "a0b", "a1"),
                List.of("a0", "a00b", "a01", "a0b", "a1", "a001"),
                List.of("a0", "a01", "a0b", "a1", "a001", "a00b"),
                List.of("a0", "a0b", "a1", "a001", "a00b", "a01"),
                List.of("a0", "a1", "a001", "a00b", "a01", "a0b"));
        com.fasterxml.jackson.databind.node.ObjectNode o = new ObjectMapper().createObjectNode();
        for (String k : List.of("a1", "a0b", "a01", "a001", "a00b", "a0")) {
            o.put(k, "v");
        }
        List<String> ours = AdapterConfigYaml.sortedKeys(AdapterConfigYaml.readBackForTest(o));
        assertTrue(observed.contains(ours), ours::toString);
        // and it is a fixed choice: independent of the input order
        assertEquals(ours, AdapterConfigYaml.sortedKeys(AdapterConfigYaml.readBackForTest(o.deepCopy())));
    }

    @Test
    void goyamlKeyOrder() {
        List<String> expected = List.of("", "_x", "1", "9", "09", "10", "A_B", "AB", "a0", "a1", "a01", "a2", "a10", "b");
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode o = m.createObjectNode();
        for (int i = expected.size() - 1; i >= 0; i--) {
            o.put(expected.get(i), "v");
        }
        assertEquals(expected, AdapterConfigYaml.sortedKeys(o));
    }
}
