package dev.kagentmaven.core;

import java.util.List;

/**
 * Outcome of one {@link Translator#translate} call. When {@link #hasErrors()} is true,
 * {@link #manifests()} is empty: a run with any error produces no output at all.
 *
 * @param manifests rendered manifests: agents sorted by namespace then name, then MCPServers (when rendered)
 * @param diagnostics every error and warning, in input order
 * @param sourcesRead number of sources handed in
 * @param documentsRead number of non-empty YAML/JSON documents (List items counted one by one)
 */
public record Result(List<Manifest> manifests, List<Diagnostic> diagnostics, int sourcesRead, int documentsRead) {
    public Result {
        manifests = List.copyOf(manifests);
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
