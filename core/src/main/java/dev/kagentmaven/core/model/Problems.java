package dev.kagentmaven.core.model;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one translation run. Identical diagnostics are kept once, so a node
 * read twice (e.g. a ModelConfig used by the chat model and the embedding) reports once.
 * One instance per run; not shared between threads.
 */
public final class Problems {
    private final Set<Diagnostic> all = new LinkedHashSet<>();

    public void error(String code, String message, Origin origin) {
        all.add(Diagnostic.error(code, message, origin));
    }

    public void warning(String code, String message, Origin origin) {
        all.add(Diagnostic.warning(code, message, origin));
    }

    public void add(Diagnostic d) {
        all.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        all.addAll(ds);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    /** Number of errors recorded so far (used to tell whether a step added any). */
    public long errorCount() {
        return all.stream().filter(Diagnostic::isError).count();
    }

    public List<Diagnostic> list() {
        return new ArrayList<>(all);
    }
}
