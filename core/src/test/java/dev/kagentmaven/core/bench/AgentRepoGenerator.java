package dev.kagentmaven.core.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Synthetic, realistic input repositories for the benchmarks: {@code n} Agents spread over
 * namespaces of {@value #AGENTS_PER_NAMESPACE}, with a mix of model providers (OpenAI, Anthropic,
 * Ollama, Azure OpenAI with a custom CA), MCP tools (every Agent has its own kmcp MCPServer served
 * over TLS with a client-certificate Secret; every other one also calls a shared RemoteMCPServer),
 * skills (every third), system messages from Secrets (every fifth), BYO agents (every tenth),
 * resources and env vars. Deterministic: the same {@code n} always gives the same bytes.
 *
 * <p>Self-contained (JDK only) so that {@code .ci/bench} can run it without a build:
 * {@code java core/src/test/java/dev/kagentmaven/core/bench/AgentRepoGenerator.java <dir> <n>}
 * writes the files below {@code <dir>}.
 */
public final class AgentRepoGenerator {
    /** Agents per namespace. */
    public static final int AGENTS_PER_NAMESPACE = 250;

    private static final String[] MODELS = {"gpt-4o", "claude", "llama", "azure-gpt"};
    private static final String CERT = b64("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUbench\n-----END CERTIFICATE-----\n");
    private static final String KEY = b64("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHbench\n-----END PRIVATE KEY-----\n");

    private AgentRepoGenerator() {
    }

    /** {@code <dir> <n>}: writes the input files of {@code n} agents below {@code dir}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AgentRepoGenerator <output-dir> <agents>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        for (Map.Entry<String, String> f : files(n).entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Relative path ({@code /}-separated) to YAML text, sorted by path. */
    public static Map<String, String> files(int n) {
        Map<String, String> out = new TreeMap<>();
        int namespaces = (n + AGENTS_PER_NAMESPACE - 1) / AGENTS_PER_NAMESPACE;
        for (int t = 0; t < namespaces; t++) {
            out.put(namespace(t) + "/shared.yaml", shared(namespace(t)));
        }
        for (int i = 0; i < n; i++) {
            String ns = namespace(i / AGENTS_PER_NAMESPACE);
            out.put(ns + "/agent-" + String.format("%05d", i) + ".yaml", agent(ns, i));
        }
        return out;
    }

    /** Number of Kubernetes objects {@code kagent:generate} emits for {@code n} agents (default options). */
    public static int objects(int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean byo = i % 10 == 9;
            boolean skills = !byo && i % 3 == 0;
            count += 4 + (skills ? 1 : 0); // Secret, ServiceAccount, [ConfigMap], Deployment, Service
        }
        return count;
    }

    static String namespace(int t) {
        return String.format("team-%02d", t);
    }

    private static String shared(String ns) {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: openai-key, namespace: @NS@}
                data: {key: c2stYmVuY2g=}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: anthropic-key, namespace: @NS@}
                data: {key: c2stYW50LWJlbmNo}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: azure-key, namespace: @NS@}
                data: {key: YXp1cmUtYmVuY2g=}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: internal-ca, namespace: @NS@}
                data: {ca.crt: @CERT@}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: prompts, namespace: @NS@}
                stringData:
                  reviewer: |
                    You review changes carefully.
                    Explain every finding and suggest a fix.
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata: {name: gpt-4o, namespace: @NS@}
                spec:
                  provider: OpenAI
                  model: gpt-4o
                  apiKeySecret: openai-key
                  apiKeySecretKey: key
                  openAI: {temperature: "0.2", maxTokens: 4096}
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata: {name: claude, namespace: @NS@}
                spec:
                  provider: Anthropic
                  model: claude-3-5-haiku-latest
                  apiKeySecret: anthropic-key
                  apiKeySecretKey: key
                  anthropic: {maxTokens: 2048}
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata: {name: llama, namespace: @NS@}
                spec:
                  provider: Ollama
                  model: llama3.2:latest
                  ollama:
                    host: http://ollama.@NS@:11434
                    options: {temperature: "0.8", num_ctx: "4096"}
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata: {name: azure-gpt, namespace: @NS@}
                spec:
                  provider: AzureOpenAI
                  model: gpt-4o
                  apiKeySecret: azure-key
                  apiKeySecretKey: key
                  azureOpenAI:
                    azureEndpoint: https://example.openai.azure.com
                    apiVersion: 2024-06-01
                    azureDeployment: gpt-4o
                  tls:
                    caCertSecretRef: internal-ca
                    caCertSecretKey: ca.crt
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: RemoteMCPServer
                metadata: {name: docs-search, namespace: @NS@}
                spec:
                  url: https://mcp.docs.example.com/mcp
                  protocol: STREAMABLE_HTTP
                  timeout: 20s
                  headersFrom:
                    - {name: X-Team, value: @NS@}
                """.replace("@NS@", ns).replace("@CERT@", CERT);
    }

    private static String agent(String ns, int i) {
        String id = String.format("%05d", i);
        String name = "agent-" + id;
        String mcp = "tools-" + id;
        StringBuilder s = new StringBuilder(2048);
        s.append("""
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata: {name: @MCP@, namespace: @NS@}
                spec:
                  transportType: http
                  httpTransport:
                    targetPort: 8443
                    path: /mcp
                    tls: {secretRef: @MCP@-client}
                  deployment:
                    image: registry.example.com/mcp/tools:1.@ID@
                    port: 8443
                    env: {LOG_LEVEL: info}
                    volumes:
                      - name: server-tls
                        secret: {secretName: @MCP@-server}
                    volumeMounts:
                      - {name: server-tls, mountPath: /etc/mcp/tls, readOnly: true}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: @MCP@-client, namespace: @NS@}
                type: kubernetes.io/tls
                data: {tls.crt: @CERT@, tls.key: @KEY@, ca.crt: @CERT@}
                ---
                """.replace("@MCP@", mcp).replace("@NS@", ns).replace("@ID@", id)
                .replace("@CERT@", CERT).replace("@KEY@", KEY));
        s.append("apiVersion: kagent.dev/v1alpha2\nkind: Agent\nmetadata:\n  name: ").append(name)
                .append("\n  namespace: ").append(ns)
                .append("\n  labels: {team: ").append(ns).append(", tier: t").append(i % 3).append("}\n");
        if (i % 4 == 1) {
            s.append("  annotations: {owner.example.com/contact: oncall-").append(i % 17).append("}\n");
        }
        s.append("spec:\n");
        if (i % 10 == 9) {
            s.append("""
                      type: BYO
                      description: Bring-your-own agent @ID@.
                      byo:
                        deployment:
                          image: registry.example.com/agents/byo:2.@ID@
                          env:
                            - {name: LOG_LEVEL, value: info}
                          resources:
                            requests: {cpu: 100m, memory: 256Mi}
                    """.replace("@ID@", id));
            return s.toString();
        }
        s.append("  type: Declarative\n  description: Agent ").append(id).append(" of ").append(ns).append(".\n");
        if (i % 3 == 0) {
            s.append("  skills:\n    refs: [ghcr.io/example/skills/skill-").append(i % 7).append(":v1.").append(i % 5)
                    .append("]\n");
        }
        s.append("  declarative:\n    modelConfig: ").append(MODELS[i % MODELS.length]).append('\n');
        if (i % 5 == 2) {
            s.append("    systemMessageFrom: {type: Secret, name: prompts, key: reviewer}\n");
        } else {
            s.append("    systemMessage: |\n      You are agent ").append(id).append(" of ").append(ns)
                    .append(".\n      Answer briefly and cite your sources.\n");
        }
        s.append("    tools:\n      - type: McpServer\n        mcpServer: {name: ").append(mcp)
                .append(", kind: MCPServer, toolNames: [search, fetch, summarize]}\n");
        if (i % 2 == 0) {
            s.append("      - type: McpServer\n        mcpServer: {name: docs-search, kind: RemoteMCPServer,"
                    + " toolNames: [search]}\n");
        }
        if (i % 7 == 3) {
            s.append("    a2aConfig:\n      skills:\n        - {id: answer, name: Answer, description: Answers"
                    + " questions, tags: [qa]}\n");
        }
        if (i % 4 == 0) {
            s.append("""
                        deployment:
                          replicas: 2
                          resources:
                            requests: {cpu: 250m, memory: 512Mi}
                            limits: {cpu: "1", memory: 1Gi}
                          env:
                            - {name: FEATURE_FLAGS, value: "a,b"}
                    """);
        }
        return s.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }
}
