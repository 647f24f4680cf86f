package dev.kagentmaven.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders an {@link Manifest} into the canonical multi-document YAML text written to
 * {@code <namespace>/<name>.yaml}: UTF-8, LF line ends, one document per object in emission order,
 * each starting with {@code apiVersion}, {@code kind}, {@code metadata}, all other keys sorted,
 * strings quoted wherever YAML 1.1 would read them as something else, no line folding, no status.
 */
public final class ManifestRenderer {

    private ManifestRenderer() {
    }

    /**
     * The YAML text of a manifest: the text the translator rendered when it produced the manifest
     * (objects changed afterwards are not re-read), or, for a manifest without one, its objects now.
     */
    public static String render(Manifest manifest) {
        return manifest.yaml() != null ? manifest.yaml() : render(manifest.objects());
    }

    /** The YAML text of the given objects as they are now. */
    public static String render(List<HasMetadata> objects) {
        return dev.kagentmaven.core.translate.Render.yaml(objects);
    }

    /** {@link #render} as UTF-8 bytes. */
    public static byte[] renderBytes(Manifest manifest) {
        return render(manifest).getBytes(StandardCharsets.UTF_8);
    }
}
