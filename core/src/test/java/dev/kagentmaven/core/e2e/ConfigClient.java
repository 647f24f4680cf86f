package dev.kagentmaven.core.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds a real MCP client from ONE {@code http_tools[].params} entry of the rendered config.json —
 * nothing else: {@code url}, {@code headers}, {@code timeout} and the {@code tls_*} keys, exactly as the
 * agent runtime would (mcpserver.md §7.4, §7.9). The {@code tls_*} file paths are pod paths; they are
 * resolved under the directory that holds the materialised pod files.
 */
final class ConfigClient {
    private static final char[] NO_PASSWORD = new char[0];
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");

    /** What a params entry says, with file paths already moved under the pod root. */
    record Params(String url, Map<String, String> headers, Duration timeout, boolean insecure,
                  Path caCert, Path clientCert, Path clientKey) {

        /** The same entry without the client certificate and key (negative twin). */
        Params withoutClientCertificate() {
            return new Params(url, headers, timeout, insecure, caCert, null, null);
        }
    }

    private ConfigClient() {
    }

    /** Reads {@code params} of one config.json tool entry; pod paths are resolved under {@code podRoot}. */
    static Params params(JsonNode params, Path podRoot) {
        if (!params.path("url").isTextual()) {
            throw new AssertionError("params has no url: " + params);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        params.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        double seconds = params.path("timeout").asDouble(0);
        if (seconds <= 0) {
            throw new AssertionError("params has no positive timeout: " + params);
        }
        return new Params(params.get("url").asText(), headers, Duration.ofMillis(Math.round(seconds * 1000)),
                params.path("tls_insecure_skip_verify").asBoolean(false),
                podPath(params, "tls_ca_cert_path", podRoot),
                podPath(params, "tls_client_cert_path", podRoot),
                podPath(params, "tls_client_key_path", podRoot));
    }

    /** An MCP Streamable HTTP client for {@code p}; bounded by the configured timeout. */
    static McpSyncClient client(Params p) throws IOException, GeneralSecurityException {
        URI uri = URI.create(p.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(p.timeout());
        p.headers().forEach(request::header);
        SSLContext ssl = "https".equals(uri.getScheme()) ? sslContext(p) : null;
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .connectTimeout(p.timeout())
                .requestBuilder(request)
                .customizeClient(b -> {
                    if (ssl != null) {
                        b.sslContext(ssl);
                    }
                })
                .build();
        return McpClient.sync(transport)
                .clientInfo(new Implementation("kagent-maven-e2e", "1.0.0"))
                .requestTimeout(p.timeout())
                .initializationTimeout(p.timeout())
                .build();
    }

    /**
     * The runtime's TLS rules: verification off ⇒ trust anything (no hostname check); else the CA file
     * when given, the JDK's default trust otherwise; then the client certificate and key when given.
     */
    static SSLContext sslContext(Params p) throws IOException, GeneralSecurityException {
        if ((p.clientCert() == null) != (p.clientKey() == null)) {
            throw new IllegalArgumentException("tls_client_cert_path and tls_client_key_path must be set together");
        }
        TrustManager[] trust = p.insecure() ? new TrustManager[] {new TrustEverything()}
                : p.caCert() == null ? null : trustManagers(p.caCert());
        KeyManager[] keys = p.clientCert() == null ? null : keyManagers(p.clientCert(), p.clientKey());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keys, trust, null);
        return ctx;
    }

    private static Path podPath(JsonNode params, String key, Path podRoot) {
        JsonNode v = params.get(key);
        return v == null || v.isNull() ? null : PodFiles.underRoot(podRoot, v.asText());
    }

    private static TrustManager[] trustManagers(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certificates(caFile)) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> chain = certificates(certFile);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", privateKey(keyFile), NO_PASSWORD, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, NO_PASSWORD);
        return kmf.getKeyManagers();
    }

    private static Collection<? extends Certificate> certificates(Path pemFile)
            throws IOException, GeneralSecurityException {
        byte[] pem = Files.readAllBytes(pemFile);
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem));
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + pemFile);
        }
        return certs;
    }

    /** A PKCS#8 {@code BEGIN PRIVATE KEY} file, read with the JDK alone. */
    private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException(keyFile + " is not a PKCS#8 PEM private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        GeneralSecurityException last = null;
        for (Iterator<String> it = KEY_ALGORITHMS.iterator(); it.hasNext();) {
            try {
                return KeyFactory.getInstance(it.next()).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key in " + keyFile, last);
    }

    /** {@code tls_insecure_skip_verify: true}: no chain and no hostname verification. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
