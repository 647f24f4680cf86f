package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;

/**
 * Checks of the recognised input objects against their API types before translation: unknown
 * fields (warnings), wrong value types and invalid names (errors). Extension point: implemented by
 * the hardening work (issue 6).
 */
final class InputChecks {
    private InputChecks() {
    }

    static void check(ObjectIndex index, Problems problems) {
        // nothing yet
    }
}
