package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Origin;

/**
 * Aborts one translation step (as a Go {@code return err} would). Caught inside the translate step
 * and turned into a diagnostic; never leaves the core.
 */
final class TranslationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Origin origin;
    private final String code;

    TranslationException(String code, String message, Origin origin) {
        super(message, null, false, false);
        this.code = code;
        this.origin = origin;
    }

    Origin origin() {
        return origin;
    }

    String code() {
        return code;
    }

    /** The same failure with kagent's wrapping prefix ({@code "<prefix>: <message>"}). */
    TranslationException wrap(String prefix) {
        return new TranslationException(code, prefix + ": " + getMessage(), origin);
    }
}
