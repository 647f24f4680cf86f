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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The {@code renderMcpServers} mode as a whole: off by default, ordering, options, kmcp's YAML failures. */
class McpServerWorkloadsOptionsTest {

    private static final String AGENT = """
            apiVersion: v1
            kind: Secret
            metadata: {name: openai-secret, namespace: test}
            data: {api-key: c2stdGVzdA==}
            ---
            apiVersion: kagent.dev/v1alpha2
            kind: ModelConfig
            metadata: {name: default-model, namespace: test}
            spec: {provider: OpenAI, model: gpt-4o, apiKeySecret: openai-secret, apiKeySecretKey: api-key}
            ---
            apiVersion: kagent.dev/v1alpha2
            kind: Agent
            metadata: {name: assistant, namespace: test}
            spec:
              type: Declarative
              declarative:
                systemMessage: You help.
                modelConfig: default-model
            ---
            """;

    private static String server(String ns, String name, String deploymentExtra) {
        return """
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata: {name: %s, namespace: %s}
                spec:
                  transportType: stdio
                  deployment:
                    cmd: npx
                    port: 3000
                %s---
                """.formatted(name, ns, deploymentExtra.indent(4));
    }

    private static Result run(String yaml, Options.Builder options) {
        return Translator.translate(List.of(Source.ofString("in.yaml", yaml)), options.build());
    }

    @Test
    void offByDefault() {
        Result r = run(AGENT + server("test", "everything", ""), Options.builder());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        assertEquals(List.of("test/assistant.yaml"), r.manifests().stream().map(Manifest::relativePath).toList());
    }

    @Test
    void offIgnoresEvenInvalidMcpServers() {
        // kmcp's own errors only matter when its objects are rendered (no image, no port, no transport)
        Result r = run(AGENT + server("test", "broken", "").replace("cmd: npx", "cmd: python").replace("port: 3000",
                "replicas: 1"), Options.builder());
        assertFalse(r.hasErrors(), () -> r.errors().toString());
    }

    @Test
    void onRendersAgentsThenMcpServersSortedByNamespaceThenName() {
        String in = AGENT + server("b", "x", "") + server("a-b", "y", "") + server("a", "z", "") + server("a", "m", "");
        Result r = run(in, Options.builder().renderMcpServers(true));
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        assertEquals(List.of("test/assistant.yaml", "a/mcpserver-m.yaml", "a/mcpserver-z.yaml", "a-b/mcpserver-y.yaml",
                "b/mcpserver-x.yaml"), r.manifests().stream().map(Manifest::relativePath).toList());
        Manifest m = r.manifests().get(1);
        assertEquals(Manifest.Kind.MCP_SERVER, m.kind());
        assertEquals(List.of("Deployment", "Service", "ConfigMap", "ServiceAccount"),
                m.objects().stream().map(o -> o.getKind()).toList());
    }

    @Test
    void transportAdapterVersion() {
        Result r = run(server("t", "s", ""), Options.builder().renderMcpServers(true).transportAdapterVersion("0.10.1"));
        assertEquals(List.of(), r.diagnostics());
        assertEquals("ghcr.io/agentgateway/agentgateway:0.10.1-musl", initImage(r));
    }

    @Test
    void invalidTransportAdapterVersionWarnsAndFallsBack() {
        for (String bad : List.of("1.0;rm", "1.0\n", "v1/evil", "1.0 ")) {
            Result r = run(server("t", "s", ""), Options.builder().renderMcpServers(true).transportAdapterVersion(bad));
            assertFalse(r.hasErrors());
            assertEquals(1, r.warnings().size(), bad);
            Diagnostic w = r.warnings().get(0);
            assertEquals("transport-adapter-version", w.code());
            assertTrue(w.message().endsWith("using kmcp's default transport adapter image"
                    + " ghcr.io/agentgateway/agentgateway:0.9.0-musl"), w.message());
            assertEquals("ghcr.io/agentgateway/agentgateway:0.9.0-musl", initImage(r));
        }
    }

    @Test
    void initContainerSecurityContextWinsOverTheDeploymentOne() {
        Result r = run(server("t", "s", """
                securityContext: {runAsUser: 1000}
                initContainer:
                  securityContext: {runAsUser: 0}
                """), Options.builder().renderMcpServers(true));
        Map<String, Object> pod = podSpec(r);
        assertEquals(Map.of("runAsUser", 0), first(pod, "initContainers").get("securityContext"));
        assertEquals(Map.of("runAsUser", 1000), first(pod, "containers").get("securityContext"));
    }

    @Test
    void characterKmcpCannotWriteIsItsError() {
        Result r = run(server("t", "s", "env: {TOKEN: \"a\\x7Fb\"}"), Options.builder().renderMcpServers(true));
        assertTrue(r.manifests().isEmpty());
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        Diagnostic e = r.errors().get(0);
        assertEquals("kmcp-yaml", e.code());
        assertEquals("failed to translate TransportAdapter deployment: failed to marshal MCP server config to YAML:"
                + " yaml: control characters are not allowed", e.message());
        assertEquals("/spec/deployment/env/TOKEN", e.origin().path());
    }

    @Test
    void nelInAnArgumentIsFoldedAsKmcpFoldsIt() {
        Result r = run(server("t", "s", "args: [\"a\\Nb\"]"), Options.builder().renderMcpServers(true));
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        String local = localYaml(r);
        assertTrue(local.contains("\n              args:\n              - a b\n"), local);
    }

    @Test
    void portOutOfRangeIsOneTypeError() {
        Result r = run(server("t", "s", "").replace("port: 3000", "port: 70000"), Options.builder().renderMcpServers(true));
        assertTrue(r.manifests().isEmpty());
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        assertEquals("type", r.errors().get(0).code());
        assertEquals("/spec/deployment/port", r.errors().get(0).origin().path());
    }

    @Test
    void outputFileClashWithAnAgentIsAnError() {
        String in = AGENT.replace("name: assistant", "name: mcpserver-tools") + server("test", "tools", "");
        Result r = run(in, Options.builder().renderMcpServers(true));
        assertTrue(r.manifests().isEmpty());
        assertEquals(List.of("MCPServer test/tools would be written to test/mcpserver-tools.yaml, the output file of"
                + " Agent test/mcpserver-tools; rename one of them"), r.errors().stream().map(Diagnostic::message).toList());
        // not rendered together: no clash
        Result other = run(in, Options.builder().renderMcpServers(true).agents(List.of("test/nothing-else")));
        assertFalse(other.errors().stream().anyMatch(d -> d.code().equals("name-clash")));
    }

    // ---- helpers over the rendered YAML ----

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> docs(Result r) {
        List<Map<String, Object>> out = new ArrayList<>();
        new Yaml().loadAll(ManifestRenderer.render(r.manifests().get(0))).forEach(o -> out.add((Map<String, Object>) o));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podSpec(Result r) {
        Map<String, Object> spec = (Map<String, Object>) docs(r).get(0).get("spec");
        return (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> pod, String key) {
        return ((List<Map<String, Object>>) pod.get(key)).get(0);
    }

    private static String initImage(Result r) {
        return (String) first(podSpec(r), "initContainers").get("image");
    }

    @SuppressWarnings("unchecked")
    private static String localYaml(Result r) {
        return (String) ((Map<String, Object>) docs(r).get(2).get("data")).get("local.yaml");
    }
}
