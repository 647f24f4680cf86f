package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.ArrayList;
import java.util.List;

/** Agent-type tool references: lookup and kagent's validateAgent walk (agent-config.md §5.1). */
final class AgentRefs {
    static final int MAX_DEPTH = 10;

    private AgentRefs() {
    }

    /** Fetches the agent a TypedReference points at ({@code kind} "" or Agent; SandboxAgent is not supported at build time). */
    static Node fetch(Context ctx, Node ref, String defaultNs) {
        String kind = ref.str("kind");
        String ns = ref.str("namespace").isEmpty() ? defaultNs : ref.str("namespace");
        String name = ref.str("name");
        if (!kind.isEmpty() && !kind.equals("Agent")) {
            String why = kind.equals("SandboxAgent") ? " (SandboxAgent references are not supported at build time)" : "";
            throw new TranslationException("agent-tool", "unsupported agent tool kind \"" + kind + "\" for agent "
                    + ns + "/" + name + why, ref.origin("kind"));
        }
        return ctx.require(Kind.AGENT, ns, name, ref);
    }

    /** kagent's validateAgent: cycles, depth > 10 and self references among {@code type: Agent} tools. */
    static void validate(Context ctx, Node agent) {
        walk(ctx, agent, 0, new ArrayList<>());
    }

    private static void walk(Context ctx, Node agent, int depth, List<String> visited) {
        String ref = ObjectIndex.namespaceOf(agent) + "/" + ObjectIndex.nameOf(agent);
        if (visited.contains(ref)) {
            throw new TranslationException("agent-cycle", "cycle detected in agent tool chain: " + ref + " -> " + ref,
                    agent.origin());
        }
        if (depth > MAX_DEPTH) {
            throw new TranslationException("agent-depth", "recursion limit reached in agent tool chain: " + ref
                    + " -> " + ref, agent.origin());
        }
        Node spec = agent.obj("spec");
        if (!spec.str("type").equals("Declarative") || !spec.obj("declarative").present()) {
            return;
        }
        for (Node tool : spec.obj("declarative").list("tools")) {
            if (!tool.str("type").equals("Agent")) {
                continue;
            }
            Node target = tool.obj("agent");
            if (!target.present()) {
                throw new TranslationException("agent-tool", "tool must have an agent reference", tool.origin());
            }
            Node toolAgent = fetch(ctx, target, ObjectIndex.namespaceOf(agent));
            String toolRef = ObjectIndex.namespaceOf(toolAgent) + "/" + ObjectIndex.nameOf(toolAgent);
            if (toolRef.equals(ref)) {
                throw new TranslationException("agent-tool", "agent tool cannot be used to reference itself, "
                        + toolRef, target.origin());
            }
            List<String> next = new ArrayList<>(visited);
            next.add(ref);
            walk(ctx, toolAgent, depth + 1, next);
        }
    }
}
