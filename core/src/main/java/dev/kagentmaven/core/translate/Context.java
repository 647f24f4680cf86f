package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;
import java.util.Optional;

/** Per-run state shared by the translation rules: options, the input index, the diagnostics. */
final class Context {
    final Options options;
    final ObjectIndex index;
    final Problems problems;

    Context(Options options, ObjectIndex index, Problems problems) {
        this.options = options;
        this.index = index;
        this.problems = problems;
    }

    /** Kubernetes-style lookup; missing → kagent's NotFound message, located at {@code ref}. */
    Node require(Kind kind, String namespace, String name, Node ref) {
        Optional<Node> found = index.get(kind, namespace, name);
        if (found.isEmpty()) {
            throw notFound(kind, namespace, name, ref);
        }
        return found.get();
    }

    Optional<Node> find(Kind kind, String namespace, String name) {
        return index.get(kind, namespace, name);
    }

    static TranslationException notFound(Kind kind, String namespace, String name, Node ref) {
        return new TranslationException("not-found", resource(kind) + " \"" + name + "\" not found"
                + " (no " + kind.kind() + " " + namespace + "/" + name + " among the inputs)", ref.origin());
    }

    /** The Kubernetes resource name used in NotFound errors. */
    static String resource(Kind kind) {
        return switch (kind) {
            case AGENT -> "agents.kagent.dev";
            case MODEL_CONFIG -> "modelconfigs.kagent.dev";
            case REMOTE_MCP_SERVER -> "remotemcpservers.kagent.dev";
            case MCP_SERVER -> "mcpservers.kagent.dev";
            case SECRET -> "secrets";
            case CONFIG_MAP -> "configmaps";
            case SERVICE -> "services";
            case NAMESPACE -> "namespaces";
        };
    }
}
