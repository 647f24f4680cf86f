package dev.kagentmaven.core.translate;

import static dev.kagentmaven.core.translate.TranslateFixture.OPENAI_MODEL;
import static dev.kagentmaven.core.translate.TranslateFixture.OPTIONS;
import static dev.kagentmaven.core.translate.TranslateFixture.agent;
import static dev.kagentmaven.core.translate.TranslateFixture.config;
import static dev.kagentmaven.core.translate.TranslateFixture.deployment;
import static dev.kagentmaven.core.translate.TranslateFixture.manifest;
import static dev.kagentmaven.core.translate.TranslateFixture.mounts;
import static dev.kagentmaven.core.translate.TranslateFixture.ok;
import static dev.kagentmaven.core.translate.TranslateFixture.volumes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code spec.declarative.tools} → {@code http_tools} / {@code sse_tools} / {@code remote_agents}
 * (agent-config.md §3.3, §3.4, §5.5, §5.6, §6.2, §6.4).
 */
class ToolsTest {
    static final String PROXY = "http://proxy.kagent.svc.cluster.local:8080";
    static final Options WITH_PROXY = OPTIONS.toBuilder().proxyUrl(PROXY).build();
    static final Options EGRESS = OPTIONS.toBuilder().mcpEgressPlaintext(true).build();
    private static final String MODEL_JSON = "{\"type\":\"openai\",\"model\":\"gpt-4o\",\"base_url\":\"\"}";

    /** config.json of the default agent with the given tool keys between instruction and stream. */
    static String configWith(String toolKeys) {
        return "{\"model\":" + MODEL_JSON + ",\"description\":\"\",\"instruction\":\"Be helpful.\"," + toolKeys
                + ",\"stream\":false}";
    }

    static String withTools(String name, String toolItems) {
        return agent(name, "    tools:\n" + toolItems);
    }

    static String rmsTool(String name, String extra) {
        return """
                      - type: McpServer
                        mcpServer:
                          kind: RemoteMCPServer
                          name: %s
                %s""".formatted(name, extra);
    }

    static String rms(String name, String namespace, String specBody) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: RemoteMCPServer
                metadata:
                  name: %s
                  namespace: %s
                spec:
                %s""".formatted(name, namespace, specBody);
    }

    private static String config1(Options options, String... docs) {
        Result r = ok(options, docs);
        return config(manifest(r, "a"));
    }

    // ---------------------------------------------------------------- RemoteMCPServer

    @Test
    void headersFromRemoteMcpServerNamespaceAreOverriddenByToolHeaders() {
        String cfg = config1(OPTIONS, OPENAI_MODEL, """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                  namespace: tools
                data:
                  token: cm1zLXRva2Vu
                """, """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                  namespace: test
                data:
                  token: YWdlbnQtdG9rZW4=
                """, rms("rms", "tools", """
                  url: https://mcp.example.com/mcp
                  headersFrom:
                    - name: X-Shared
                      value: from-rms
                    - name: X-Rms-Only
                      valueFrom:
                        type: Secret
                        name: creds
                        key: token
                    - name: X-Empty
                """), agent("a", """
                    tools:
                      - type: McpServer
                        headersFrom:
                          - name: X-Shared
                            valueFrom:
                              type: Secret
                              name: creds
                              key: token
                          - name: X-Agent-Only
                            value: a
                        mcpServer:
                          kind: RemoteMCPServer
                          apiGroup: kagent.dev
                          name: rms
                          namespace: tools
                          toolNames: [t1, t2]
                          allowedHeaders: [Authorization, X-User]
                          requireApproval: [t2]
                """));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"https://mcp.example.com/mcp\",\"headers\":"
                + "{\"X-Agent-Only\":\"a\",\"X-Empty\":\"\",\"X-Rms-Only\":\"rms-token\",\"X-Shared\":\"agent-token\"}},"
                + "\"tools\":[\"t1\",\"t2\"],\"allowed_headers\":[\"Authorization\",\"X-User\"],"
                + "\"require_approval\":[\"t2\"]}]"), cfg);
    }

    @Test
    void sseProtocolGoesToSseToolsWithoutTerminateOnClose() {
        String cfg = config1(OPTIONS, OPENAI_MODEL, rms("sse", "test", """
                  url: http://sse.example.com/sse
                  protocol: SSE
                  timeout: 100ms
                  sseReadTimeout: 1ns
                  terminateOnClose: true
                """), rms("http", "test", """
                  url: http://http.example.com/mcp
                  protocol: sse
                  timeout: 1.5s
                  sseReadTimeout: 5m0s
                  terminateOnClose: false
                """), withTools("a", rmsTool("sse", "") + rmsTool("http", "          toolNames: [x]\n")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"http://http.example.com/mcp\",\"headers\":{},"
                + "\"timeout\":1.5,\"sse_read_timeout\":300,\"terminate_on_close\":false},\"tools\":[\"x\"]}],"
                + "\"sse_tools\":[{\"params\":{\"url\":\"http://sse.example.com/sse\",\"headers\":{},\"timeout\":0.1,"
                + "\"sse_read_timeout\":1e-9}}]"), cfg);
    }

    @Test
    void remoteMcpServerWithoutOptionalFields() {
        String cfg = config1(OPTIONS, OPENAI_MODEL, rms("r", "test", """
                  url: mcp.example.com:8443/mcp
                """), withTools("a", rmsTool("r", "")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"mcp.example.com:8443/mcp\",\"headers\":{}}}]"),
                cfg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100ms | 0.1",
        "1ns | 1e-9",
        "3ns | 3e-9",
        "1.5s | 1.5",
        "5m0s | 300",
        "1h2m | 3720",
        "1h2m3.5s | 3723.5",
        "0 | 0",
        "0s | 0",
        "1us | 0.000001",
        "1µs | 0.000001",
        "250us | 0.00025",
        "90m | 5400",
        "1m30.5s | 90.5",
        "2h | 7200",
    })
    void durationsAreFloatSeconds(String duration, String seconds) {
        String cfg = config1(OPTIONS, OPENAI_MODEL, rms("r", "test", """
                  url: https://mcp.example.com/mcp
                  timeout: "%s"
                """.formatted(duration)), withTools("a", rmsTool("r", "")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"https://mcp.example.com/mcp\",\"headers\":{},"
                + "\"timeout\":" + seconds + "}}]"), cfg);
    }

    @Test
    void toolsKeepSpecOrderWithinEachList() {
        String cfg = config1(OPTIONS, OPENAI_MODEL,
                rms("one", "test", "  url: https://one.example.com\n"),
                rms("two", "test", "  url: https://two.example.com\n  protocol: SSE\n"),
                rms("three", "test", "  url: https://three.example.com\n"),
                withTools("a", rmsTool("three", "") + rmsTool("two", "") + rmsTool("one", "")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"https://three.example.com\",\"headers\":{}}},"
                + "{\"params\":{\"url\":\"https://one.example.com\",\"headers\":{}}}],\"sse_tools\":[{\"params\":"
                + "{\"url\":\"https://two.example.com\",\"headers\":{}}}]"), cfg);
    }

    // ---------------------------------------------------------------- egress plaintext

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://external-mcp.example.com/mcp | false | http://external-mcp.example.com:443/mcp",
        "tls-mcp.example.com/mcp | true | http://tls-mcp.example.com:443/mcp",
        "host:1234/path | false | http://host:1234/path",
        "plain.example.com/path | false | http://plain.example.com:80/path",
        "http://plain.example.com/x?q=1#frag | false | http://plain.example.com:80/x?q=1#frag",
        "https://user:pw@secure.example.com/p | false | http://user:pw@secure.example.com:443/p",
        "https://h.example.com/a%20b | false | http://h.example.com:443/a%20b",
        "https://h.example.com:8443 | false | http://h.example.com:8443",
        "ftp://files.example.com/x | false | ftp://files.example.com/x",
        "https://h.example.com:99999/x | false | https://h.example.com:99999/x",
        "https://h.example.com:0/x | false | https://h.example.com:0/x",
    })
    void egressPlaintextRewrite(String url, boolean emptyTls, String expected) {
        String cfg = config1(EGRESS, OPENAI_MODEL, rms("r", "test", """
                  url: "%s"
                %s""".formatted(url, emptyTls ? "  tls: {}\n" : "")), withTools("a", rmsTool("r", "")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"" + expected + "\",\"headers\":{}}}]"), cfg);
    }

    @Test
    void egressOffLeavesUrlsVerbatim() {
        String cfg = config1(OPTIONS, OPENAI_MODEL, rms("r", "test", "  url: https://external-mcp.example.com/mcp\n"),
                withTools("a", rmsTool("r", "")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"https://external-mcp.example.com/mcp\","
                + "\"headers\":{}}}]"), cfg);
    }

    @Test
    void egressKeepsTlsFieldsAndLosesToProxyForInternalUrls() {
        Options both = EGRESS.toBuilder().proxyUrl(PROXY).build();
        String cfg = config1(both, OPENAI_MODEL,
                rms("internal", "test", "  url: http://test-mcp-server.kagent:8084/mcp\n"),
                rms("external", "test", """
                  url: https://external.example.com/mcp
                  tls:
                    caCertSecretRef: corp-ca
                    caCertSecretKey: ca.crt
                """), withTools("a", rmsTool("internal", "") + rmsTool("external", "")));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"" + PROXY + "/mcp\",\"headers\":"
                + "{\"x-kagent-host\":\"test-mcp-server.kagent\"}}},{\"params\":{\"url\":"
                + "\"http://external.example.com:443/mcp\",\"headers\":{},\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/corp-ca/ca.crt\",\"tls_disable_system_cas\":false}}]"),
                cfg);
    }

    // ---------------------------------------------------------------- proxy routing

    @Test
    void proxyAppliesToInternalRemoteMcpServersOnly() {
        String cfg = config1(WITH_PROXY, OPENAI_MODEL,
                rms("svc-local", "test", "  url: http://mcp.tools.svc.cluster.local:9000/api/mcp?x=1#f\n"),
                rms("two-labels", "test", "  url: http://test-mcp-server.kagent:8084/mcp\n"),
                rms("external", "test", "  url: https://mcp.example.com/mcp\n"),
                rms("three-labels", "test", "  url: http://a.b.c/mcp\n"),
                rms("encoded", "test", "  url: http://enc.kagent/a%2Fb\n"),
                withTools("a", rmsTool("svc-local", "") + rmsTool("two-labels", "") + rmsTool("external", "")
                        + rmsTool("three-labels", "") + rmsTool("encoded", "")));
        assertEquals(configWith("\"http_tools\":["
                + "{\"params\":{\"url\":\"" + PROXY + "/api/mcp\",\"headers\":{\"x-kagent-host\":"
                + "\"mcp.tools.svc.cluster.local\"}}},"
                + "{\"params\":{\"url\":\"" + PROXY + "/mcp\",\"headers\":{\"x-kagent-host\":\"test-mcp-server.kagent\"}}},"
                + "{\"params\":{\"url\":\"https://mcp.example.com/mcp\",\"headers\":{}}},"
                + "{\"params\":{\"url\":\"http://a.b.c/mcp\",\"headers\":{}}},"
                + "{\"params\":{\"url\":\"" + PROXY + "/a/b\",\"headers\":{\"x-kagent-host\":\"enc.kagent\"}}}]"), cfg);
    }

    @Test
    void proxyHostHeaderWinsOverToolHeadersAndProxyPathIsDropped() {
        Options proxy = OPTIONS.toBuilder().proxyUrl("https://gw.example.com:8443/prefix?q=1").build();
        String cfg = config1(proxy, OPENAI_MODEL, rms("r", "test", """
                  url: http://mcp.kagent:80/mcp
                  headersFrom:
                    - name: x-kagent-host
                      value: spoofed
                """), withTools("a", """
                      - type: McpServer
                        headersFrom:
                          - name: X-Other
                            value: o
                        mcpServer:
                          kind: RemoteMCPServer
                          name: r
                """));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"https://gw.example.com:8443/mcp\",\"headers\":"
                + "{\"X-Other\":\"o\",\"x-kagent-host\":\"mcp.kagent\"}}}]"), cfg);
    }

    @Test
    void proxyAppliesToAgentsServicesAndMcpServers() {
        String cfg = config1(WITH_PROXY, OPENAI_MODEL, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: math
                  namespace: test
                spec:
                  ports:
                    - port: 3000
                """, """
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata:
                  name: srv
                  namespace: test
                spec:
                  deployment:
                    image: mcp/srv:1
                    port: 8084
                """, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: sub-agent
                  namespace: test
                spec:
                  type: BYO
                  description: Sub agent
                  byo:
                    deployment:
                      image: example.com/sub:1
                """, withTools("a", """
                      - type: McpServer
                        mcpServer:
                          kind: Service
                          name: math
                      - type: McpServer
                        mcpServer:
                          name: srv
                      - type: Agent
                        agent:
                          name: sub-agent
                        isolateSessions: true
                """));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"" + PROXY + "/mcp\",\"headers\":"
                + "{\"x-kagent-host\":\"math.test\"}}},{\"params\":{\"url\":\"" + PROXY + "/mcp\",\"headers\":"
                + "{\"x-kagent-host\":\"srv.test\"},\"timeout\":30}}],\"remote_agents\":[{\"name\":"
                + "\"test__NS__sub_agent\",\"url\":\"" + PROXY + "\",\"headers\":{\"x-kagent-host\":\"sub-agent.test\"},"
                + "\"description\":\"Sub agent\",\"isolate_sessions\":true}]"), cfg);
    }

    // ---------------------------------------------------------------- agent tools

    @Test
    void agentToolNameManglingAndOptionalKeys() {
        String cfg = config1(OPTIONS, OPENAI_MODEL, OPENAI_MODEL.replace("namespace: test", "namespace: other-ns"),
                agent("my-sub-agent").replace("namespace: test", "namespace: other-ns"), agent("plain"),
                withTools("a", """
                      - type: Agent
                        agent:
                          name: my-sub-agent
                          namespace: other-ns
                          kind: Agent
                        isolateSessions: false
                        headersFrom:
                          - name: FOO
                            value: sup3rs3cr3t
                      - agent:
                          name: plain
                """));
        assertEquals(configWith("\"remote_agents\":[{\"name\":\"other_ns__NS__my_sub_agent\",\"url\":"
                + "\"http://my-sub-agent.other-ns:8080\",\"headers\":{\"FOO\":\"sup3rs3cr3t\"}},{\"name\":"
                + "\"test__NS__plain\",\"url\":\"http://plain.test:8080\"}]"), cfg);
    }

    @Test
    void mcpServerWinsWhenAToolHasBothTargets() {
        String cfg = config1(OPTIONS, OPENAI_MODEL, rms("r", "test", "  url: https://r.example.com\n"), agent("b"),
                withTools("a", """
                      - type: McpServer
                        mcpServer:
                          kind: RemoteMCPServer
                          name: r
                        agent:
                          name: b
                """));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"https://r.example.com\",\"headers\":{}}}]"),
                cfg);
    }

    // ---------------------------------------------------------------- Service tools

    static String service(String annotations, String ports) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: svc
                  namespace: tools
                  annotations:
                    unrelated: "x"
                %s
                spec:
                  ports:
                %s""".formatted(annotations, ports);
    }

    static final String SERVICE_TOOL = """
                  - type: McpServer
                    mcpServer:
                      kind: Service
                      apiGroup: core
                      name: svc
                      namespace: tools
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // annotations | ports | list | url
        "'    kagent.dev/mcp-service-port: \"9000\"\n    kagent.dev/mcp-service-path: /sse\n"
                + "    kagent.dev/mcp-service-protocol: SSE' | '    - port: 80' | sse_tools | http://svc.tools:9000/sse",
        "'' | '    - port: 8080' | http_tools | http://svc.tools:8080/mcp",
        "'    kagent.dev/mcp-service-protocol: sse' | '    - port: 8080' | http_tools | http://svc.tools:8080/mcp",
        "'    kagent.dev/mcp-service-port: \"0\"' | '    - port: 7000' | http_tools | http://svc.tools:7000/mcp",
        "'    kagent.dev/mcp-service-port: \"+81\"' | '    - port: 7000' | http_tools | http://svc.tools:81/mcp",
        "'    kagent.dev/mcp-service-path: \"\"' | '    - port: 7000' | http_tools | http://svc.tools:7000",
        "'' | '    - {name: web, port: 80}\n    - {name: mcp, port: 3000, appProtocol: MCP}\n"
                + "    - {name: other, port: 4000, appProtocol: mcp}' | http_tools | http://svc.tools:3000/mcp",
        "'    kagent.dev/mcp-service-protocol: STREAMABLE_HTTP' | '    - {name: a, port: 1}\n"
                + "    - {name: b, port: 2, appProtocol: mcp}' | http_tools | http://svc.tools:2/mcp",
    })
    void serviceToolPortPathAndProtocol(String annotations, String ports, String list, String url) {
        String cfg = config1(OPTIONS, OPENAI_MODEL, service(annotations, ports), withTools("a", SERVICE_TOOL));
        assertEquals(configWith("\"" + list + "\":[{\"params\":{\"url\":\"" + url + "\",\"headers\":{}}}]"), cfg);
    }

    // ---------------------------------------------------------------- MCPServer tools

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | 30", "'  timeout: 60s' | 60", "'  timeout: 1m30s' | 90"})
    void mcpServerTimeoutDefaultsToThirtySeconds(String timeout, String seconds) {
        String cfg = config1(OPTIONS, OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha1
                kind: MCPServer
                metadata:
                  name: srv
                  namespace: test
                spec:
                %s
                  deployment:
                    image: mcp/srv:1
                    port: 8084
                """.formatted(timeout), withTools("a", """
                      - type: McpServer
                        mcpServer:
                          kind: MCPServer
                          apiGroup: kagent.dev
                          name: srv
                          toolNames: [k8s_get_resources]
                """));
        assertEquals(configWith("\"http_tools\":[{\"params\":{\"url\":\"http://srv.test:8084/mcp\",\"headers\":{},"
                + "\"timeout\":" + seconds + "},\"tools\":[\"k8s_get_resources\"]}]"), cfg);
    }

    // ---------------------------------------------------------------- RemoteMCPServer TLS

    @Test
    void remoteMcpServerTlsVolumesComeAfterModelVolumesAndAreShared() {
        Result r = ok(OPTIONS, """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: model
                  namespace: test
                spec:
                  provider: OpenAI
                  model: gpt-4o
                  tls:
                    caCertSecretRef: corp-ca
                    caCertSecretKey: ca.crt
                """, rms("one", "test", """
                  url: https://one.example.com/mcp
                  tls:
                    caCertSecretRef: mcp.example.com-tls
                    caCertSecretKey: ca.pem
                    disableSystemCAs: true
                """), rms("two", "test", """
                  url: https://two.example.com/mcp
                  tls:
                    caCertSecretRef: mcp.example.com-tls
                    caCertSecretKey: other.pem
                """), rms("three", "test", """
                  url: https://three.example.com/mcp
                  tls:
                    caCertSecretRef: corp-ca
                    caCertSecretKey: ca.crt
                """), rms("four", "test", """
                  url: https://four.example.com/mcp
                  tls:
                    disableVerify: true
                """), rms("five", "test", """
                  url: https://five.example.com/mcp
                  tls: {}
                """), agent("a", """
                    deployment:
                      volumes:
                        - name: user
                          emptyDir: {}
                    tools:
                """ + rmsTool("one", "") + rmsTool("two", "") + rmsTool("three", "") + rmsTool("four", "")
                        + rmsTool("five", "")));
        Manifest m = manifest(r, "a");
        assertEquals(List.of("config:secret=a", "user:emptyDir", "tls-ca-corp-ca:secret=corp-ca,mode=292",
                "tls-ca-b2645842:secret=mcp.example.com-tls,mode=292", "kagent-token:projected"), volumes(m));
        assertEquals(List.of("config:/config", "tls-ca-corp-ca:/etc/ssl/certs/custom/corp-ca:ro",
                "tls-ca-b2645842:/etc/ssl/certs/custom/b2645842:ro", "kagent-token:/var/run/secrets/tokens"),
                mounts(m));
        assertEquals("{\"model\":{\"type\":\"openai\",\"model\":\"gpt-4o\",\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/corp-ca/ca.crt\",\"tls_disable_system_cas\":false,"
                + "\"base_url\":\"\"},\"description\":\"\",\"instruction\":\"Be helpful.\",\"http_tools\":["
                + "{\"params\":{\"url\":\"https://one.example.com/mcp\",\"headers\":{},\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/b2645842/ca.pem\",\"tls_disable_system_cas\":true}},"
                + "{\"params\":{\"url\":\"https://two.example.com/mcp\",\"headers\":{},\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/b2645842/other.pem\",\"tls_disable_system_cas\":false}},"
                + "{\"params\":{\"url\":\"https://three.example.com/mcp\",\"headers\":{},"
                + "\"tls_insecure_skip_verify\":false,\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/corp-ca/ca.crt\","
                + "\"tls_disable_system_cas\":false}},"
                + "{\"params\":{\"url\":\"https://four.example.com/mcp\",\"headers\":{},\"tls_insecure_skip_verify\":true,"
                + "\"tls_disable_system_cas\":false}},"
                + "{\"params\":{\"url\":\"https://five.example.com/mcp\",\"headers\":{}}}],\"stream\":false}",
                config(m));
    }

    // ---------------------------------------------------------------- status hashes → config hash

    private static String hash(String... docs) {
        return deployment(manifest(ok(OPTIONS, docs), "a")).getSpec().getTemplate().getMetadata().getAnnotations()
                .get("kagent.dev/config-hash");
    }

    @Test
    void statusSecretHashesFeedTheConfigHash() {
        String tool = withTools("a", rmsTool("r", ""));
        String rmsBase = rms("r", "test", "  url: https://r.example.com\n");
        String base = hash(OPENAI_MODEL, rmsBase, tool);
        String modelHashed = hash(OPENAI_MODEL + "status:\n  secretHash: 00ff\n", rmsBase, tool);
        String rmsHashed = hash(OPENAI_MODEL, rmsBase + "status:\n  secretHash: abcd\n", tool);
        String rmsGarbage = hash(OPENAI_MODEL, rmsBase + "status:\n  secretHash: not-hex\n", tool);
        assertNotEquals(base, modelHashed);
        assertNotEquals(base, rmsHashed);
        assertNotEquals(modelHashed, rmsHashed);
        assertEquals(base, rmsGarbage, "a malformed RemoteMCPServer status hash is ignored");
    }

    @Test
    void embeddingStatusHashCountsOnlyForASeparateModelConfig() {
        String hashed = OPENAI_MODEL + "status:\n  secretHash: \"0102\"\n";
        String same = hash(hashed, agent("a", "    memory:\n      modelConfig: model\n"));
        String sameNoHash = hash(OPENAI_MODEL, agent("a", "    memory:\n      modelConfig: model\n"));
        assertNotEquals(same, sameNoHash, "the main model's hash always counts");
        String other = OPENAI_MODEL.replace("name: model", "name: emb");
        String sepWithout = hash(OPENAI_MODEL, other, agent("a", "    memory:\n      modelConfig: emb\n"));
        String sepWith = hash(OPENAI_MODEL, other + "status:\n  secretHash: \"0102\"\n",
                agent("a", "    memory:\n      modelConfig: emb\n"));
        assertNotEquals(sepWithout, sepWith);
    }
}
