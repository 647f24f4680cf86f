package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Resolution of kagent ValueSource / ValueRef (systemMessageFrom, headersFrom), agent-config.md §5.3, §5.5. */
final class ValueSources {
    private final Context ctx;

    ValueSources(Context ctx) {
        this.ctx = ctx;
    }

    /** {@code {type: ConfigMap|Secret, name, key}} resolved in {@code namespace}. */
    String resolve(Node source, String namespace) {
        String type = source.str("type");
        String name = source.str("name");
        String key = source.str("key");
        String ref = namespace + "/" + name;
        switch (type) {
            case "ConfigMap": {
                Optional<Node> cm = ctx.find(Kind.CONFIG_MAP, namespace, name);
                if (cm.isEmpty()) {
                    throw fail("failed to find ConfigMap for " + ref + ": configmaps \"" + name + "\" not found", source);
                }
                Map<String, String> data = cm.get().strMap("data");
                if (!data.containsKey(key)) {
                    throw fail("key " + key + " not found in ConfigMap " + ref, source);
                }
                return data.get(key);
            }
            case "Secret": {
                Optional<Node> s = ctx.find(Kind.SECRET, namespace, name);
                if (s.isEmpty()) {
                    throw fail("failed to find Secret " + ref + ": secrets \"" + name + "\" not found", source);
                }
                Map<String, String> data = Secrets.data(s.get());
                if (!data.containsKey(key)) {
                    throw fail("key " + key + " not found in Secret " + ref, source);
                }
                return data.get(key);
            }
            default:
                throw fail("unknown value source type: " + type, source);
        }
    }

    /** A list of ValueRefs ({@code headersFrom}) → header map; later entries win. */
    Map<String, String> headers(Node owner, String field, String namespace) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node h : owner.list(field)) {
            String name = h.str("name");
            String value = h.str("value");
            if (!value.isEmpty()) {
                out.put(name, value);
            } else if (h.obj("valueFrom").present()) {
                try {
                    out.put(name, resolve(h.obj("valueFrom"), namespace));
                } catch (TranslationException e) {
                    throw e.wrap("failed to resolve header: failed to resolve value for ref " + name);
                }
            } else {
                out.put(name, "");
            }
        }
        return out;
    }

    private static TranslationException fail(String message, Node at) {
        return new TranslationException("value-source", message, at.origin());
    }
}
