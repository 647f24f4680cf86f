package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoJson;
import dev.kagentmaven.core.go.GoShape;
import dev.kagentmaven.core.io.ManifestYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * render step: fabric8 objects → Go-shaped trees (Kubernetes' own emission rules) → canonical YAML.
 * Key order: {@code apiVersion}, {@code kind}, {@code metadata}, then every other key sorted by
 * code point, at every level; list order is kept. No {@code status}.
 */
public final class Render {
    private static final List<String> HEADER = List.of("apiVersion", "kind", "metadata");

    private Render() {
    }

    public static String yaml(List<HasMetadata> objects) {
        List<JsonNode> docs = new ArrayList<>();
        for (HasMetadata o : objects) {
            docs.add(canonical(o));
        }
        return ManifestYaml.write(docs);
    }

    /** One object as its canonical tree. */
    static JsonNode canonical(HasMetadata object) {
        JsonNode tree = Kube.toTree(object);
        JsonNode shaped = GoShape.kubernetes().normalize(Kube.goType(object.getApiVersion(), object.getKind()), tree,
                new GoShape.Problems() {
                    @Override
                    public void unknownField(String path, String field) {
                        throw new IllegalStateException("internal error: unexpected field " + path + "/" + field);
                    }

                    @Override
                    public void invalid(String path, String message) {
                        throw new IllegalStateException("internal error: " + path + ": " + message);
                    }
                });
        ObjectNode top = Json.obj();
        for (String k : HEADER) {
            if (shaped.has(k)) {
                top.set(k, sorted(shaped.get(k)));
            }
        }
        Map<String, JsonNode> rest = new TreeMap<>(GoJson.MAP_KEY_ORDER);
        shaped.fields().forEachRemaining(e -> {
            if (!HEADER.contains(e.getKey()) && !e.getKey().equals("status")) {
                rest.put(e.getKey(), e.getValue());
            }
        });
        rest.forEach((k, v) -> top.set(k, sorted(v)));
        return top;
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonNode> m = new TreeMap<>(GoJson.MAP_KEY_ORDER);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode o = Json.obj();
            m.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Json.arr();
            n.forEach(x -> a.add(sorted(x)));
            return a;
        }
        return n;
    }
}
