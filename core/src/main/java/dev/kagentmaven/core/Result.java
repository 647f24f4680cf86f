package dev.kagentmaven.core;

import java.util.List;

/**
 * Outcome of one {@link Translator#translate} call. When {@link #hasErrors()} is true,
 * {@link #agents()} is empty: a run with any error produces no output at all.
 *
 * @param agents rendered agents, sorted by namespace then name
 * @param diagnostics every error and warning, in input order
 * @param sourcesRead number of sources handed in
 * @param documentsRead number of non-empty YAML/JSON documents (List items counted one by one)
 */
public record Result(List<AgentManifest> agents, List<Diagnostic> diagnostics, int sourcesRead, int documentsRead) {
    public Result {
        agents = List.copyOf(agents);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
