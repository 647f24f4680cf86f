package dev.kagentmaven.core;

import java.nio.charset.StandardCharsets;

/**
 * Renders an {@link Manifest} into the canonical multi-document YAML text written to
 * {@code <namespace>/<name>.yaml}: UTF-8, LF line ends, one document per object in emission order,
 * each starting with {@code apiVersion}, {@code kind}, {@code metadata}, all other keys sorted,
 * strings quoted wherever YAML 1.1 would read them as something else, no line folding, no status.
 */
public final class ManifestRenderer {

    private ManifestRenderer() {
    }

    /** The YAML text for one agent's objects. */
    public static String render(Manifest manifest) {
        return dev.kagentmaven.core.translate.Render.yaml(manifest.objects());
    }

    /** {@link #render} as UTF-8 bytes. */
    public static byte[] renderBytes(Manifest manifest) {
        return render(manifest).getBytes(StandardCharsets.UTF_8);
    }
}
