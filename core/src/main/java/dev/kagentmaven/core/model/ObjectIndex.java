package dev.kagentmaven.core.model;

import dev.kagentmaven.core.go.GoStrings;
import dev.kagentmaven.core.io.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every recognised input object, addressable by kind, namespace and name — the build-time stand-in
 * for the controller's Kubernetes client. Duplicate objects are reported, the first one is kept.
 * Documents that look like a mistyped kind of ours, or that are not Kubernetes objects at all, are
 * reported as warnings: nothing is ignored silently.
 */
public final class ObjectIndex {
    /** Namespace assumed for objects without {@code metadata.namespace} (kubectl's default context). */
    public static final String DEFAULT_NAMESPACE = "default";

    /** One recognised input object (also duplicates and objects without a name, which are not indexed). */
    public record Recognised(Kind kind, Node object) {}

    private final Map<Kind, Map<String, Node>> byKind = new EnumMap<>(Kind.class);
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final List<Recognised> recognised = new ArrayList<>();

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
            unrecognised(obj, apiVersion, kindName);
            return;
        }
        recognised.add(new Recognised(kind, obj));
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

    /** Warns about documents that are probably meant as one of our kinds, or that are no Kubernetes object. */
    private static void unrecognised(Node obj, String apiVersion, String kindName) {
        if (Kind.isOurKindWithOtherVersion(apiVersion, kindName)) {
            obj.warning("unsupported-version", kindName + " with apiVersion \"" + apiVersion
                    + "\" is not read (expected " + expectedVersion(kindName) + ")");
            return;
        }
        if (!obj.has("apiVersion") || !obj.has("kind")) {
            obj.warning("not-an-object", "the document has no " + (obj.has("apiVersion") ? "kind" : "apiVersion")
                    + ", so it is not a Kubernetes object; it is ignored");
            return;
        }
        Kind near = nearMiss(apiVersion, kindName);
        if (near != null) {
            obj.child("kind").warning("unknown-kind", "kind " + quote(kindName) + " is not read (did you mean "
                    + near.kind() + " with apiVersion " + near.apiVersion() + "?); the document is ignored");
        }
    }

    /** One of our kinds whose name differs from {@code kindName} by case or by at most two edits. */
    private static Kind nearMiss(String apiVersion, String kindName) {
        if (kindName.length() > 64) {
            return null;
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        for (Kind k : Kind.values()) {
            String kGroup = k.apiVersion().contains("/") ? k.apiVersion().substring(0, k.apiVersion().indexOf('/')) : "";
            if (!kGroup.equals(group) || k.apiVersion().equals(apiVersion) && k.kind().equals(kindName)) {
                continue;
            }
            if (k.kind().equalsIgnoreCase(kindName)
                    || !group.isEmpty() && GoStrings.editDistance(k.kind().toLowerCase(Locale.ROOT), kindName.toLowerCase(Locale.ROOT)) <= 2) {
                return k;
            }
        }
        return null;
    }

    /** A name for a message: quoted, control characters escaped, at most 80 characters. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(s.codePointCount(0, s.length()) > 80 ? "...\"" : "\"").toString();
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

    /**
     * Every object of a recognised kind and apiVersion in input order, including duplicates and objects
     * without a name (which {@link #get} and {@link #all} do not return): what the input checks look at.
     */
    public List<Recognised> recognised() {
        return Collections.unmodifiableList(recognised);
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
