package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.go.GoJson;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opt-in rendering of every MCPServer's own workload as kmcp v0.3.0 would (mcpserver.md §3): one
 * manifest per MCPServer in the inputs, {@code <namespace>/mcpserver-<name>.yaml}, holding the
 * Deployment, Service, ConfigMap and (unless {@code deployment.serviceAccountName} is set)
 * ServiceAccount, in kmcp's order. Off by default: where the kmcp controller runs it owns (and
 * overwrites) these names.
 */
final class McpServerWorkloads {
    static final String ADAPTER_REPOSITORY = "ghcr.io/agentgateway/agentgateway";
    static final String DEFAULT_ADAPTER_VERSION = "0.9.0";
    /** kmcp's {@code ^[a-zA-Z0-9.\-]+$}, matched against the whole value. */
    private static final Pattern VERSION = Pattern.compile("[a-zA-Z0-9.\\-]+");

    private McpServerWorkloads() {
    }

    /** One manifest per MCPServer in the inputs (sorted by namespace, then name) when {@code renderMcpServers} is on. */
    static List<Draft> render(Context ctx) {
        if (!ctx.options.renderMcpServers()) {
            return List.of();
        }
        List<Node> servers = new ArrayList<>(ctx.index.all(Kind.MCP_SERVER));
        if (servers.isEmpty()) {
            return List.of();
        }
        servers.sort(Comparator.comparing(ObjectIndex::namespaceOf, GoJson.MAP_KEY_ORDER)
                .thenComparing(ObjectIndex::nameOf, GoJson.MAP_KEY_ORDER));
        String adapterImage = adapterImage(ctx);
        List<Draft> out = new ArrayList<>();
        for (Node server : servers) {
            try {
                Draft m = new McpServerWorkload(ctx, server, adapterImage).build();
                if (m != null) {
                    out.add(m);
                }
            } catch (TranslationException e) {
                ctx.problems.error(e.code(), e.getMessage(), e.origin());
            }
        }
        return out;
    }

    /**
     * kmcp's transport-adapter image: {@code TRANSPORT_ADAPTER_VERSION} (option {@code transportAdapterVersion})
     * when it is a valid version, else (with a warning, as kmcp logs one) the default.
     */
    static String adapterImage(Context ctx) {
        String version = ctx.options.transportAdapterVersion();
        String fallback = ADAPTER_REPOSITORY + ":" + DEFAULT_ADAPTER_VERSION + "-musl";
        if (version.isEmpty()) {
            return fallback;
        }
        if (!VERSION.matcher(version).matches()) {
            ctx.problems.warning("transport-adapter-version", "invalid transportAdapterVersion \"" + version
                    + "\" (only alphanumeric characters, dots, and hyphens are allowed); using kmcp's default"
                    + " transport adapter image " + fallback, Origin.NONE);
            return fallback;
        }
        return ADAPTER_REPOSITORY + ":" + version + "-musl";
    }
}
