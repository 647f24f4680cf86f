package dev.kagentmaven.core.io;

import dev.kagentmaven.core.Diagnostic;

/**
 * Internal signal that reading a source must stop (a limit was hit or the stream cannot be
 * continued). Never escapes {@link YamlDocuments#read}: it is turned into its {@link #diagnostic()}.
 */
final class YamlReadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    YamlReadException(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
