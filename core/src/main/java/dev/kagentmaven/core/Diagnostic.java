package dev.kagentmaven.core;

import java.util.Objects;

/**
 * A problem found while reading or translating inputs. Diagnostics are values: the core never
 * throws them and never logs them; callers decide how to report.
 *
 * @param severity error or warning
 * @param code stable short identifier (e.g. {@code not-found}, {@code yaml-syntax}, {@code E4})
 * @param message what is wrong and, where possible, how to fix it; never contains Secret data
 * @param origin where in the inputs the problem comes from
 */
public record Diagnostic(Severity severity, String code, String message, Origin origin) {
    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        Objects.requireNonNull(origin);
    }

    public static Diagnostic error(String code, String message, Origin origin) {
        return new Diagnostic(Severity.ERROR, code, message, origin);
    }

    public static Diagnostic warning(String code, String message, Origin origin) {
        return new Diagnostic(Severity.WARNING, code, message, origin);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code origin: message} — the one-line form used in build logs. */
    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
