package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.go.GoShape;
import dev.kagentmaven.core.io.Document;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;
import java.util.Set;

/**
 * Unknown fields and wrong value types of one recognised object, found by decoding it as its Go API
 * type ({@link GoShape}). Inside Kubernetes fragments of our kinds (a container, a volume, env, …),
 * findings are worded as {@link PassThrough} words them when it copies that fragment; everywhere else
 * type errors are worded as {@link Node#typeError} words them, and unknown fields name the object.
 */
final class InputCheckTypes {
    /**
     * Real {@code metav1.ObjectMeta} fields that the bundled meta facts leave out because the server sets
     * them ({@code kubectl get -o yaml} output carries them); they are not unknown.
     */
    private static final Set<String> SERVER_SET_METADATA = Set.of(
            "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink");

    private InputCheckTypes() {
    }

    /** The Go type an input kind is decoded into. */
    static String goType(Kind kind) {
        return switch (kind) {
            case AGENT -> "v1alpha2.Agent";
            case MODEL_CONFIG -> "v1alpha2.ModelConfig";
            case REMOTE_MCP_SERVER -> "v1alpha2.RemoteMCPServer";
            case MCP_SERVER -> "kmcp.MCPServer";
            case SECRET -> "v1.Secret";
            case CONFIG_MAP -> "v1.ConfigMap";
            case SERVICE -> "v1.Service";
            case NAMESPACE -> "v1.Namespace";
        };
    }

    static void check(Kind kind, Node obj, Problems problems) {
        Document doc = obj.document();
        String goType = goType(kind);
        boolean crd = !goType.startsWith("v1.");
        String key = ObjectIndex.namespaceOf(obj) + "/" + ObjectIndex.nameOf(obj);
        // only the findings matter here, not the normalized tree
        GoShape.kubernetes().check(goType, obj.json(), new GoShape.Problems() {
            @Override
            public void unknownField(String path, String field) {
                unknownField(path, field, false);
            }

            @Override
            public void unknownField(String path, String field, boolean inKubernetesType) {
                if (path.endsWith("/metadata") && SERVER_SET_METADATA.contains(field)) {
                    return;
                }
                Origin at = doc.origin(path + "/" + escape(field));
                if (crd && inKubernetesType) { // as PassThrough reports it when it copies the fragment
                    String name = InputChecks.plain(field) ? "\"" + field + "\"" : InputChecks.quote(field);
                    problems.warning("unknown-field", "unknown field " + name + " is ignored (kagent drops it)", at);
                } else {
                    String hint = GoShape.kubernetes().closestField(goType, path, field)
                            .map(f -> "; did you mean \"" + f + "\"?").orElse("");
                    String what = kind.kind() + " " + (InputChecks.plain(key) ? key : InputChecks.quote(key));
                    problems.warning("unknown-field", "unknown field " + InputChecks.quote(field) + " in " + what
                            + " (ignored, as the API server would prune it" + hint + ")", at);
                }
            }

            @Override
            public void invalid(String path, String message) {
                error(path, message);
            }

            @Override
            public void invalid(String path, String message, GoShape.Rejection rejection) {
                // Go's wording (as PassThrough reports it) quotes numbers only, never strings.
                error(path, crd && rejection.inKubernetesType() ? message : rejection.message(path));
            }

            private void error(String path, String message) {
                Node.reportTypeError(problems, message, doc.origin(path));
            }
        });
    }

    private static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
