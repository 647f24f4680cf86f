package dev.kagentmaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Input problems are reported with their location, all at once, once each (issue 6): unknown fields
 * (warnings), wrong types, invalid names, duplicate objects, mistyped kinds. Every assertion here fails
 * when the corresponding check (InputChecks, ObjectIndex, the Node/InputChecks deduplication) is removed.
 */
class InputChecksTest {

    static final String MODEL = """
            apiVersion: kagent.dev/v1alpha2
            kind: ModelConfig
            metadata:
              name: model
              namespace: ns
            spec:
              provider: OpenAI
              model: gpt-4o
            """;

    /** An Agent whose declarative spec ends with {@code extra} (indented by the caller's text block). */
    static String agent(String name, String declarativeExtra) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: %s
                  namespace: ns
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: hello
                %s""".formatted(name, declarativeExtra.indent(4));
    }

    static Result translate(String... files) {
        return translate(Options.builder().build(), files);
    }

    static Result translate(Options options, String... files) {
        List<Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(Source.ofString("src/main/kagent/f" + i + ".yaml", files[i]));
        }
        return Translator.translate(sources, options);
    }

    /** Line and column (1-based) of the first occurrence of {@code needle} in {@code text}. */
    static int[] position(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - (text.lastIndexOf('\n', at - 1) + 1) + 1;
        return new int[] {line, column};
    }

    static List<Diagnostic> at(Result r, String path) {
        return r.diagnostics().stream().filter(d -> d.origin().path().equals(path)).toList();
    }

    static String all(Result r) {
        return r.diagnostics().stream().map(d -> d.severity() + " " + d.code() + " " + d).collect(Collectors.joining("\n"));
    }

    @Test
    void typoInOurKindWarnsWithFieldLocationAndSuggestion() {
        String text = MODEL + "---\n" + agent("a", "systemMesage: typo\n");
        Result r = translate(text);
        List<Diagnostic> typo = at(r, "/spec/declarative/systemMesage");
        assertEquals(1, typo.size(), all(r));
        Diagnostic d = typo.get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("unknown-field", d.code());
        assertEquals("unknown field \"systemMesage\" in Agent ns/a (ignored, as the API server would prune it;"
                + " did you mean \"systemMessage\"?)", d.message());
        int[] pos = position(text, "systemMesage");
        assertEquals(new Origin("src/main/kagent/f0.yaml", 2, pos[0], pos[1], "/spec/declarative/systemMesage"),
                d.origin());
        assertFalse(r.hasErrors(), all(r));
        assertEquals(1, r.manifests().size());
    }

    @Test
    void unknownFieldsAreReportedInEveryKindWeRead() {
        Result r = translate(MODEL.replace("model: gpt-4o", "model: gpt-4o\n  modle: x"),
                """
                apiVersion: kagent.dev/v1alpha2
                kind: RemoteMCPServer
                metadata: {name: rs, namespace: ns}
                spec: {url: "http://x.ns:80/mcp", descripton: d}
                ---
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata: {name: ms, namespace: ns}
                spec: {deployment: {port: 80, imgae: x}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: ns, lables: {a: b}}
                stringData: {k: v}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: ns}
                date: {k: v}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: svc, namespace: ns}
                spec: {ports: [{port: 80, protcol: TCP}]}
                """);
        for (String path : List.of("/spec/modle", "/spec/descripton", "/spec/deployment/imgae", "/metadata/lables",
                "/date", "/spec/ports/0/protcol")) {
            List<Diagnostic> found = at(r, path);
            assertEquals(1, found.size(), path + "\n" + all(r));
            assertEquals("unknown-field", found.get(0).code());
            assertTrue(found.get(0).origin().line() > 0);
        }
        assertTrue(at(r, "/spec/deployment/imgae").get(0).message().contains("did you mean \"image\"?"));
        assertTrue(at(r, "/metadata/lables").get(0).message().contains("in Secret ns/s"));
    }

    @Test
    void serverSetMetadataIsNotUnknown() {
        Result r = translate(MODEL.replace("namespace: ns", "namespace: ns\n  creationTimestamp: null\n  managedFields: []")
                + "---\n" + agent("a", ""));
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void unknownFieldInsideAKubernetesFragmentIsReportedOnce() {
        String text = MODEL + "---\n" + agent("a", """
                deployment:
                  extraContainers:
                  - name: side
                    image: busybox
                    imagePullPolcy: Always
                """);
        Result r = translate(text);
        List<Diagnostic> found = at(r, "/spec/declarative/deployment/extraContainers/0/imagePullPolcy");
        assertEquals(1, found.size(), all(r));
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals(1, r.manifests().size(), all(r));
    }

    @Test
    void wrongTypeIsOneLocatedErrorEvenWhenTheTranslatorReadsTheField() {
        String text = MODEL + "---\n" + agent("a", "stream: \"yes\"\n");
        Result r = translate(text);
        List<Diagnostic> found = at(r, "/spec/declarative/stream");
        assertEquals(1, found.size(), all(r));
        Diagnostic d = found.get(0);
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("type", d.code());
        assertEquals("stream: expected a boolean but found a string", d.message());
        int[] pos = position(text, "stream:");
        assertEquals(pos[0], d.origin().line());
        assertEquals(pos[1], d.origin().column());
        assertEquals(2, d.origin().document());
        assertTrue(r.manifests().isEmpty());
    }

    @Test
    void wrongTypeInAFieldNobodyReadsIsStillAnError() {
        Result r = translate(MODEL.replace("model: gpt-4o", "model: gpt-4o\n  openAI: {maxTokens: many}")
                + "---\n" + agent("a", "").replace("type: Declarative", "type: Declarative\n  version: 3"));
        assertEquals(List.of("maxTokens: expected an integer but found a string", "version: expected a string but found a number"),
                r.errors().stream().map(Diagnostic::message).toList(), all(r));
    }

    @Test
    void wrongTypeInsideAKubernetesFragmentIsReportedOnce() {
        Result r = translate(MODEL + "---\n" + agent("a", """
                deployment:
                  env: {name: A, value: b}
                  volumeMounts:
                  - {name: v, mountPath: /v, readOnly: "true"}
                """));
        assertEquals(1, at(r, "/spec/declarative/deployment/env").size(), all(r));
        assertEquals(1, at(r, "/spec/declarative/deployment/volumeMounts/0/readOnly").size(), all(r));
        assertEquals(2, r.errors().size(), all(r));
    }

    @Test
    void integersOutsideTheirGoRangeAreErrors() {
        Result r = translate("""
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata: {name: ms, namespace: ns}
                spec: {deployment: {port: 70000}, httpTransport: {targetPort: -1}}
                """);
        List<Diagnostic> port = at(r, "/spec/deployment/port");
        assertEquals(1, port.size(), all(r));
        assertEquals("port: expected an integer from 0 to 65535 but found a number outside that range",
                port.get(0).message());
        List<Diagnostic> target = at(r, "/spec/httpTransport/targetPort");
        assertEquals(1, target.size(), all(r));
        assertEquals("targetPort: expected an integer from 0 to 4294967295 but found a number outside that range",
                target.get(0).message());
    }

    @Test
    void rangeErrorsAreReportedOnceWhenTheMcpServerIsAlsoRendered() {
        Result r = translate(Options.builder().renderMcpServers(true).build(), """
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata: {name: ms, namespace: ns}
                spec: {deployment: {image: img, port: 70000}, transportType: stdio}
                """);
        assertEquals(1, at(r, "/spec/deployment/port").size(), all(r));
    }

    @Test
    void everyDiagnosticOfABrokenRunIsFullyLocated() {
        Result r = translate(MODEL + "---\n" + agent("a", "stream: 1\nsystemMesage: x\ntools: [{type: McpServer, "
                        + "mcpServer: {name: missing, kind: RemoteMCPServer}}]\n"),
                agent("a", "") + "---\nfoo: bar\n---\napiVersion: kagent.dev/v1alpha2\nkind: Agnet\nmetadata: {name: b}\n",
                "apiVersion: v1\nkind: Secret\nmetadata: {name: S, namespace: ns}\ndata: {k: \"!!\", k: x}\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ns}\ndata: {a: [}\n",
                "- not\n- an object\n");
        assertTrue(r.diagnostics().size() >= 10, all(r));
        for (Diagnostic d : r.diagnostics()) {
            Origin o = d.origin();
            assertTrue(o.source().startsWith("src/main/kagent/") && !o.source().contains("\\"), d::toString);
            assertTrue(o.document() >= 1 && o.line() >= 1 && o.column() >= 1, d::toString);
            assertTrue(o.path().isEmpty() || o.path().startsWith("/"), d::toString);
        }
    }

    @Test
    void agentReplicasOutsideInt32IsALocatedErrorNotACrash() {
        Result r = translate(MODEL + "---\n" + agent("a", "deployment: {replicas: 99999999999}\n"));
        List<Diagnostic> replicas = at(r, "/spec/declarative/deployment/replicas");
        assertEquals(1, replicas.size(), all(r));
        assertEquals("replicas: expected an integer from -2147483648 to 2147483647 but found a number outside that range",
                replicas.get(0).message());
        assertTrue(r.manifests().isEmpty());
    }

    @Test
    void everyProblemOfARunIsReportedAtOnce() {
        Result r = translate(MODEL + "---\n" + agent("a", "stream: 1\n"),
                agent("b", "tools: {}\ndeployment: {replicas: \"2\"}\n"),
                "apiVersion: v1\nkind: Secret\nmetadata: {name: Bad_Name, namespace: ns}\n");
        assertEquals(List.of("/spec/declarative/stream", "/spec/declarative/tools",
                "/spec/declarative/deployment/replicas", "/metadata/name"), r.errors().stream().map(d -> d.origin().path()).toList(), all(r));
        assertEquals(List.of("src/main/kagent/f0.yaml", "src/main/kagent/f1.yaml", "src/main/kagent/f1.yaml",
                "src/main/kagent/f2.yaml"), r.errors().stream().map(d -> d.origin().source()).toList());
        assertTrue(r.manifests().isEmpty());
    }

    @Test
    void duplicateObjectsAreErrorsNamingBothPlaces() {
        Result r = translate(MODEL + "---\n" + agent("a", ""), agent("a", ""));
        List<Diagnostic> dup = r.errors();
        assertEquals(1, dup.size(), all(r));
        assertEquals("duplicate", dup.get(0).code());
        assertEquals("src/main/kagent/f1.yaml", dup.get(0).origin().source());
        assertEquals(1, dup.get(0).origin().line());
        assertTrue(dup.get(0).message().contains("src/main/kagent/f0.yaml (document 2) 10:1)"), dup.get(0).message());
    }

    @Test
    void invalidAgentNameIsOneErrorWhetherOrNotTheAgentIsTranslated() {
        String text = MODEL + "---\n" + agent("My_Agent", "");
        Result all = translate(text);
        Result other = translate(Options.builder().agents(List.of("ns/b")).build(), text + "---\n" + agent("b", ""));
        for (Result r : List.of(all, other)) {
            List<Diagnostic> names = r.errors().stream().filter(d -> d.code().equals("name")).toList();
            assertEquals(1, names.size(), all(r));
            assertEquals("/metadata", names.get(0).origin().path());
            assertEquals("Agent name and namespace must be DNS-1123 labels (lowercase letters, digits and '-',"
                    + " at most 63 characters): ns/My_Agent", names.get(0).message());
        }
        Result longName = translate(MODEL + "---\n" + agent("a".repeat(64), ""));
        assertEquals(1, longName.errors().size(), all(longName));
    }

    @Test
    void namesOfOtherKindsAreValidatedAsTheApiServerDoes() {
        Result r = translate(MODEL.replace("name: model", "name: ../../etc/passwd"),
                "apiVersion: v1\nkind: Service\nmetadata: {name: 1svc, namespace: ns}\n",
                "apiVersion: v1\nkind: Secret\nmetadata: {name: s.example.com, namespace: Bad_NS}\n",
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ns}\ndata: {\"../x\": v, ok.key_1-2: v}\n",
                "apiVersion: kagent.dev/v1alpha2\nkind: RemoteMCPServer\nmetadata: {name: " + "r".repeat(254)
                        + ", namespace: ns}\nspec: {url: \"http://x/\", description: d}\n");
        assertEquals(List.of("f0.yaml name /metadata/name ModelConfig name \"../../etc/passwd\" is not a valid DNS-1123 subdomain",
                "f1.yaml name /metadata/name Service name \"1svc\" is not a valid DNS-1035 label",
                "f2.yaml name /metadata/namespace Secret \"s.example.com\": namespace \"Bad_NS\" is not a valid DNS-1123 label",
                "f3.yaml name /metadata/name Namespace name \"a.b\" is not a valid DNS-1123 label",
                "f4.yaml key /data/..~1x ConfigMap \"ns/c\": data key \"../x\" is not a valid key",
                "f5.yaml name /metadata/name RemoteMCPServer name \"" + "r".repeat(80) + "...\" is not a valid DNS-1123 subdomain"),
                r.errors().stream().map(d -> d.origin().source().substring(16) + " " + d.code() + " " + d.origin().path()
                        + " " + d.message().replaceAll(" \\(.*", "")).toList(), all(r));
    }

    @Test
    void hostileNamesAreEscapedInMessages() {
        Result r = translate("apiVersion: v1\nkind: Secret\nmetadata: {name: \"a\\nERROR fake\\u0000\", namespace: ns}\n"
                + "stringData: {\"k\\r\\nX\": v}\n");
        assertTrue(r.hasErrors());
        for (Diagnostic d : r.diagnostics()) {
            assertTrue(d.message().chars().noneMatch(c -> c < 0x20), d.message());
        }
        assertTrue(r.errors().get(0).message().contains("\"a\\u000aERROR fake\\u0000\""), all(r));
    }

    @Test
    void badBase64IsOneErrorWhetherOrNotTheSecretIsUsed() {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: key, namespace: ns}\ndata: {api-key: \"not base64!\"}\n";
        Result unused = translate(MODEL + "---\n" + agent("a", ""), secret);
        Result used = translate(MODEL.replace("model: gpt-4o", "model: gpt-4o\n  apiKeySecret: key\n  apiKeySecretKey: api-key")
                + "---\n" + agent("a", ""), secret);
        for (Result r : List.of(unused, used)) {
            List<Diagnostic> found = at(r, "/data/api-key");
            assertEquals(1, found.size(), all(r));
            assertEquals("Secret data key \"api-key\" is not valid base64", found.get(0).message());
        }
    }

    @Test
    void mistypedKindsAndNonObjectsAreNotIgnoredSilently() {
        Result r = translate("apiVersion: kagent.dev/v1alpha2\nkind: Agnet\nmetadata: {name: a, namespace: ns}\n---\n"
                + "apiVersion: v1\nkind: secret\nmetadata: {name: s}\n---\nfoo: bar\n---\n"
                + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
        assertEquals(List.of("unknown-kind 1 kind \"Agnet\" is not read (did you mean Agent with apiVersion kagent.dev/v1alpha2?);"
                + " the document is ignored", "unknown-kind 2 kind \"secret\" is not read (did you mean Secret with apiVersion v1?);"
                + " the document is ignored", "not-an-object 3 the document has no apiVersion, so it is not a Kubernetes object;"
                + " it is ignored"), r.warnings().stream().map(d -> d.code() + " " + d.origin().document() + " " + d.message()).toList());
        assertFalse(r.hasErrors());
    }

    @Test
    void goldenInputsOnlyWarnAboutTheFieldsKagentDrops() throws Exception {
        // agent-config.md §4: the golden inputs rely on spec.declarative.description and anthropic.baseURL being dropped
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> fields = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/kagent-golden/inputs"))) {
            for (java.nio.file.Path p : files.sorted().toList()) {
                var input = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(p.toFile());
                var list = json.createObjectNode().put("apiVersion", "v1").put("kind", "List");
                list.set("items", input.path("objects"));
                Result r = Translator.translate(List.of(Source.ofString("objects.json", json.writeValueAsString(list))),
                        Options.builder().build());
                assertFalse(r.hasErrors(), p + "\n" + all(r));
                r.warnings().forEach(w -> fields.add(w.code() + " " + w.origin().path().replaceAll("/items/\\d+", "")));
            }
        }
        assertEquals(java.util.Set.of("unknown-field /spec/anthropic/baseURL", "unknown-field /spec/declarative/description"),
                fields);
    }
}
