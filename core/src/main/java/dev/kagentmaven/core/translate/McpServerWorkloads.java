package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Manifest;
import java.util.List;

/**
 * Opt-in rendering of every MCPServer's own workload as kmcp v0.3.0 would (mcpserver.md §3).
 * Extension point: implemented by the kmcp-rendering work (issue 8).
 */
final class McpServerWorkloads {
    private McpServerWorkloads() {
    }

    /** One manifest per MCPServer in the inputs (sorted by namespace/name) when {@code renderMcpServers} is on. */
    static List<Manifest> render(Context ctx) {
        return List.of();
    }
}
