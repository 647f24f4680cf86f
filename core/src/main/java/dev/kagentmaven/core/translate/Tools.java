package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoDuration;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.declarative.tools} → {@code http_tools}, {@code sse_tools}, {@code remote_agents},
 * RemoteMCPServer CA volumes and status hashes (agent-config.md §5.5).
 */
final class Tools {

    /** What the tools of one agent produce. */
    static final class Out {
        final ArrayNode httpTools = Json.arr();
        final ArrayNode sseTools = Json.arr();
        final ArrayNode remoteAgents = Json.arr();
        final ByteArrayOutputStream hash = new ByteArrayOutputStream();
    }

    /**
     * An MCP endpoint in kagent's internal RemoteMCPServer shape, whatever kind it came from.
     * {@code headersFrom}/{@code tls}/{@code status} are views on the RemoteMCPServer (absent for synthesized ones).
     */
    record Remote(String namespace, String url, String protocol, Long timeoutNanos, Long sseReadTimeoutNanos,
                  Boolean terminateOnClose, Node source, boolean isRemoteMcpServer, McpServerTls.Client tlsClient) {
    }

    private final Context ctx;
    private final ValueSources values;

    Tools(Context ctx) {
        this.ctx = ctx;
        this.values = new ValueSources(ctx);
    }

    /** Translates every tool in spec order; the first failing tool aborts (kagent returns its error). */
    void translate(Node agent, DeploymentData data, Out out) {
        String agentNs = ObjectIndex.namespaceOf(agent);
        for (Node tool : agent.obj("spec").obj("declarative").list("tools")) {
            Map<String, String> headers = values.headers(tool, "headersFrom", agentNs);
            Node mcp = tool.obj("mcpServer");
            Node agentRef = tool.obj("agent");
            if (mcp.present()) {
                mcpTool(agent, agentNs, mcp, headers, data, out);
            } else if (agentRef.present()) {
                agentTool(agent, agentNs, agentRef, tool, headers, out);
            } else {
                throw new TranslationException("tool", "tool must have a provider or tool server", tool.origin());
            }
        }
    }

    private void mcpTool(Node agent, String agentNs, Node mcp, Map<String, String> headers,
                         DeploymentData data, Out out) {
        String group = mcp.str("apiGroup");
        String kind = mcp.str("kind");
        String ns = mcp.str("namespace").isEmpty() ? agentNs : mcp.str("namespace");
        String name = mcp.str("name");
        String proxy = ctx.options.proxyUrl();
        boolean egress = false;
        Remote remote;
        if ((group.isEmpty() || group.equals("kagent.dev")) && (kind.isEmpty() || kind.equals("MCPServer"))
                && !(group.equals("kagent.dev") && kind.isEmpty())) {
            Node server = ctx.require(Kind.MCP_SERVER, ns, name, mcp);
            remote = new McpServerTls(ctx).convert(server, agentNs, mcp);
            if (remote.tlsClient() != null && remote.tlsClient().tlsPresent()) {
                proxy = "";
            }
        } else if ((group.isEmpty() || group.equals("kagent.dev")) && kind.equals("RemoteMCPServer")) {
            Node rms = ctx.require(Kind.REMOTE_MCP_SERVER, ns, name, mcp);
            remote = fromRemoteMcpServer(rms);
            if (!proxy.isEmpty() && ProxyRouting.isInternal(remote.url(), ctx.index.namespaces())) {
                egress = false;
            } else {
                proxy = "";
                egress = ctx.options.mcpEgressPlaintext();
            }
        } else if ((group.isEmpty() || group.equals("core")) && kind.equals("Service")) {
            Node svc = ctx.require(Kind.SERVICE, ns, name, mcp);
            remote = ServiceTool.convert(svc);
        } else {
            String gk = group.isEmpty() ? kind : kind + "." + group;
            throw new TranslationException("tool", "unknown tool server type: " + gk, mcp.origin("kind"));
        }
        emit(remote, mcp, headers, proxy, egress, out);
        if (remote.isRemoteMcpServer()) {
            TlsPaths.addCaVolume(data, remote.source().obj("spec").obj("tls"));
            appendStatusHash(remote.source(), out);
        } else if (remote.tlsClient() != null) {
            remote.tlsClient().mount(data, agent);
        }
    }

    private Remote fromRemoteMcpServer(Node rms) {
        Node spec = rms.obj("spec");
        return new Remote(ObjectIndex.namespaceOf(rms), spec.str("url"), spec.str("protocol"),
                duration(spec, "timeout"), duration(spec, "sseReadTimeout"),
                spec.optBool("terminateOnClose").orElse(null), rms, true, null);
    }

    /** A Go metav1.Duration field; absent → null; invalid → error. */
    static Long duration(Node block, String field) {
        return block.optStr(field).map(s -> {
            try {
                return GoDuration.parseNanos(s);
            } catch (IllegalArgumentException e) {
                throw new TranslationException("duration", field + ": " + e.getMessage(), block.origin(field));
            }
        }).orElse(null);
    }

    private void emit(Remote remote, Node mcp, Map<String, String> agentHeaders, String proxy, boolean egress,
                      Out out) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (remote.isRemoteMcpServer()) {
            headers.putAll(values.headers(remote.source().obj("spec"), "headersFrom", remote.namespace()));
        }
        headers.putAll(agentHeaders);
        String url = remote.url();
        if (!proxy.isEmpty()) {
            try {
                url = ProxyRouting.apply(url, proxy, headers);
            } catch (IllegalArgumentException e) {
                throw new TranslationException("url", e.getMessage(), mcp.origin());
            }
        } else if (egress) {
            url = EgressPlaintext.rewrite(url, remote.source().obj("spec").obj("tls").present());
        }
        boolean sse = "SSE".equals(remote.protocol());
        ObjectNode params = Json.obj();
        params.put("url", url);
        params.set("headers", Json.stringMap(headers));
        if (remote.timeoutNanos() != null) {
            params.put("timeout", GoDuration.seconds(remote.timeoutNanos()));
        }
        if (remote.sseReadTimeoutNanos() != null) {
            params.put("sse_read_timeout", GoDuration.seconds(remote.sseReadTimeoutNanos()));
        }
        if (!sse && remote.terminateOnClose() != null) {
            params.put("terminate_on_close", remote.terminateOnClose());
        }
        if (remote.isRemoteMcpServer()) {
            TlsPaths.putFields(params, remote.source().obj("spec").obj("tls"));
        } else if (remote.tlsClient() != null) {
            remote.tlsClient().putFields(params);
        }
        ObjectNode entry = Json.obj();
        entry.set("params", params);
        putList(entry, "tools", mcp.strList("toolNames"));
        putList(entry, "allowed_headers", mcp.strList("allowedHeaders"));
        putList(entry, "require_approval", mcp.strList("requireApproval"));
        (sse ? out.sseTools : out.httpTools).add(entry);
    }

    private static void putList(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            o.set(key, Json.strings(values));
        }
    }

    private static void appendStatusHash(Node rms, Out out) {
        String hex = rms.obj("status").str("secretHash");
        if (hex.isEmpty()) {
            return;
        }
        try {
            out.hash.writeBytes(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            // kagent ignores a malformed RemoteMCPServer status hash
        }
    }

    private void agentTool(Node agent, String agentNs, Node ref, Node tool, Map<String, String> headers, Out out) {
        Node target = AgentRefs.fetch(ctx, ref, agentNs);
        String targetNs = ObjectIndex.namespaceOf(target);
        String targetName = ObjectIndex.nameOf(target);
        if (targetNs.equals(agentNs) && targetName.equals(ObjectIndex.nameOf(agent))) {
            throw new TranslationException("agent-tool", "agent tool cannot be used to reference itself, "
                    + targetNs + "/" + targetName, ref.origin());
        }
        String type = target.obj("spec").str("type");
        if (!type.equals("BYO") && !type.equals("Declarative")) {
            throw new TranslationException("agent-type", "unknown agent type: " + type, ref.origin());
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        String url = "http://" + targetName + "." + targetNs + ":8080";
        if (!ctx.options.proxyUrl().isEmpty()) {
            try {
                url = ProxyRouting.apply(url, ctx.options.proxyUrl(), h);
            } catch (IllegalArgumentException e) {
                throw new TranslationException("url", e.getMessage(), ref.origin());
            }
        }
        ObjectNode entry = Json.obj();
        entry.put("name", (targetNs + "/" + targetName).replace("-", "_").replace("/", "__NS__"));
        entry.put("url", url);
        if (!h.isEmpty()) {
            entry.set("headers", Json.stringMap(h));
        }
        String description = target.obj("spec").str("description");
        if (!description.isEmpty()) {
            entry.put("description", description);
        }
        if (tool.bool("isolateSessions")) {
            entry.put("isolate_sessions", true);
        }
        out.remoteAgents.add(entry);
    }
}
