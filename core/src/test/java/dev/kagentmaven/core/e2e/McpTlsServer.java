package dev.kagentmaven.core.e2e;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * A real MCP server: the MCP Java SDK's Streamable HTTP servlet in an embedded Tomcat 11 on
 * {@code 127.0.0.1:<random port>}, HTTPS only, client certificate REQUIRED (issued by the test CA),
 * serving one tool {@code echo}. The tool answers with its {@code text} argument, the client
 * certificate's subject and the {@code X-Tenant} request header, so a test can see that mTLS and the
 * rendered headers really reached the server.
 */
final class McpTlsServer implements AutoCloseable {
    static final String TOOL = "echo";
    static final String TENANT_HEADER = "X-Tenant";
    private static final String CLIENT_CERT_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final Tomcat tomcat;
    private final McpSyncServer mcp;
    private final int port;

    private McpTlsServer(Tomcat tomcat, McpSyncServer mcp, int port) {
        this.tomcat = tomcat;
        this.mcp = mcp;
        this.port = port;
    }

    /**
     * Starts the server; PEM files for the server certificate and key are written under {@code work}.
     *
     * @param path the MCP endpoint path, e.g. {@code /mcp}
     */
    static McpTlsServer start(TlsMaterial tls, Path work, String path)
            throws IOException, GeneralSecurityException, LifecycleException {
        Path pem = work.resolve("server-pem");
        Path cert = TlsMaterial.write(pem, "tls.crt", tls.server.certPem());
        Path key = TlsMaterial.write(pem, "tls.key", tls.server.keyPem());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(path)
                .contextExtractor(McpTlsServer::requestContext)
                .build();
        McpSyncServer mcp = McpServer.sync(transport)
                .serverInfo("e2e-test-mcp", "1.0.0")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .requestTimeout(Duration.ofSeconds(10))
                .tools(echoTool())
                .build();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(work.resolve("tomcat")).toString());
        Connector connector = httpsConnector(tls, cert, key);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", Files.createDirectories(work.resolve("docbase")).toString());
        if (ctx instanceof StandardContext std) { // webapp leak detection is noise for a test server
            std.setClearReferencesRmiTargets(false);
            std.setClearReferencesThreadLocals(false);
        }
        Wrapper servlet = Tomcat.addServlet(ctx, "mcp", transport);
        servlet.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", "mcp");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            mcp.close();
            tomcat.destroy();
            throw e;
        }
        return new McpTlsServer(tomcat, mcp, connector.getLocalPort());
    }

    /** The port Tomcat bound on 127.0.0.1. */
    int port() {
        return port;
    }

    @Override
    public void close() throws LifecycleException {
        try {
            mcp.close();
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /** TLS on a random loopback port; PEM certificate/key read by Tomcat; CA given as a KeyStore. */
    private static Connector httpsConnector(TlsMaterial tls, Path cert, Path key)
            throws GeneralSecurityException, IOException {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("connectionTimeout", "10000");
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setHostName("_default_"); // any SNI name
        ssl.setProtocols("TLSv1.2+TLSv1.3");
        ssl.setCertificateVerification("required");
        // caCertificateFile (PEM) rejected valid clients on Java 17 in the prototype; a KeyStore works.
        ssl.setTrustStore(tls.caTrustStore());
        SSLHostConfigCertificate serverCert = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        serverCert.setCertificateFile(cert.toString());
        serverCert.setCertificateKeyFile(key.toString());
        ssl.addCertificate(serverCert);
        connector.addSslHostConfig(ssl);
        return connector;
    }

    /** What the tool reports back: the verified client certificate subject and the tenant header. */
    private static McpTransportContext requestContext(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        Object certs = request.getAttribute(CLIENT_CERT_ATTRIBUTE);
        if (certs instanceof X509Certificate[] chain && chain.length > 0) {
            values.put("clientSubject", chain[0].getSubjectX500Principal().getName());
        }
        String tenant = request.getHeader(TENANT_HEADER);
        if (tenant != null) {
            values.put("tenant", tenant);
        }
        return McpTransportContext.create(values);
    }

    private static SyncToolSpecification echoTool() {
        Tool tool = Tool.builder()
                .name(TOOL)
                .description("Echoes its text argument")
                .inputSchema(Map.of("type", "object",
                        "properties", Map.of("text", Map.of("type", "string")),
                        "required", List.of("text")))
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler(McpTlsServer::echo).build();
    }

    private static CallToolResult echo(McpSyncServerExchange exchange, CallToolRequest request) {
        McpTransportContext ctx = exchange.transportContext();
        String text = String.valueOf(request.arguments().get("text"));
        String answer = text + " | client=" + ctx.get("clientSubject") + " | tenant=" + ctx.get("tenant");
        return CallToolResult.builder().addTextContent(answer).isError(false).build();
    }
}
