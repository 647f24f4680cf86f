package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kagentmaven.core.go.GoShape;
import dev.kagentmaven.core.model.Node;

/**
 * Kubernetes fragments copied from the Agent spec (env, volumes, extra containers, …): normalised
 * as kagent's Go decoder/encoder would (agent-manifests.md §9.1), with unknown fields reported as
 * warnings and wrong types as errors at their input location. References inside are never resolved.
 */
final class PassThrough {
    private PassThrough() {
    }

    /** {@code node} decoded as Go type {@code goType} (e.g. {@code []v1.EnvVar}); null when absent. */
    static JsonNode of(Node node, String goType) {
        if (!node.present()) {
            return null;
        }
        return GoShape.kubernetes().normalize(goType, node.json(), new GoShape.Problems() {
            @Override
            public void unknownField(String path, String field) {
                node.problems().warning("unknown-field", "unknown field \"" + field + "\" is ignored (kagent drops it)",
                        node.document().origin(node.path() + path + "/" + field));
            }

            @Override
            public void invalid(String path, String message) {
                node.problems().error("type", message, node.document().origin(node.path() + path));
            }
        });
    }
}
