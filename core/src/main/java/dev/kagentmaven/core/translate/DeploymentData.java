package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Env vars, volumes and mounts that models and tools add to the agent pod ("model deployment data",
 * agent-manifests.md §6.7/§6.8), with kagent's merge rules.
 */
final class DeploymentData {
    final List<ObjectNode> env = new ArrayList<>();
    final List<ObjectNode> volumes = new ArrayList<>();
    final List<ObjectNode> mounts = new ArrayList<>();

    /** kagent's mergeDeploymentData: env deduped by name, volumes by name, mounts by (name, mountPath). */
    void merge(DeploymentData other) {
        for (ObjectNode e : other.env) {
            if (env.stream().noneMatch(x -> x.path("name").asText().equals(e.path("name").asText()))) {
                env.add(e);
            }
        }
        for (ObjectNode v : other.volumes) {
            if (!hasVolume(v.path("name").asText())) {
                volumes.add(v);
            }
        }
        for (ObjectNode m : other.mounts) {
            if (mounts.stream().noneMatch(x -> x.path("name").asText().equals(m.path("name").asText())
                    && x.path("mountPath").asText().equals(m.path("mountPath").asText()))) {
                mounts.add(m);
            }
        }
    }

    boolean hasVolume(String name) {
        return volumes.stream().anyMatch(x -> x.path("name").asText().equals(name));
    }

    /** Adds a volume with its mount unless a volume of that name exists (then both are skipped). */
    void addVolumeOnce(ObjectNode volume, ObjectNode mount) {
        if (!hasVolume(volume.path("name").asText())) {
            volumes.add(volume);
            mounts.add(mount);
        }
    }
}
