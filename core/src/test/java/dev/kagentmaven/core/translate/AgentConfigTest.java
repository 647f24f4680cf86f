package dev.kagentmaven.core.translate;

import static dev.kagentmaven.core.translate.TranslateFixture.OPENAI_MODEL;
import static dev.kagentmaven.core.translate.TranslateFixture.config;
import static dev.kagentmaven.core.translate.TranslateFixture.manifest;
import static dev.kagentmaven.core.translate.TranslateFixture.modelEnv;
import static dev.kagentmaven.core.translate.TranslateFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kagentmaven.core.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The non-model, non-tool parts of config.json built by the compiler (agent-config.md §3.1, §3.5–§3.8, §5.3, §5.4). */
class AgentConfigTest {
    private static final String M = "{\"type\":\"openai\",\"model\":\"gpt-4o\",\"base_url\":\"\"}";

    private static String agentSpec(String spec) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                %s""".formatted(spec);
    }

    private static Manifest one(String... docs) {
        return manifest(ok(docs), "a");
    }

    @Test
    void contextStreamNetworkShareTools() {
        Manifest m = one(OPENAI_MODEL, agentSpec("""
                  description: Desc
                  type: Declarative
                  sandbox:
                    network: {}
                  declarative:
                    modelConfig: model
                    systemMessage: x
                    stream: true
                    shareTools: true
                    context:
                      compaction:
                        compactionInterval: 0
                        overlapSize: 2
                        tokenThreshold: 100
                        eventRetentionSize: 0
                        summarizer:
                          promptTemplate: Sum
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"Desc\",\"instruction\":\"x\",\"stream\":true,"
                + "\"network\":{},\"context_config\":{\"compaction\":{\"compaction_interval\":0,\"overlap_size\":2,"
                + "\"summarizer_model\":" + M + ",\"prompt_template\":\"Sum\",\"token_threshold\":100,"
                + "\"event_retention_size\":0}},\"share_tools\":true}", config(m));
    }

    @Test
    void emptyContextNoSummarizerAndFalseFlags() {
        Manifest m = one(OPENAI_MODEL, agentSpec("""
                  type: Declarative
                  sandbox:
                    network:
                      allowedDomains: [a.example.com, b.example.com]
                  declarative:
                    modelConfig: model
                    systemMessage: x
                    stream: false
                    shareTools: false
                    context: {}
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"x\",\"stream\":false,"
                + "\"network\":{\"allowed_domains\":[\"a.example.com\",\"b.example.com\"]},\"context_config\":{}}",
                config(m));
        Manifest n = one(OPENAI_MODEL, agentSpec("""
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: x
                    context:
                      compaction:
                        summarizer:
                          modelConfig: model
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"x\",\"stream\":false,"
                + "\"context_config\":{\"compaction\":{\"summarizer_model\":" + M + "}}}", config(n));
    }

    @Test
    void separateSummarizerMergesItsEnv() {
        Manifest m = one(OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: summarizer
                  namespace: test
                spec:
                  provider: Anthropic
                  model: claude-3-haiku
                  apiKeySecret: anthropic
                  apiKeySecretKey: key
                """, agentSpec("""
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: x
                    memory:
                      modelConfig: model
                      ttlDays: 0
                    context:
                      compaction:
                        compactionInterval: 5
                        summarizer:
                          modelConfig: summarizer
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"x\",\"stream\":false,\"memory\":"
                + "{\"embedding\":{\"provider\":\"openai\",\"model\":\"gpt-4o\"}},\"context_config\":{\"compaction\":"
                + "{\"compaction_interval\":5,\"summarizer_model\":{\"type\":\"anthropic\",\"model\":\"claude-3-haiku\"}}}}",
                config(m));
        assertEquals(List.of("OPENAI_API_KEY<-secret:openai-secret/api-key", "ANTHROPIC_API_KEY<-secret:anthropic/key"),
                modelEnv(m));
    }

    @Test
    void instructionEscapingAndSecretSource() {
        Manifest m = one(OPENAI_MODEL, agentSpec("""
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: "a<b>&c \\u2028 \\b\\f\\u0001 ü /"
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"a\\u003cb\\u003e\\u0026c \\u2028"
                + " \\b\\f\\u0001 ü /\",\"stream\":false}", config(m));
        Manifest s = one(OPENAI_MODEL, """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: prompt
                  namespace: test
                data:
                  system: WW91IGFyZSBoZWxwZnVsLgo=
                """, agentSpec("""
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessageFrom:
                      type: Secret
                      name: prompt
                      key: system
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"You are helpful.\\n\","
                + "\"stream\":false}", config(s));
    }

    private static final String PROMPTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prompts
              namespace: test
            data:
              intro: "Hello {{not executed}}"
            """;

    private static String rms(String name, String protocol) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: RemoteMCPServer
                metadata:
                  name: %s
                  namespace: test
                spec:
                  url: https://%s.example.com/mcp
                  protocol: %s
                """.formatted(name, name, protocol);
    }

    @Test
    void promptTemplateSeesTranslatedToolsAndSkills() {
        Manifest m = one(OPENAI_MODEL, PROMPTS, rms("h1", "STREAMABLE_HTTP"), rms("s1", "SSE"),
                rms("h2", "STREAMABLE_HTTP"), agentSpec("""
                  type: Declarative
                  description: Desc
                  skills:
                    refs:
                      - ghcr.io/org/oci-skill:v1
                    gitRefs:
                      - url: https://github.com/org/my-skills.git
                  declarative:
                    modelConfig: model
                    systemMessage: |-
                      {{include "base/intro"}} I am {{.AgentName}} in {{.AgentNamespace}} ({{.Description}}).
                      Tools:{{range .ToolNames}} {{.}}{{end}}. Skills: {{.SkillNames}}
                    promptTemplate:
                      dataSources:
                        - kind: ConfigMap
                          name: prompts
                          alias: base
                    tools:
                      - type: McpServer
                        mcpServer: {kind: RemoteMCPServer, name: h1, toolNames: [a, b]}
                      - type: McpServer
                        mcpServer: {kind: RemoteMCPServer, name: s1, toolNames: [c]}
                      - type: McpServer
                        mcpServer: {kind: RemoteMCPServer, name: h2, toolNames: [d]}
                """));
        String cfg = config(m);
        String instruction = cfg.substring(cfg.indexOf("\"instruction\":") + 15, cfg.indexOf("\",\"http_tools\""));
        assertEquals("Hello {{not executed}} I am a in test (Desc).\\nTools: a b d c. Skills: [oci-skill my-skills]",
                instruction);
    }

    @Test
    void promptTemplateDataIsTheGoStruct() {
        Manifest m = one(OPENAI_MODEL, PROMPTS, agentSpec("""
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: "{{.}}|{{printf \\"%v\\" .ToolNames}}|{{len .SkillNames}}"
                    promptTemplate:
                      dataSources:
                        - name: prompts
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"{a test  [] []}|[]|0\","
                + "\"stream\":false}", config(m));
    }

    @Test
    void withoutDataSourcesTheMessageIsNotATemplate() {
        Manifest m = one(OPENAI_MODEL, agentSpec("""
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: "{{ .AgentName"
                    promptTemplate:
                      dataSources: []
                """));
        assertEquals("{\"model\":" + M + ",\"description\":\"\",\"instruction\":\"{{ .AgentName\",\"stream\":false}",
                config(m));
    }
}
