package dev.kagentmaven.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;

/**
 * The Kubernetes objects rendered for one input object, in emission order. For an Agent: config
 * Secret, ServiceAccount (when the agent gets its own), skills-init ConfigMap (when skills are
 * fetched), Deployment, Service — kagent's order.
 *
 * <p>A manifest from the translator carries its canonical YAML text ({@link #yaml()}), which is what
 * the Maven plugin writes; its fabric8 {@link #objects()} are read from that text the first time they
 * are asked for (most callers, the plugin among them, never need them), so they describe exactly
 * what is written. A manifest built by a caller from objects has no text until it is rendered
 * ({@link ManifestRenderer}). Immutable apart from that one-time conversion, and safe to share
 * between threads. The returned object list is unmodifiable, but the fabric8 objects in it are
 * mutable beans: changing them does not change {@link #yaml()}; render them again with
 * {@link ManifestRenderer#render(List)}.
 */
public final class Manifest {

    /** The kind of input a manifest is rendered from. */
    public enum Kind {
        /** a kagent {@code Agent} */
        AGENT,
        /** a kmcp {@code MCPServer} (opt-in rendering) */
        MCP_SERVER
    }

    private final Kind kind;
    private final String namespace;
    private final String name;
    private final String yaml;
    private volatile List<HasMetadata> objects;

    /**
     * @param kind what the objects were rendered from
     * @param namespace the input object's namespace
     * @param name the input object's name
     * @param objects the objects, in emission order
     * @param yaml the canonical YAML text of {@code objects}, or {@code null} for a manifest built by a
     *     caller ({@link ManifestRenderer} then renders the objects)
     */
    public Manifest(Kind kind, String namespace, String name, List<HasMetadata> objects, String yaml) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.objects = List.copyOf(objects);
        this.yaml = yaml;
    }

    /** A manifest without rendered text. */
    public Manifest(Kind kind, String namespace, String name, List<HasMetadata> objects) {
        this(kind, namespace, name, objects, null);
    }

    private Manifest(Kind kind, String namespace, String name, String yaml) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.yaml = Objects.requireNonNull(yaml, "yaml");
        this.objects = null;
    }

    /**
     * A manifest given by its canonical YAML text (as the translator renders it); its objects are
     * read from the text when first asked for.
     */
    public static Manifest ofYaml(Kind kind, String namespace, String name, String yaml) {
        return new Manifest(kind, namespace, name, yaml);
    }

    public Kind kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The canonical YAML text, or {@code null} for a manifest built from objects by a caller. */
    public String yaml() {
        return yaml;
    }

    /** The objects in emission order (unmodifiable); for a translator manifest read from {@link #yaml()} on first use. */
    public List<HasMetadata> objects() {
        List<HasMetadata> o = objects;
        if (o == null) {
            synchronized (this) {
                o = objects;
                if (o == null) {
                    o = List.copyOf(dev.kagentmaven.core.translate.Render.objects(yaml));
                    objects = o;
                }
            }
        }
        return o;
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }

    /**
     * Where the manifest goes below an output directory, with {@code /} separators:
     * {@code <namespace>/<name>.yaml} for an Agent, {@code <namespace>/mcpserver-<name>.yaml} for an
     * MCPServer. Namespace and name are validated DNS-1123 labels, so the path never escapes.
     */
    public String relativePath() {
        return relativePath(kind, namespace, name);
    }

    /** {@link #relativePath()} of a manifest of this kind, namespace and name. */
    public static String relativePath(Kind kind, String namespace, String name) {
        return namespace + "/" + (kind == Kind.MCP_SERVER ? "mcpserver-" : "") + name + ".yaml";
    }

    /**
     * Equal when kind, namespace, name and text are equal and, for manifests without text, the
     * objects are equal.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Manifest m)) {
            return false;
        }
        if (kind != m.kind || !namespace.equals(m.namespace) || !name.equals(m.name) || !Objects.equals(yaml, m.yaml)) {
            return false;
        }
        return yaml != null || objects().equals(m.objects());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, namespace, name, yaml);
    }

    @Override
    public String toString() {
        return "Manifest[" + kind + " " + key() + ", " + (yaml == null ? objects().size() + " objects" : yaml.length() + " chars of YAML") + "]";
    }
}
