package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.model.Problems;
import java.util.List;

/**
 * Validates every emitted object against the Kubernetes schema of its kind before anything is
 * written. Extension point: implemented by the hardening work (issue 6).
 */
final class OutputValidation {
    private OutputValidation() {
    }

    static void validate(List<Manifest> manifests, Options options, Problems problems) {
        // nothing yet
    }
}
