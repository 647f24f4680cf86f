package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Manifest;
import java.util.List;

/**
 * The objects translated for one input object, as the Go-shaped JSON trees the translator builds,
 * before {@link Pipeline} normalises, validates and renders them into a {@link Manifest}.
 *
 * @param kind what the objects were translated from
 * @param namespace the input object's namespace
 * @param name the input object's name
 * @param trees the objects in emission order; owned by the pipeline from here on
 */
record Draft(Manifest.Kind kind, String namespace, String name, List<ObjectNode> trees) {

    /** The file the manifest will be written to ({@link Manifest#relativePath()}). */
    String relativePath() {
        return Manifest.relativePath(kind, namespace, name);
    }
}
