package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Options.TlsClientSecretCa;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * kmcp MCPServer tool → internal RemoteMCPServer: kagent parity without {@code httpTransport.tls}
 * (mcpserver.md §4.2), and the MCPServer TLS/mTLS design with it (mcpserver.md §7).
 */
final class McpServerTls {
    static final String CLIENT_PREFIX = "tls-client-";
    static final String CLIENT_MOUNT_ROOT = "/etc/ssl/client";
    static final long DEFAULT_TIMEOUT_NANOS = 30_000_000_000L;
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    /**
     * The client side of a TLS MCPServer: what goes into params and onto the agent pod.
     * {@code at} is the agent's tool reference (where E7 and internal errors point).
     */
    record Client(boolean tlsPresent, boolean nonEmpty, boolean insecure, String secret, String id,
                  boolean caPath, String ref, Origin at) {

        /** §7.4: tls_* keys, in Go order, after url/headers/timeout; only ever on an https URL (§7.7). */
        void putFields(ObjectNode params) {
            if (!nonEmpty) {
                return;
            }
            if (!params.path("url").asText().startsWith("https://")) {
                throw new TranslationException("internal", "internal error: TLS parameters on a non-https URL for"
                        + " MCPServer " + ref, at);
            }
            params.put("tls_insecure_skip_verify", insecure);
            if (!secret.isEmpty()) {
                String dir = CLIENT_MOUNT_ROOT + "/" + id;
                if (caPath) {
                    params.put("tls_ca_cert_path", dir + "/ca.crt");
                }
                params.put("tls_client_cert_path", dir + "/tls.crt");
                params.put("tls_client_key_path", dir + "/tls.key");
            }
        }

        /** §7.3: one read-only volume per Secret on the agent pod; E7 on a name collision. */
        void mount(DeploymentData data, Node agent) {
            if (secret.isEmpty()) {
                return;
            }
            String volume = CLIENT_PREFIX + id;
            for (ObjectNode v : data.volumes) {
                if (v.path("name").asText().equals(volume)) {
                    if (v.path("secret").path("secretName").asText().equals(secret)) {
                        return;
                    }
                    throw collision(volume, at);
                }
            }
            for (Node v : DeploymentSpecs.of(agent).list("volumes")) {
                if (v.str("name").equals(volume)) {
                    throw collision(volume, v.origin());
                }
            }
            data.volumes.add(Json.secretVolume(volume, secret, TlsPaths.READ_ONLY_MODE));
            data.mounts.add(Json.mount(volume, CLIENT_MOUNT_ROOT + "/" + id, true));
        }

        private TranslationException collision(String volume, Origin where) {
            return new TranslationException("E7", "volume name \"" + volume + "\" for client certificate Secret \""
                    + secret + "\" of MCPServer " + ref + " collides with an existing volume", where);
        }
    }

    private final Context ctx;

    McpServerTls(Context ctx) {
        this.ctx = ctx;
    }

    /** Converts {@code server} (referenced at {@code toolRef} by an agent in {@code agentNs}). */
    Tools.Remote convert(Node server, String agentNs, Node toolRef) {
        Node spec = server.obj("spec");
        String name = ObjectIndex.nameOf(server);
        String ns = ObjectIndex.namespaceOf(server);
        long port = spec.obj("deployment").integer("port");
        if (port == 0) {
            throw new TranslationException("mcp-port", "cannot determine port for MCP server " + name,
                    spec.obj("deployment").origin());
        }
        if (port < 0 || port > 65535) {
            throw new TranslationException("mcp-port", "MCPServer " + ns + "/" + name
                    + ": spec.deployment.port " + port + " is not a valid port (1-65535)",
                    spec.obj("deployment").origin("port"));
        }
        Long timeout = Tools.duration(spec, "timeout");
        long timeoutNanos = timeout == null ? DEFAULT_TIMEOUT_NANOS : timeout;
        Node http = spec.obj("httpTransport");
        Node tls = http.obj("tls");
        if (!tls.present()) {
            return new Tools.Remote(ns, "http://" + name + "." + ns + ":" + port + "/mcp", "STREAMABLE_HTTP",
                    timeoutNanos, null, null, server, false, null);
        }
        Client client = client(server, agentNs, port, toolRef);
        String url = "https://" + name + "." + ns + ":" + port + path(server);
        return new Tools.Remote(ns, url, "STREAMABLE_HTTP", timeoutNanos, null, null, server, false, client);
    }

    private Client client(Node server, String agentNs, long port, Node toolRef) {
        Node spec = server.obj("spec");
        Node tls = spec.obj("httpTransport").obj("tls");
        String ns = ObjectIndex.namespaceOf(server);
        String ref = ns + "/" + ObjectIndex.nameOf(server);
        String transport = spec.str("transportType");
        if (!transport.equals("http")) {
            throw new TranslationException("E1", "MCPServer " + ref + ": spec.httpTransport.tls is only supported"
                    + " with spec.transportType \"http\" (got \"" + transport + "\")", tls.origin());
        }
        Optional<String> secretRef = tls.optStr("secretRef");
        String secret = secretRef.orElse("");
        if (secretRef.isPresent() && secret.isBlank()) {
            throw new TranslationException("E2", "MCPServer " + ref + ": spec.httpTransport.tls.secretRef is empty;"
                    + " omit the field for TLS without a client certificate, or name a Secret that holds tls.crt"
                    + " and tls.key", tls.origin("secretRef"));
        }
        if (!secret.isEmpty() && (secret.length() > 253 || !DNS1123_SUBDOMAIN.matcher(secret).matches())) {
            throw new TranslationException("E3", "MCPServer " + ref + ": spec.httpTransport.tls.secretRef \""
                    + secret + "\" is not a valid Secret name", tls.origin("secretRef"));
        }
        boolean insecure = tls.bool("insecureSkipVerify");
        boolean nonEmpty = !secret.isEmpty() || insecure;
        if (!secret.isEmpty() && !ns.equals(agentNs)) {
            throw new TranslationException("E5", "MCPServer " + ref + " has spec.httpTransport.tls.secretRef and"
                    + " cannot be used across namespaces (agent namespace " + agentNs + "): the client certificate"
                    + " Secret is mounted from the agent's namespace", tls.origin("secretRef"));
        }
        path(server);
        boolean ca = !secret.isEmpty() && caPath(server, ref, secret);
        warnings(server, ref, secret, insecure, ca, port);
        String id = secret.isEmpty() ? "" : TlsPaths.id(CLIENT_PREFIX, secret);
        return new Client(true, nonEmpty, insecure, secret, id, ca, ref, toolRef.origin());
    }

    /** §7.2 path rules (E6). */
    private static String path(Node server) {
        Node http = server.obj("spec").obj("httpTransport");
        String p = http.str("path");
        if (p.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#')) {
            String ref = ObjectIndex.namespaceOf(server) + "/" + ObjectIndex.nameOf(server);
            throw new TranslationException("E6", "MCPServer " + ref + ": spec.httpTransport.path \"" + p
                    + "\" must not contain whitespace, '?' or '#'", http.origin("path"));
        }
        if (p.isEmpty()) {
            return "/mcp";
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** §7.6: Secret present → keys checked (E4), CA from {@code ca.crt}; absent → W1 or E8. */
    private boolean caPath(Node server, String ref, String secret) {
        String ns = ObjectIndex.namespaceOf(server);
        Node tls = server.obj("spec").obj("httpTransport").obj("tls");
        Optional<Node> found = ctx.find(Kind.SECRET, ns, secret);
        TlsClientSecretCa policy = ctx.options.tlsClientSecretCa();
        if (found.isEmpty()) {
            if (ctx.options.failOnMissingTlsSecret()) {
                throw new TranslationException("E8", "Secret " + ns + "/" + secret + " (spec.httpTransport.tls.secretRef"
                        + " of MCPServer " + ref + ") was not found among the inputs", tls.origin("secretRef"));
            }
            tls.child("secretRef").warning("W1", "Secret " + ns + "/" + secret + " for MCPServer " + ref
                    + " is not among the inputs; assuming it holds tls.crt and tls.key; ca.crt is "
                    + (policy == TlsClientSecretCa.ALWAYS ? "assumed present (tlsClientSecretCa=always)"
                    : "not used (server verified against system CAs)"));
            return policy == TlsClientSecretCa.ALWAYS;
        }
        Map<String, String> data = Secrets.data(found.get());
        List<String> missing = new ArrayList<>();
        for (String k : List.of("tls.crt", "tls.key")) {
            if (data.getOrDefault(k, "").isEmpty()) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new TranslationException("E4", "Secret " + ns + "/" + secret + " (spec.httpTransport.tls.secretRef"
                    + " of MCPServer " + ref + ") is missing required key(s): " + String.join(", ", missing),
                    found.get().origin());
        }
        return switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !data.getOrDefault("ca.crt", "").isEmpty();
        };
    }

    private void warnings(Node server, String ref, String secret, boolean insecure, boolean ca, long port) {
        Node spec = server.obj("spec");
        Node http = spec.obj("httpTransport");
        Node tls = http.obj("tls");
        String name = ObjectIndex.nameOf(server);
        String ns = ObjectIndex.namespaceOf(server);
        if (secret.isEmpty() && !insecure) {
            tls.warning("W2", "MCPServer " + ref + ": TLS without client certificate or CA; the server certificate"
                    + " for " + name + "." + ns + " must be trusted by the agent image's system CAs");
        }
        if (insecure) {
            tls.warning("W3", "certificate verification disabled for MCPServer " + ref + " (development only)"
                    + (ca ? "; ca.crt is ignored" : ""));
        }
        if (!ctx.options.proxyUrl().isEmpty()) {
            tls.warning("W4", "MCPServer " + ref + " uses TLS; bypassing the global proxy " + ctx.options.proxyUrl());
        }
        long target = http.integer("targetPort");
        if (http.has("targetPort") && target != port) {
            http.child("targetPort").warning("W5", "MCPServer " + ref + ": targetPort " + target
                    + " is not used: the Service targets deployment.port " + port);
        }
        if (spec.obj("deployment").list("volumes").isEmpty()) {
            tls.warning("W6", "MCPServer " + ref + ": no volumes; the server certificate must come from the image");
        }
    }
}
