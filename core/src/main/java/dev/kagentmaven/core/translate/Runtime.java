package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.Node;

/** The effective ADK runtime: {@code spec.declarative.runtime}, defaulting to python (agent-manifests.md §1.2). */
final class Runtime {
    private Runtime() {
    }

    static String of(Node agent) {
        String r = agent.obj("spec").obj("declarative").str("runtime");
        return r.isEmpty() ? "python" : r;
    }

    static boolean isGo(Node agent) {
        return of(agent).equals("go");
    }
}
