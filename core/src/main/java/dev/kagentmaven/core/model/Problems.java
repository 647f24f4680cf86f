package dev.kagentmaven.core.model;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one translation run. Identical diagnostics are kept once, so a node
 * read twice (e.g. a ModelConfig used by the chat model and the embedding) reports once.
 * One instance per run; not shared between threads.
 *
 * <p>Every query is O(1) (the error count and the located type errors are kept up to date as
 * diagnostics are added): translation asks {@link #errorCount()} several times per agent, and a
 * scan over all diagnostics would make a run with many warnings quadratic.
 */
public final class Problems {
    private final Set<Diagnostic> all = new LinkedHashSet<>();
    /** Origins of the {@code type} errors recorded so far, for {@link #hasTypeErrorAt}. */
    private final Set<Origin> typeErrors = new HashSet<>();
    private long errors;

    public void error(String code, String message, Origin origin) {
        add(Diagnostic.error(code, message, origin));
    }

    public void warning(String code, String message, Origin origin) {
        add(Diagnostic.warning(code, message, origin));
    }

    public void add(Diagnostic d) {
        if (all.add(d) && d.isError()) {
            errors++;
            if (d.code().equals("type")) {
                typeErrors.add(d.origin());
            }
        }
    }

    public void addAll(Collection<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            add(d);
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Number of errors recorded so far (used to tell whether a step added any). */
    public long errorCount() {
        return errors;
    }

    /** True when an error with code {@code type} located at {@code origin} was recorded. */
    public boolean hasTypeErrorAt(Origin origin) {
        return typeErrors.contains(origin);
    }

    /** Number of diagnostics (errors and warnings) recorded so far. */
    public int size() {
        return all.size();
    }

    /** A copy of every diagnostic, in the order first recorded. */
    public List<Diagnostic> list() {
        return new ArrayList<>(all);
    }
}
