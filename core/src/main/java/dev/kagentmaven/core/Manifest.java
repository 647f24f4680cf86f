package dev.kagentmaven.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The Kubernetes objects rendered for one input object, in emission order. For an Agent: config
 * Secret, ServiceAccount (when the agent gets its own), skills-init ConfigMap (when skills are
 * fetched), Deployment, Service — kagent's order.
 *
 * @param kind what the objects were rendered from
 * @param namespace the input object's namespace
 * @param name the input object's name
 * @param objects the objects, in emission order
 * @param yaml the canonical YAML text of {@code objects} as rendered by the translator, or {@code null}
 *     for a manifest built by a caller ({@link ManifestRenderer} then renders the objects)
 */
public record Manifest(Kind kind, String namespace, String name, List<HasMetadata> objects, String yaml) {

    /** The kind of input a manifest is rendered from. */
    public enum Kind {
        /** a kagent {@code Agent} */
        AGENT,
        /** a kmcp {@code MCPServer} (opt-in rendering) */
        MCP_SERVER
    }

    public Manifest {
        objects = List.copyOf(objects);
    }

    /** A manifest without rendered text. */
    public Manifest(Kind kind, String namespace, String name, List<HasMetadata> objects) {
        this(kind, namespace, name, objects, null);
    }

    /** The same manifest carrying its rendered text. */
    public Manifest withYaml(String text) {
        return new Manifest(kind, namespace, name, objects, text);
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
        return namespace + "/" + (kind == Kind.MCP_SERVER ? "mcpserver-" : "") + name + ".yaml";
    }
}
