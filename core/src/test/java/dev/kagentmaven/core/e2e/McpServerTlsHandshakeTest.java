package dev.kagentmaven.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, part 2: MCPServer mTLS proven with a real handshake (mcpserver.md §7). A real MCP server
 * (MCP Java SDK Streamable HTTP servlet in embedded Tomcat) listens on HTTPS at
 * {@code test-mcp.test:<port>} (resolved to 127.0.0.1 by the surefire hosts file) and REQUIRES a client
 * certificate. The Agent using it is rendered by {@link Translator}; the agent Deployment's Secret volumes
 * are materialised at their mount paths below a temp directory, and a real MCP client is built ONLY from
 * the rendered {@code config.json} entry. Negative twins: no client certificate ⇒ handshake fails; the
 * {@code http://} URL kagent renders today ⇒ Tomcat's "requires TLS" 400.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class McpServerTlsHandshakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PLAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final String CLIENT_MOUNT = "/etc/ssl/client/" + AgentInputs.CLIENT_SECRET;
    private static final Pattern HANDSHAKE_FAILURE = Pattern.compile("(?i)certificate|handshake");

    @TempDir
    static Path work;
    static TlsMaterial tls;
    static McpTlsServer server;

    @BeforeAll
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    static void startServer() throws Exception {
        tls = TlsMaterial.generate(AgentInputs.MCP_SERVER + "." + AgentInputs.NAMESPACE);
        server = McpTlsServer.start(tls, work, AgentInputs.PATH);
    }

    @AfterAll
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientBuiltOnlyFromRenderedConfigCompletesMtlsAndListsTheTool() throws Exception {
        Path pod = work.resolve("pod-mtls");
        ConfigClient.Params params = renderMtlsAndMaterialise(pod);
        assertEquals("https://test-mcp.test:" + server.port() + "/mcp", params.url());
        try (McpSyncClient client = ConfigClient.client(params)) {
            client.initialize();
            List<String> tools = client.listTools().tools().stream().map(Tool::name).toList();
            assertEquals(List.of(McpTlsServer.TOOL), tools);
            CallToolResult result = client.callTool(new CallToolRequest(McpTlsServer.TOOL, Map.of("text", "hello")));
            assertFalse(Boolean.TRUE.equals(result.isError()), () -> "tool error: " + result);
            String text = ((TextContent) result.content().get(0)).text();
            assertTrue(text.startsWith("hello | "), text);
            assertTrue(text.contains("client=CN=" + TlsMaterial.CLIENT_CN), "server saw the client cert: " + text);
            assertTrue(text.contains("tenant=" + AgentInputs.TENANT), "rendered header reached the server: " + text);
        }
    }

    @Test
    void withoutTheClientCertificateTheHandshakeFails() throws Exception {
        Path pod = work.resolve("pod-no-client-cert");
        ConfigClient.Params full = renderMtlsAndMaterialise(pod);
        ConfigClient.Params noCert = full.withoutClientCertificate();
        assertNotNull(noCert.caCert(), "the server is still verified against the rendered CA");
        try (McpSyncClient client = ConfigClient.client(noCert)) {
            RuntimeException e = assertThrows(RuntimeException.class, client::initialize);
            // observed: SSLHandshakeException "Received fatal alert: bad_certificate" (TLS 1.3, JDK 17)
            SSLException tlsFailure = sslFailure(e)
                    .orElseThrow(() -> new AssertionError("expected a TLS failure, got:\n" + causeChain(e), e));
            assertTrue(HANDSHAKE_FAILURE.matcher(String.valueOf(tlsFailure.getMessage())).find(),
                    () -> "TLS failure does not name the certificate/handshake:\n" + causeChain(e));
        }
    }

    @Test
    void plainHttpUrlKagentRendersTodayGetsTheSeedError() throws Exception {
        List<Source> inputs = AgentInputs.plain(tls, server.port());
        Manifest agent = renderAgent(inputs);
        JsonNode params = PodFiles.configJson(agent).path("http_tools").get(0).path("params");
        String url = params.path("url").asText();
        assertEquals("http://test-mcp.test:" + server.port() + "/mcp", url);
        assertTrue(fieldNames(params).stream().noneMatch(n -> n.startsWith("tls_")),
                () -> "kagent-parity rendering has no tls_* keys: " + params);
        assertTrue(PodFiles.deployment(agent).getSpec().getTemplate().getSpec().getVolumes().stream()
                .noneMatch(v -> v.getName().startsWith("tls-client-")), "no client-certificate volume without tls");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PLAIN_TIMEOUT).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PLAIN_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
        params.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().contains("This combination of host and port requires TLS"), response.body());
    }

    /** Renders the T1 inputs, checks the client volume, materialises the pod files, reads the tool entry. */
    private static ConfigClient.Params renderMtlsAndMaterialise(Path pod) throws Exception {
        List<Source> inputs = AgentInputs.mtls(tls, server.port());
        Manifest agent = renderAgent(inputs);
        List<PodFiles.Mounted> mounts = PodFiles.materialise(agent, inputs, pod);
        PodFiles.Mounted client = mounts.stream().filter(m -> m.secret().equals(AgentInputs.CLIENT_SECRET))
                .findFirst().orElseThrow(() -> new AssertionError("no client Secret volume: " + mounts));
        assertEquals("tls-client-" + AgentInputs.CLIENT_SECRET, client.volume());
        assertEquals(CLIENT_MOUNT, client.mountPath());

        JsonNode config = PodFiles.configJson(agent);
        Path mountedConfig = pod.resolve("config/config.json");
        assertEquals(config, JSON.readTree(Files.readString(mountedConfig)), "config Secret mounted at /config");
        JsonNode entry = config.path("http_tools").get(0);
        assertNotNull(entry, () -> "no http_tools entry: " + config);
        assertEquals(1, config.path("http_tools").size());
        assertEquals(List.of(McpTlsServer.TOOL), textList(entry.path("tools")));
        JsonNode params = entry.path("params");
        assertEquals(CLIENT_MOUNT + "/ca.crt", params.path("tls_ca_cert_path").asText());
        assertEquals(CLIENT_MOUNT + "/tls.crt", params.path("tls_client_cert_path").asText());
        assertEquals(CLIENT_MOUNT + "/tls.key", params.path("tls_client_key_path").asText());
        assertEquals(JSON.createObjectNode().put(McpTlsServer.TENANT_HEADER, AgentInputs.TENANT), params.path("headers"));
        assertEquals(BooleanNode.FALSE, params.get("tls_insecure_skip_verify"));
        return ConfigClient.params(params, pod);
    }

    private static Manifest renderAgent(List<Source> inputs) {
        Result result = Translator.translate(inputs, Options.builder().build());
        assertFalse(result.hasErrors(), () -> "translation failed: " + result.errors());
        String key = AgentInputs.NAMESPACE + "/" + AgentInputs.AGENT;
        return result.manifests().stream().filter(m -> m.kind() == Manifest.Kind.AGENT && m.key().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("agent " + key + " not rendered"));
    }

    private static List<String> textList(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The first {@link SSLException} among {@code t}, its causes and suppressed exceptions. */
    private static Optional<SSLException> sslFailure(Throwable t) {
        return chain(t).stream().filter(SSLException.class::isInstance).map(SSLException.class::cast).findFirst();
    }

    /** Class names and messages of {@code t} and all its causes/suppressed, one per line. */
    private static String causeChain(Throwable t) {
        return chain(t).stream().map(x -> x.getClass().getName() + ": " + x.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** {@code t}, its causes and suppressed exceptions, depth first, each once. */
    private static List<Throwable> chain(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(t));
        List<Throwable> out = new ArrayList<>();
        while (!todo.isEmpty()) {
            Throwable x = todo.pop();
            if (!seen.add(x)) {
                continue;
            }
            out.add(x);
            if (x.getCause() != null) {
                todo.push(x.getCause());
            }
            todo.addAll(List.of(x.getSuppressed()));
        }
        return out;
    }
}
