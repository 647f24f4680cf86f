package dev.kagentmaven.core.model;

import dev.kagentmaven.core.io.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every recognised input object, addressable by kind, namespace and name — the build-time stand-in
 * for the controller's Kubernetes client. Duplicate objects are reported, the first one is kept.
 */
public final class ObjectIndex {
    /** Namespace assumed for objects without {@code metadata.namespace} (kubectl's default context). */
    public static final String DEFAULT_NAMESPACE = "default";

    private final Map<Kind, Map<String, Node>> byKind = new EnumMap<>(Kind.class);
    private final Set<String> namespaces = new LinkedHashSet<>();

    private ObjectIndex() {
    }

    /** Indexes the documents (already in a deterministic order). */
    public static ObjectIndex build(List<Document> documents, Problems problems) {
        ObjectIndex index = new ObjectIndex();
        for (Document d : documents) {
            index.add(Node.root(d, problems), problems);
        }
        return index;
    }

    private void add(Node obj, Problems problems) {
        String apiVersion = obj.str("apiVersion");
        String kindName = obj.str("kind");
        Kind kind = Kind.of(apiVersion, kindName);
        if (kind == null) {
            if (Kind.isOurKindWithOtherVersion(apiVersion, kindName)) {
                obj.warning("unsupported-version", kindName + " with apiVersion \"" + apiVersion
                        + "\" is not read (expected " + expectedVersion(kindName) + ")");
            }
            return;
        }
        Node meta = obj.obj("metadata");
        String name = meta.str("name");
        if (name.isEmpty()) {
            obj.error("missing-name", kindName + " has no metadata.name");
            return;
        }
        String ns = namespaceOf(obj);
        namespaces.add(ns);
        if (kind == Kind.NAMESPACE) {
            namespaces.add(name);
        }
        Map<String, Node> m = byKind.computeIfAbsent(kind, k -> new HashMap<>());
        String key = ns + "/" + name;
        Node first = m.putIfAbsent(key, obj);
        if (first != null) {
            obj.error("duplicate", "duplicate " + kindName + " " + key + " (first defined at "
                    + first.origin() + ")");
        }
    }

    private static String expectedVersion(String kindName) {
        for (Kind k : Kind.values()) {
            if (k.kind().equals(kindName)) {
                return k.apiVersion();
            }
        }
        return "?";
    }

    /** The object's namespace, or {@link #DEFAULT_NAMESPACE}. */
    public static String namespaceOf(Node obj) {
        String ns = obj.obj("metadata").str("namespace");
        return ns.isEmpty() ? DEFAULT_NAMESPACE : ns;
    }

    public static String nameOf(Node obj) {
        return obj.obj("metadata").str("name");
    }

    public Optional<Node> get(Kind kind, String namespace, String name) {
        return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(namespace + "/" + name));
    }

    /** All objects of a kind, sorted by namespace then name. */
    public List<Node> all(Kind kind) {
        return new ArrayList<>(new TreeMap<>(byKind.getOrDefault(kind, Map.of())).values());
    }

    /** Namespaces known to exist: every object's namespace and every Namespace object. */
    public Set<String> namespaces() {
        return Collections.unmodifiableSet(namespaces);
    }

    /** Records a namespace as existing (e.g. the second label of a RemoteMCPServer host, agent-config.md §5.6). */
    public void addNamespace(String ns) {
        namespaces.add(ns);
    }
}
