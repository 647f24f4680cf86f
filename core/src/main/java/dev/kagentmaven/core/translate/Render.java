package dev.kagentmaven.core.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** render step: fabric8 objects → canonical YAML. */
public final class Render {
    private Render() {
    }

    public static String yaml(List<HasMetadata> objects) {
        return ""; // TODO: implemented next
    }
}
