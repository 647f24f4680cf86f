package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoJson;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers to build JSON trees in Go field order. */
final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr() {
        return F.arrayNode();
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = arr();
        values.forEach(a::add);
        return a;
    }

    static ArrayNode of(JsonNode... nodes) {
        ArrayNode a = arr();
        for (JsonNode n : nodes) {
            a.add(n);
        }
        return a;
    }

    /** A Go {@code map[string]string}: keys in Go's map order. */
    static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode o = obj();
        Map<String, String> sorted = new TreeMap<>(GoJson.MAP_KEY_ORDER);
        sorted.putAll(map);
        sorted.forEach(o::put);
        return o;
    }

    /** {@code {name, value}} env var. */
    static ObjectNode env(String name, String value) {
        ObjectNode o = obj();
        o.put("name", name);
        o.put("value", value);
        return o;
    }

    /** {@code {name, valueFrom: {secretKeyRef: {name?, key}}}} env var (empty secret name omitted, as Go does). */
    static ObjectNode secretEnv(String name, String secret, String key) {
        ObjectNode ref = obj();
        if (!secret.isEmpty()) {
            ref.put("name", secret);
        }
        ref.put("key", key);
        ObjectNode o = obj();
        o.put("name", name);
        o.set("valueFrom", obj().set("secretKeyRef", ref));
        return o;
    }

    static ObjectNode mount(String name, String path, boolean readOnly) {
        ObjectNode o = obj();
        o.put("name", name);
        if (readOnly) {
            o.put("readOnly", true);
        }
        o.put("mountPath", path);
        return o;
    }

    /** {@code {name, secret: {secretName, defaultMode?}}}. */
    static ObjectNode secretVolume(String name, String secretName, Integer defaultMode) {
        ObjectNode s = obj();
        s.put("secretName", secretName);
        if (defaultMode != null) {
            s.put("defaultMode", defaultMode);
        }
        ObjectNode o = obj();
        o.put("name", name);
        o.set("secret", s);
        return o;
    }
}
