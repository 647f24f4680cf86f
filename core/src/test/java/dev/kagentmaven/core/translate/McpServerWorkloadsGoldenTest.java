package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.ManifestRenderer;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Hand-written goldens for the opt-in kmcp rendering (src/test/resources/kmcp/&lt;case&gt;): each
 * {@code expected.yaml} was written field by field from mcpserver.md §3 and is compared, parsed with a
 * YAML 1.1 loader, with the rendered {@code <ns>/mcpserver-<name>.yaml}; each {@code expected-errors.yaml}
 * lists the exact errors (code, message, input path, line) of a case kmcp rejects.
 */
class McpServerWorkloadsGoldenTest {
    /** The hash vectors of mcpserver.md §3.5 the goldens are built on. */
    private static final Map<String, String> SPEC_HASHES = Map.of(
            "stdio-npx", "580c64f9",
            "env-secrets", "50cb180d",
            "http-server", "7fe76328",
            "seed-example", "ab3a91c5");

    static Path root() throws URISyntaxException {
        return Path.of(McpServerWorkloadsGoldenTest.class.getResource("/kmcp").toURI());
    }

    static Stream<String> goldenCases() throws Exception {
        return cases("expected.yaml");
    }

    static Stream<String> errorCases() throws Exception {
        return cases("expected-errors.yaml");
    }

    private static Stream<String> cases(String file) throws Exception {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.exists(d.resolve(file))).map(d -> d.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    static Result translate(String name) throws Exception {
        Path dir = root().resolve(name);
        Options.Builder options = Options.builder().renderMcpServers(true);
        Path opts = dir.resolve("options.yaml");
        if (Files.exists(opts)) {
            Map<String, Object> o = new Yaml().load(Files.readString(opts));
            o.forEach((k, v) -> {
                switch (k) {
                    case "emitOwnerReferences" -> options.emitOwnerReferences((Boolean) v);
                    case "kgatewayMcpAppProtocol" -> options.kgatewayMcpAppProtocol((Boolean) v);
                    case "transportAdapterVersion" -> options.transportAdapterVersion((String) v);
                    default -> throw new IllegalArgumentException("unknown option " + k);
                }
            });
        }
        String input = Files.readString(dir.resolve("input.yaml"));
        return Translator.translate(List.of(Source.ofString("kmcp/" + name + "/input.yaml", input)), options.build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    @SuppressWarnings("unchecked")
    void rendersWhatKmcpRenders(String name) throws Exception {
        Result result = translate(name);
        assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
        assertEquals(List.of(), result.warnings());
        List<Manifest> servers = result.manifests().stream().filter(m -> m.kind() == Manifest.Kind.MCP_SERVER).toList();
        assertEquals(1, servers.size());
        Manifest manifest = servers.get(0);

        List<Object> expected = new ArrayList<>();
        new Yaml().loadAll(Files.readString(root().resolve(name).resolve("expected.yaml"))).forEach(expected::add);
        Map<String, Object> deployment = (Map<String, Object>) expected.get(0);
        Map<String, Object> meta = (Map<String, Object>) deployment.get("metadata");
        assertEquals(meta.get("namespace") + "/mcpserver-" + meta.get("name") + ".yaml", manifest.relativePath());

        String yaml = ManifestRenderer.render(manifest);
        assertTrue(yaml.endsWith("\n"));
        List<Object> actual = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(actual::add);
        assertEquals(expected, actual, () -> "rendered:\n" + yaml);
        // the public fabric8 objects describe exactly what is written
        assertEquals(yaml, ManifestRenderer.render(manifest.objects()));

        // the hand-written expectation is consistent: hash annotation = SHA-256 prefix of the
        // hand-written local.yaml, and equals the spec's vector where the case reproduces one
        String localYaml = (String) ((Map<String, Object>) configMap(expected).get("data")).get("local.yaml");
        String annotation = hashAnnotation(deployment);
        assertEquals(sha256Prefix(localYaml), annotation);
        if (SPEC_HASHES.containsKey(name)) {
            assertEquals(SPEC_HASHES.get(name), annotation);
        }
        // and the rendered text is byte-identical to it
        Map<String, Object> renderedCm = configMap(actual);
        assertEquals(localYaml, ((Map<String, Object>) renderedCm.get("data")).get("local.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    @SuppressWarnings("unchecked")
    void failsAsKmcpFails(String name) throws Exception {
        Result result = translate(name);
        assertTrue(result.manifests().isEmpty());
        List<Map<String, Object>> expected = new Yaml().load(
                Files.readString(root().resolve(name).resolve("expected-errors.yaml")));
        List<Map<String, Object>> actual = new ArrayList<>();
        for (Diagnostic d : result.errors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("message", d.message());
            m.put("path", d.origin().path());
            m.put("line", d.origin().line());
            actual.add(m);
            assertEquals("kmcp/" + name + "/input.yaml", d.origin().source());
        }
        assertEquals(expected, actual);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configMap(List<Object> docs) {
        return docs.stream().map(o -> (Map<String, Object>) o).filter(o -> "ConfigMap".equals(o.get("kind")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String hashAnnotation(Map<String, Object> deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Map<String, Object> meta = (Map<String, Object>) template.get("metadata");
        return (String) ((Map<String, Object>) meta.get("annotations")).get("kmcp.kagent.dev/mcpserver-config-hash");
    }

    static String sha256Prefix(String text) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d).substring(0, 8);
    }

    @SuppressWarnings("unused")
    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
