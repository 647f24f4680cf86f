package dev.kagentmaven.core.translate;

import static dev.kagentmaven.core.translate.TranslateFixture.FILE;
import static dev.kagentmaven.core.translate.TranslateFixture.OPENAI_MODEL;
import static dev.kagentmaven.core.translate.TranslateFixture.OPTIONS;
import static dev.kagentmaven.core.translate.TranslateFixture.agent;
import static dev.kagentmaven.core.translate.TranslateFixture.assertError;
import static dev.kagentmaven.core.translate.TranslateFixture.failing;
import static dev.kagentmaven.core.translate.TranslateFixture.ok;
import static dev.kagentmaven.core.translate.TranslateFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every translator error of agent-config.md §10 and agent-manifests.md §12 that applies to an Agent
 * (not SandboxAgent): kagent's message, no output at all, and a diagnostic that points into the
 * input file (document ≥ 1, line > 0).
 */
class TranslatorErrorsTest {

    private static String modelConfig(String name, String specBody) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: %s
                  namespace: test
                spec:
                %s""".formatted(name, specBody);
    }

    private static String agentTool(String target) {
        return """
                      - type: Agent
                        agent:
                          name: %s
                """.formatted(target);
    }

    /** A Declarative agent whose only content besides model/system message is {@code tools:} with the given items. */
    private static String agentWithTools(String name, String toolItems) {
        return agent(name, "    tools:\n" + toolItems);
    }

    private static String mcpTool(String kind, String apiGroup, String name) {
        return """
                      - type: McpServer
                        mcpServer:
                          name: %s
                          kind: "%s"
                          apiGroup: "%s"
                          toolNames: [t]
                """.formatted(name, kind, apiGroup);
    }

    private static void expect(String message, String... documents) {
        assertError(failing(documents), message);
    }

    // ---------------------------------------------------------------- agent type / BYO

    @ParameterizedTest
    @CsvSource(value = {"Foo", "declarative", "''"})
    void unknownAgentType(String type) {
        expect("unknown agent type: " + type, OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: "%s"
                  declarative:
                    modelConfig: model
                    systemMessage: x
                """.formatted(type));
    }

    @Test
    void missingTypeIsUnknownAgentType() {
        expect("unknown agent type: ", OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  declarative:
                    modelConfig: model
                    systemMessage: x
                """);
    }

    @Test
    void declarativeWithoutDeclarativeBlock() {
        expect("declarative must be specified if type is Declarative, or byo must be specified if type is BYO", """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                """);
    }

    @Test
    void byoWithoutByoBlock() {
        expect("declarative must be specified if type is Declarative, or byo must be specified if type is BYO", """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: BYO
                """);
    }

    @Test
    void byoWithoutDeployment() {
        expect("BYO deployment spec is required", """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: BYO
                  byo: {}
                """);
    }

    @Test
    void byoWithoutImage() {
        expect("image is required for BYO deployment", """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: BYO
                  byo:
                    deployment:
                      replicas: 1
                """);
    }

    // ---------------------------------------------------------------- agent tool chain (validateAgent)

    @Test
    void cycleDetected() {
        expect("cycle detected in agent tool chain: test/a -> test/a", OPENAI_MODEL,
                agentWithTools("a", agentTool("b")), agentWithTools("b", agentTool("a")));
    }

    @Test
    void recursionLimit() {
        // a0 → a1 → … → a11: a11 sits at depth 11 (> 10)
        List<String> docs = new ArrayList<>();
        docs.add(OPENAI_MODEL);
        for (int i = 0; i < 11; i++) {
            docs.add(agentWithTools("a" + i, agentTool("a" + (i + 1))));
        }
        docs.add(agent("a11"));
        Options only = OPTIONS.toBuilder().agents(List.of("test/a0")).build();
        assertError(failing(only, docs.toArray(String[]::new)),
                "recursion limit reached in agent tool chain: test/a11 -> test/a11");
    }

    @Test
    void depthTenIsAllowed() {
        List<String> docs = new ArrayList<>();
        docs.add(OPENAI_MODEL);
        for (int i = 0; i < 10; i++) {
            docs.add(agentWithTools("a" + i, agentTool("a" + (i + 1))));
        }
        docs.add(agent("a10"));
        Options only = OPTIONS.toBuilder().agents(List.of("test/a0")).build();
        ok(only, docs.toArray(String[]::new));
    }

    @Test
    void selfReferenceInValidation() {
        expect("agent tool cannot be used to reference itself, test/a", OPENAI_MODEL,
                agentWithTools("a", agentTool("a")));
    }

    @Test
    void selfReferenceWithoutAgentType() {
        // not walked by validateAgent (no type: Agent), caught while translating the tool
        expect("agent tool cannot be used to reference itself, test/a", OPENAI_MODEL, agentWithTools("a", """
                      - agent:
                          name: a
                """));
    }

    @Test
    void agentTypeToolWithoutAgentReference() {
        expect("tool must have an agent reference", OPENAI_MODEL, agentWithTools("a", """
                      - type: Agent
                """));
    }

    @Test
    void unsupportedAgentToolKind() {
        expect("unsupported agent tool kind \"Team\" for agent other/b", OPENAI_MODEL, agentWithTools("a", """
                      - type: Agent
                        agent:
                          kind: Team
                          name: b
                          namespace: other
                """));
    }

    @Test
    void referencedAgentWithUnknownType() {
        expect("unknown agent type: Weird", OPENAI_MODEL, agentWithTools("a", agentTool("b")), """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: b
                  namespace: test
                spec:
                  type: Weird
                """);
    }

    @Test
    void missingReferencedAgent() {
        expect("agents.kagent.dev \"ghost\" not found", OPENAI_MODEL, agentWithTools("a", agentTool("ghost")));
        expect("agents.kagent.dev \"ghost\" not found", OPENAI_MODEL, agentWithTools("a", """
                      - agent:
                          name: ghost
                """));
    }

    // ---------------------------------------------------------------- models

    @Test
    void missingModelConfig() {
        expect("modelconfigs.kagent.dev \"model\" not found", agent("a"));
    }

    @Test
    void modelConfigIsLookedUpInTheAgentNamespaceOnly() {
        expect("modelconfigs.kagent.dev \"model\" not found", OPENAI_MODEL.replace("namespace: test",
                "namespace: other"), agent("a"));
    }

    @Test
    void noModelConfigNamed() {
        expect("modelconfigs.kagent.dev \"\" not found", OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    systemMessage: x
                """);
    }

    @Test
    void missingSummarizerModelConfig() {
        expect("failed to translate summarizer model config \"sum\": modelconfigs.kagent.dev \"sum\" not found",
                OPENAI_MODEL, agent("a", """
                    context:
                      compaction:
                        compactionInterval: 5
                        summarizer:
                          modelConfig: sum
                """));
    }

    @Test
    void missingEmbeddingModelConfig() {
        expect("failed to resolve embedding config: modelconfigs.kagent.dev \"emb\" not found", OPENAI_MODEL,
                agent("a", """
                    memory:
                      modelConfig: emb
                """));
    }

    @ParameterizedTest
    @CsvSource(value = {"zz", "abc", "0g"})
    void invalidStatusSecretHash(String hex) {
        expect("failed to decode secret hash: ", agent("a"), OPENAI_MODEL + """
                status:
                  secretHash: "%s"
                """.formatted(hex));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AzureOpenAI | AzureOpenAI model config is required",
        "GeminiVertexAI | GeminiVertexAI model config is required",
        "AnthropicVertexAI | AnthropicVertexAI model config is required",
        "Ollama | ollama model config is required",
        "Bedrock | bedrock model config is required",
        "SAPAICore | sapAICore model config is required",
        "Foundry | foundry model config is required",
    })
    void providerBlockMissing(String provider, String message) {
        expect(message, agent("a", "    runtime: go\n"), modelConfig("model", """
                  provider: %s
                  model: m
                """.formatted(provider)));
    }

    @ParameterizedTest
    @CsvSource(value = {"Mistral", "openai", "''"})
    void unsupportedProvider(String provider) {
        expect("unsupported model provider: " + provider, agent("a"), modelConfig("model", """
                  provider: "%s"
                  model: m
                """.formatted(provider)));
    }

    @Test
    void providerAbsentIsUnsupported() {
        expect("unsupported model provider: ", agent("a"), modelConfig("model", """
                  model: m
                """));
    }

    @Test
    void bedrockCredentialsSecretMissing() {
        expect("failed to get Bedrock credentials secret: secrets \"aws\" not found", agent("a"),
                modelConfig("model", """
                  provider: Bedrock
                  model: m
                  apiKeySecret: aws
                  bedrock:
                    region: us-east-1
                """));
    }

    @Test
    void sapCredentialsSecretMissing() {
        expect("failed to get SAP AI Core credentials secret: secrets \"sap\" not found", agent("a"),
                modelConfig("model", """
                  provider: SAPAICore
                  model: m
                  apiKeySecret: sap
                  sapAICore:
                    baseUrl: https://x
                """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1, 2] | array", "'\"text\"' | string", "42 | number", "true | bool"})
    void bedrockAdditionalFieldsNotAnObject(String value, String goKind) {
        expect("failed to unmarshal bedrock additionalModelRequestFields: json: cannot unmarshal " + goKind,
                agent("a"), modelConfig("model", """
                  provider: Bedrock
                  model: m
                  bedrock:
                    region: r
                    additionalModelRequestFields: %s
                """.formatted(value)));
    }

    @Test
    void foundryConfigMapMissing() {
        expect("failed to get Foundry endpoint config map cm: configmaps \"cm\" not found",
                agent("a", "    runtime: go\n"), modelConfig("model", """
                  provider: Foundry
                  model: m
                  foundry:
                    deployment: d
                    endpointFrom:
                      name: cm
                      key: url
                """));
    }

    @Test
    void foundryConfigMapKeyMissing() {
        expect("the Foundry endpoint config map cm does not contain key \"url\"", agent("a", "    runtime: go\n"),
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cm
                  namespace: test
                data:
                  other: x
                """, modelConfig("model", """
                  provider: Foundry
                  model: m
                  foundry:
                    endpointFrom:
                      name: cm
                      key: url
                """));
    }

    @Test
    void foundryEndpointUnresolved() {
        expect("foundry endpoint could not be resolved: set foundry.endpoint or a foundry.endpointFrom whose"
                + " ConfigMap key exists", agent("a", "    runtime: go\n"), modelConfig("model", """
                  provider: Foundry
                  model: m
                  foundry:
                    deployment: d
                """));
    }

    private static final String FOUNDRY = modelConfig("foundry", """
              provider: Foundry
              model: f
              foundry:
                endpoint: https://f.example.com
                deployment: d
            """);

    @Test
    void foundryChatModelNeedsGoRuntime() {
        expect("the Foundry model provider requires declarative runtime \"go\"", FOUNDRY, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    runtime: python
                    modelConfig: foundry
                    systemMessage: x
                """);
    }

    @Test
    void foundrySummarizerNeedsGoRuntime() {
        expect("the Foundry model provider requires declarative runtime \"go\"", OPENAI_MODEL, FOUNDRY, agent("a", """
                    context:
                      compaction:
                        summarizer:
                          modelConfig: foundry
                """));
    }

    @Test
    void foundryEmbeddingNeedsGoRuntime() {
        expect("the Foundry model provider requires declarative runtime \"go\"", OPENAI_MODEL, FOUNDRY, agent("a", """
                    memory:
                      modelConfig: foundry
                """));
    }

    @Test
    void foundryWithGoRuntimeEverywhereIsFine() {
        ok(OPENAI_MODEL, FOUNDRY, agent("a", """
                    runtime: go
                    memory:
                      modelConfig: foundry
                    context:
                      compaction:
                        summarizer:
                          modelConfig: foundry
                """));
    }

    @Test
    void nanReachesJson() {
        expect("json: unsupported value: NaN", agent("a"), modelConfig("model", """
                  provider: AzureOpenAI
                  model: m
                  azureOpenAI:
                    azureDeployment: d
                    topP: "NaN"
                """));
    }

    @Test
    void nanInSummarizerModelReachesJson() {
        expect("json: unsupported value: -Inf", OPENAI_MODEL, modelConfig("sum", """
                  provider: Anthropic
                  model: m
                  anthropic:
                    temperature: "-Inf"
                """), agent("a", """
                    context:
                      compaction:
                        summarizer:
                          modelConfig: sum
                """));
    }

    // ---------------------------------------------------------------- system message

    @Test
    void noSystemMessage() {
        expect("at least one system message source (SystemMessage or SystemMessageFrom) must be specified",
                OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: ""
                """);
    }

    private static String fromAgent(String type, String name, String key) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: ignored when systemMessageFrom is set
                    systemMessageFrom:
                      type: %s
                      name: %s
                      key: %s
                """.formatted(type, name, key);
    }

    private static final String PROMPTS_CM = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prompts
              namespace: test
            data:
              system: hello
            """;

    private static final String PROMPTS_SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: prompts
              namespace: test
            data:
              system: aGVsbG8=
            """;

    @Test
    void systemMessageFromMissingConfigMap() {
        expect("failed to find ConfigMap for test/prompts: configmaps \"prompts\" not found", OPENAI_MODEL,
                fromAgent("ConfigMap", "prompts", "system"));
    }

    @Test
    void systemMessageFromMissingConfigMapKey() {
        expect("key other not found in ConfigMap test/prompts", OPENAI_MODEL, PROMPTS_CM,
                fromAgent("ConfigMap", "prompts", "other"));
    }

    @Test
    void systemMessageFromMissingSecret() {
        expect("failed to find Secret test/prompts: secrets \"prompts\" not found", OPENAI_MODEL,
                fromAgent("Secret", "prompts", "system"));
    }

    @Test
    void systemMessageFromMissingSecretKey() {
        expect("key other not found in Secret test/prompts", OPENAI_MODEL, PROMPTS_SECRET,
                fromAgent("Secret", "prompts", "other"));
    }

    @Test
    void systemMessageFromUnknownType() {
        expect("unknown value source type: Vault", OPENAI_MODEL, PROMPTS_SECRET, fromAgent("Vault", "prompts",
                "system"));
    }

    @Test
    void systemMessageFromConfigMapInOtherNamespaceIsNotFound() {
        expect("failed to find ConfigMap for test/prompts", OPENAI_MODEL, PROMPTS_CM.replace("namespace: test",
                "namespace: other"), fromAgent("ConfigMap", "prompts", "system"));
    }

    // ---------------------------------------------------------------- prompt templates

    @Test
    void promptTemplateSourceMissing() {
        expect("failed to resolve prompt sources: failed to resolve prompt source \"prompts\": failed to find"
                + " ConfigMap test/prompts: configmaps \"prompts\" not found", OPENAI_MODEL, agent("a", """
                    promptTemplate:
                      dataSources:
                        - kind: ConfigMap
                          name: prompts
                """));
    }

    @Test
    void promptTemplateDuplicateIdentifier() {
        String other = PROMPTS_CM.replace("name: prompts", "name: more");
        expect("duplicate prompt template identifier \"p/system\" from prompt source \"more\"", OPENAI_MODEL,
                PROMPTS_CM, other, agent("a", """
                    promptTemplate:
                      dataSources:
                        - kind: ConfigMap
                          name: prompts
                          alias: p
                        - kind: ConfigMap
                          name: more
                          alias: p
                """));
    }

    @Test
    void promptTemplateIncludeNotFound() {
        expect("prompt template \"prompts/nope\" not found in promptSources, available: [prompts/system]",
                OPENAI_MODEL, PROMPTS_CM, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: '{{include "prompts/nope"}}'
                    promptTemplate:
                      dataSources:
                        - kind: ConfigMap
                          name: prompts
                """);
    }

    @Test
    void promptTemplateParseError() {
        var errors = failing(OPENAI_MODEL, PROMPTS_CM, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: 'Hello {{ .AgentName'
                    promptTemplate:
                      dataSources:
                        - kind: ConfigMap
                          name: prompts
                """);
        assertError(errors, "failed to execute system message template: failed to parse system message template: ");
    }

    @Test
    void promptTemplateExecutionError() {
        var errors = failing(OPENAI_MODEL, PROMPTS_CM, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: 'Hello {{ .NoSuchField }}'
                    promptTemplate:
                      dataSources:
                        - kind: ConfigMap
                          name: prompts
                """);
        assertError(errors, "failed to execute system message template: failed to execute system message template: ");
    }

    // ---------------------------------------------------------------- tools

    @Test
    void toolWithNeitherMcpServerNorAgent() {
        expect("tool must have a provider or tool server", OPENAI_MODEL, agentWithTools("a", """
                      - type: McpServer
                """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Foo | '' | unknown tool server type: Foo",
        "Foo | bar.io | unknown tool server type: Foo.bar.io",
        "'' | kagent.dev | unknown tool server type: .kagent.dev",
        "MCPServer | core | unknown tool server type: MCPServer.core",
        "Service | kagent.dev | unknown tool server type: Service.kagent.dev",
        "RemoteMCPServer | core | unknown tool server type: RemoteMCPServer.core",
        "remotemcpserver | '' | unknown tool server type: remotemcpserver",
    })
    void unknownToolServerType(String kind, String group, String message) {
        expect(message, OPENAI_MODEL, agentWithTools("a", mcpTool(kind, group, "x")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RemoteMCPServer | '' | remotemcpservers.kagent.dev \"x\" not found",
        "RemoteMCPServer | kagent.dev | remotemcpservers.kagent.dev \"x\" not found",
        "MCPServer | '' | mcpservers.kagent.dev \"x\" not found",
        "'' | '' | mcpservers.kagent.dev \"x\" not found",
        "MCPServer | kagent.dev | mcpservers.kagent.dev \"x\" not found",
        "Service | '' | services \"x\" not found",
        "Service | core | services \"x\" not found",
    })
    void missingToolServer(String kind, String group, String message) {
        expect(message, OPENAI_MODEL, agentWithTools("a", mcpTool(kind, group, "x")));
    }

    @Test
    void mcpServerWithoutPort() {
        expect("cannot determine port for MCP server srv", OPENAI_MODEL, agentWithTools("a", mcpTool("MCPServer", "",
                "srv")), """
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata:
                  name: srv
                  namespace: test
                spec:
                  deployment:
                    image: mcp/server:1
                """);
    }

    private static String service(String annotations, String ports) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: svc
                  namespace: test
                  annotations:
                %s
                spec:
                  ports:
                %s""".formatted(annotations, ports);
    }

    @Test
    void servicePortAnnotationNotAnInteger() {
        expect("port in annotation kagent.dev/mcp-service-port is not a valid integer: strconv.ParseInt: parsing"
                + " \"http\": invalid syntax", OPENAI_MODEL, agentWithTools("a", mcpTool("Service", "", "svc")),
                service("    kagent.dev/mcp-service-port: http", "    - port: 80"));
    }

    @Test
    void serviceWithoutUsablePort() {
        expect("no port found for service svc with protocol SSE", OPENAI_MODEL,
                agentWithTools("a", mcpTool("Service", "", "svc")),
                service("    kagent.dev/mcp-service-protocol: SSE", """
                    - name: a
                      port: 80
                    - name: b
                      port: 81
                      appProtocol: http
                """));
        expect("no port found for service svc with protocol STREAMABLE_HTTP", OPENAI_MODEL,
                agentWithTools("a", mcpTool("Service", "", "svc")),
                service("    x: y", "    []"));
    }

    @Test
    void toolHeaderSecretMissing() {
        expect("failed to resolve header: failed to resolve value for ref Authorization: failed to find Secret"
                + " test/tokens: secrets \"tokens\" not found", OPENAI_MODEL, agentWithTools("a", """
                      - type: Agent
                        agent:
                          name: b
                        headersFrom:
                          - name: Authorization
                            valueFrom:
                              type: Secret
                              name: tokens
                              key: token
                """), agent("b"));
    }

    @Test
    void toolHeaderConfigMapKeyMissing() {
        expect("failed to resolve header: failed to resolve value for ref X-Team: key team not found in ConfigMap"
                + " test/prompts", OPENAI_MODEL, PROMPTS_CM, agentWithTools("a", """
                      - type: Agent
                        agent:
                          name: b
                        headersFrom:
                          - name: X-Team
                            valueFrom:
                              type: ConfigMap
                              name: prompts
                              key: team
                """), agent("b"));
    }

    @Test
    void remoteMcpServerHeaderIsResolvedInItsOwnNamespace() {
        // the Secret exists in the agent's namespace, but the RemoteMCPServer lives in "tools"
        expect("failed to resolve header: failed to resolve value for ref Authorization: failed to find Secret"
                + " tools/tokens: secrets \"tokens\" not found", OPENAI_MODEL, """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: tokens
                  namespace: test
                data:
                  token: eA==
                """, """
                apiVersion: kagent.dev/v1alpha2
                kind: RemoteMCPServer
                metadata:
                  name: rms
                  namespace: tools
                spec:
                  url: https://mcp.example.com/mcp
                  headersFrom:
                    - name: Authorization
                      valueFrom:
                        type: Secret
                        name: tokens
                        key: token
                """, agentWithTools("a", """
                      - type: McpServer
                        mcpServer:
                          kind: RemoteMCPServer
                          name: rms
                          namespace: tools
                """));
    }

    @Test
    void unparsableProxyUrl() {
        Options proxy = OPTIONS.toBuilder().proxyUrl("http://[::1").build();
        assertError(failing(proxy, OPENAI_MODEL, agentWithTools("a", agentTool("b")), agent("b")),
                "failed to parse proxy URL \"http://[::1\": ");
    }

    // ---------------------------------------------------------------- deployment

    @Test
    void extraContainerNamedKagent() {
        expect("extraContainers: \"kagent\" is a reserved container name", OPENAI_MODEL, agent("a", """
                    deployment:
                      extraContainers:
                        - name: kagent
                          image: busybox
                """));
    }

    @Test
    void extraContainersDuplicated() {
        expect("extraContainers: duplicate container name \"side\"", OPENAI_MODEL, agent("a", """
                    deployment:
                      extraContainers:
                        - name: side
                          image: busybox
                        - name: side
                          image: alpine
                """));
    }

    @Test
    void byoExtraContainersAreValidatedToo() {
        expect("extraContainers: \"kagent\" is a reserved container name", """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: BYO
                  byo:
                    deployment:
                      image: example.com/agent:1
                      extraContainers:
                        - name: kagent
                          image: busybox
                """);
    }

    // ---------------------------------------------------------------- skills (wrapped by kagent)

    @Test
    void duplicateSkillDirectory() {
        expect("failed to build skills init container: duplicate skill directory name \"foo\"", OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  skills:
                    refs:
                      - ghcr.io/org/foo:v1
                      - docker.io/other/foo:v2
                  declarative:
                    modelConfig: model
                    systemMessage: x
                """);
    }

    @Test
    void skillSubPathEscaping() {
        expect("skill subPath must be a relative path without '..' segments, got \"../etc\"", OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  skills:
                    gitRefs:
                      - url: https://github.com/org/skills
                        path: ../etc
                        name: s
                  declarative:
                    modelConfig: model
                    systemMessage: x
                """);
    }

    // ---------------------------------------------------------------- many errors in one run

    @Test
    void independentErrorsOfSeveralAgentsAreAllReported() {
        Result r = run(OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: first
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: missing-model
                    systemMessage: x
                """, agentWithTools("second", mcpTool("RemoteMCPServer", "", "missing-rms")), agent("fine"));
        assertTrue(r.manifests().isEmpty());
        Diagnostic model = assertError(r.errors(), "modelconfigs.kagent.dev \"missing-model\" not found");
        Diagnostic rms = assertError(r.errors(), "remotemcpservers.kagent.dev \"missing-rms\" not found");
        assertEquals(2, model.origin().document());
        assertEquals(3, rms.origin().document());
        assertEquals("/spec/declarative/modelConfig", model.origin().path());
        assertEquals(20, model.origin().line());
        assertEquals(2, r.errors().size(), r.errors()::toString);
    }

    @Test
    void independentErrorsOfOneAgentAreAllReported() {
        Result r = run("""
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: missing-model
                    systemMessageFrom:
                      type: ConfigMap
                      name: missing-cm
                      key: k
                    memory:
                      modelConfig: missing-embedding
                """);
        assertTrue(r.manifests().isEmpty());
        assertError(r.errors(), "modelconfigs.kagent.dev \"missing-model\" not found");
        assertError(r.errors(), "failed to find ConfigMap for test/missing-cm");
        assertError(r.errors(), "failed to resolve embedding config: modelconfigs.kagent.dev \"missing-embedding\"");
    }

    @Test
    void errorsInSeveralFilesKeepTheirFileNames() {
        Result r = dev.kagentmaven.core.Translator.translate(List.of(
                dev.kagentmaven.core.Source.ofString("a.yaml", agent("a").replace("modelConfig: model", "modelConfig: m1")),
                dev.kagentmaven.core.Source.ofString("b.yaml", agent("b").replace("modelConfig: model", "modelConfig: m2"))), OPTIONS);
        assertTrue(r.manifests().isEmpty());
        List<String> files = r.errors().stream().map(e -> e.origin().source()).sorted().toList();
        assertEquals(List.of("a.yaml", "b.yaml"), files);
        r.errors().forEach(e -> {
            assertEquals(1, e.origin().document());
            assertTrue(e.origin().line() > 0);
        });
        assertNotEquals(FILE, files.get(0));
    }

    @Test
    void anOtherwiseValidAgentIsNotRenderedWhenAnotherFails() {
        Result r = run(OPENAI_MODEL, agent("good"), agent("bad").replace("modelConfig: model", "modelConfig: nope"));
        assertTrue(r.hasErrors());
        assertEquals(List.of(), r.manifests());
    }
}
