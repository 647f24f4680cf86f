package dev.kagentmaven.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The Kubernetes objects rendered for one Agent, in kagent's order: config Secret, ServiceAccount
 * (when the agent gets its own), skills-init ConfigMap (when skills are fetched), Deployment, Service.
 *
 * @param namespace the Agent's namespace
 * @param name the Agent's name
 * @param objects the objects, in emission order
 */
public record AgentManifest(String namespace, String name, List<HasMetadata> objects) {
    public AgentManifest {
        objects = List.copyOf(objects);
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }
}
