package dev.kagentmaven.core.e2e;

import dev.kagentmaven.core.Source;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The build inputs of spec T1 (mcpserver.md §8) as YAML text: an OpenAI ModelConfig with its API-key
 * Secret, the client-certificate Secret {@code mcp-client-tls}, the MCPServer {@code test-mcp} (http
 * transport, TLS with that Secret) and the Agent {@code agent-mtls} using its tool {@code echo}. All in
 * namespace {@code test}. The MCPServer's port is the real server's random port.
 */
final class AgentInputs {
    static final String NAMESPACE = "test";
    static final String AGENT = "agent-mtls";
    static final String MCP_SERVER = "test-mcp";
    static final String CLIENT_SECRET = "mcp-client-tls";
    static final String PATH = "/mcp";
    static final String TENANT = "acme";

    private AgentInputs() {
    }

    /** T1 with {@code httpTransport.tls.secretRef: mcp-client-tls}. */
    static List<Source> mtls(TlsMaterial tls, int port) {
        return List.of(
                Source.ofString("e2e/model.yaml", MODEL),
                Source.ofString("e2e/client-secret.yaml", clientSecret(tls)),
                Source.ofString("e2e/mcpserver.yaml", mcpServer(port, true)),
                Source.ofString("e2e/agent.yaml", AGENT_YAML));
    }

    /** The same inputs without {@code httpTransport.tls}: what kagent renders today ({@code http://}). */
    static List<Source> plain(TlsMaterial tls, int port) {
        return List.of(
                Source.ofString("e2e/model.yaml", MODEL),
                Source.ofString("e2e/client-secret.yaml", clientSecret(tls)),
                Source.ofString("e2e/mcpserver.yaml", mcpServer(port, false)),
                Source.ofString("e2e/agent.yaml", AGENT_YAML));
    }

    private static String clientSecret(TlsMaterial tls) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: %s
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                  tls.key: %s
                  ca.crt: %s
                """.formatted(CLIENT_SECRET, NAMESPACE, b64(tls.client.certPem()), b64(tls.client.keyPem()),
                b64(tls.ca.certPem()));
    }

    private static String mcpServer(int port, boolean withTls) {
        String tlsBlock = withTls ? """
                    tls:
                      secretRef: %s
                """.formatted(CLIENT_SECRET) : "";
        return """
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  transportType: http
                  httpTransport:
                    targetPort: %d
                    path: %s
                %s  deployment:
                    image: ghcr.io/test/test-mcp:v0.1.0
                    port: %d
                """.formatted(MCP_SERVER, NAMESPACE, port, PATH, tlsBlock, port);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static final String MODEL = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: openai-secret
              namespace: test
            data:
              api-key: c2stdGVzdC1hcGkta2V5
            ---
            apiVersion: kagent.dev/v1alpha2
            kind: ModelConfig
            metadata:
              name: default-model
              namespace: test
            spec:
              provider: OpenAI
              model: gpt-4o
              apiKeySecret: openai-secret
              apiKeySecretKey: api-key
            """;

    private static final String AGENT_YAML = """
            apiVersion: kagent.dev/v1alpha2
            kind: Agent
            metadata:
              name: agent-mtls
              namespace: test
            spec:
              type: Declarative
              declarative:
                description: An agent that calls an MCPServer over mTLS
                systemMessage: You are an agent that uses an mTLS MCP server.
                modelConfig: default-model
                tools:
                  - type: McpServer
                    mcpServer:
                      name: test-mcp
                      kind: MCPServer
                      toolNames:
                        - echo
                    headersFrom:
                      - name: X-Tenant
                        value: acme
            """;
}
