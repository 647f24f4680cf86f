package dev.kagentmaven.core;

/** How serious a {@link Diagnostic} is. Errors prevent output; warnings do not. */
public enum Severity {
    ERROR,
    WARNING
}
