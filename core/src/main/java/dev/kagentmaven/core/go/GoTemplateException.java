package dev.kagentmaven.core.go;

/**
 * A parse or execution error of a Go text/template, carrying Go's message text, e.g.
 * {@code template: systemMessage:1: function "foo" not defined} or
 * {@code template: systemMessage:1:2: executing "systemMessage" at <include "x">: error calling include: ...}.
 */
public class GoTemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GoTemplateException(String message) {
        super(message);
    }

    public GoTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
