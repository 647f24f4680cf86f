package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoJson;
import dev.kagentmaven.core.go.GoShape;
import dev.kagentmaven.core.io.ManifestYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * render step: the translator's JSON trees (or a caller's fabric8 objects) → Go-shaped trees
 * (Kubernetes' own emission rules) → canonical YAML.
 * Key order: {@code apiVersion}, {@code kind}, {@code metadata}, then every other key sorted by
 * code point, at every level; list order is kept. No {@code status}.
 *
 * <p>{@link Pipeline} converts every emitted object once: the same tree is validated and written
 * into the {@link dev.kagentmaven.core.Manifest}'s text.
 */
public final class Render {
    private static final GoShape.Problems INTERNAL = new GoShape.Problems() {
        @Override
        public void unknownField(String path, String field) {
            throw new IllegalStateException("internal error: unexpected field " + path + "/" + field);
        }

        @Override
        public void invalid(String path, String message) {
            throw new IllegalStateException("internal error: " + path + ": " + message);
        }
    };

    private Render() {
    }

    /** The canonical YAML text of the objects as they are now. */
    public static String yaml(List<HasMetadata> objects) {
        List<JsonNode> trees = new ArrayList<>(objects.size());
        for (HasMetadata o : objects) {
            trees.add(canonical(o));
        }
        return text(trees);
    }

    /** The YAML text of canonical trees (as made by {@link #canonical}), one document each. */
    static String text(List<JsonNode> trees) {
        StringBuilder out = new StringBuilder(trees.size() * 1024);
        for (int i = 0; i < trees.size(); i++) {
            String doc = ManifestYaml.document(trees.get(i), true);
            if (i == trees.size() - 1 && ManifestYaml.endsWithBlankLine(doc)) {
                // a "|+" scalar would end the stream with blank lines: ManifestYaml.write's rule
                doc = ManifestYaml.document(trees.get(i), false);
            }
            out.append(doc);
        }
        return out.toString();
    }

    /** One object as its canonical tree (a fresh tree each call): fabric8 object → JSON → Go shape → canonical key order. */
    static JsonNode canonical(HasMetadata object) {
        return canonical(object.getApiVersion(), object.getKind(), Kube.toTree(object));
    }

    /**
     * One object built by the translator (its Go-shaped JSON) as its canonical tree: Go's emission
     * rules, then canonical key order. The result is a fresh tree; {@code tree} may share nodes with it
     * and must not be used afterwards.
     */
    static JsonNode canonical(JsonNode tree) {
        return canonical(tree.path("apiVersion").asText(""), tree.path("kind").asText(""), tree);
    }

    private static JsonNode canonical(String apiVersion, String kind, JsonNode tree) {
        return ordered(GoShape.kubernetes().normalize(Kube.goType(apiVersion, kind), tree, INTERNAL));
    }

    /**
     * The fabric8 objects of a canonical YAML text (as {@link #text} renders it), in document order:
     * how a translator {@link dev.kagentmaven.core.Manifest} gets its objects when they are asked for.
     */
    public static List<HasMetadata> objects(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (JsonNode doc : Kube.readYaml(yaml)) {
            out.add(Kube.toModel(doc));
        }
        return out;
    }

    /** A Go-shaped tree in canonical key order: apiVersion, kind, metadata, then the rest sorted; no status. */
    private static JsonNode ordered(JsonNode shaped) {
        ObjectNode top = Json.obj();
        for (String k : new String[] {"apiVersion", "kind", "metadata"}) {
            JsonNode v = shaped.get(k);
            if (v != null) {
                top.set(k, sorted(v));
            }
        }
        List<Map.Entry<String, JsonNode>> rest = new ArrayList<>(shaped.size());
        for (Map.Entry<String, JsonNode> e : shaped.properties()) {
            String k = e.getKey();
            if (!k.equals("apiVersion") && !k.equals("kind") && !k.equals("metadata") && !k.equals("status")) {
                rest.add(e);
            }
        }
        rest.sort(Map.Entry.comparingByKey(GoJson.MAP_KEY_ORDER));
        for (Map.Entry<String, JsonNode> e : rest) {
            top.set(e.getKey(), sorted(e.getValue()));
        }
        return top;
    }

    /**
     * {@code n} with the keys of every object sorted by code point. The normalised tree is a fresh
     * copy that nobody else holds, so its containers are reordered in place.
     */
    private static JsonNode sorted(JsonNode n) {
        if (n instanceof ObjectNode o) {
            int size = o.size();
            if (size == 0) {
                return o;
            }
            String[] keys = new String[size];
            JsonNode[] values = new JsonNode[size];
            int i = 0;
            boolean inOrder = true;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                keys[i] = e.getKey();
                values[i] = sorted(e.getValue());
                if (i > 0 && GoJson.MAP_KEY_ORDER.compare(keys[i - 1], keys[i]) > 0) {
                    inOrder = false;
                }
                i++;
            }
            if (inOrder) {
                for (int j = 0; j < size; j++) {
                    o.replace(keys[j], values[j]);
                }
                return o;
            }
            Integer[] order = new Integer[size];
            for (int j = 0; j < size; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> GoJson.MAP_KEY_ORDER.compare(keys[a], keys[b]));
            ObjectNode out = Json.obj();
            for (Integer j : order) {
                out.set(keys[j], values[j]);
            }
            return out;
        }
        if (n instanceof ArrayNode a) {
            for (int j = 0; j < a.size(); j++) {
                JsonNode item = a.get(j);
                JsonNode s = sorted(item);
                if (s != item) {
                    a.set(j, s);
                }
            }
            return a;
        }
        return n;
    }
}
