package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.Severity;
import dev.kagentmaven.core.model.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates every emitted object against the Kubernetes schema of its kind before anything is
 * written (issue 6). The tree validated is {@link Render#canonical}, i.e. exactly what is written.
 * Each violation becomes one diagnostic with code {@code schema}: an error by default, a warning when
 * {@link Options#failOnValidationError()} is off. All violations of all objects are reported at once.
 *
 * <p>The origin names the output file ({@link dev.kagentmaven.core.Manifest#relativePath()}), the 1-based document of the
 * object inside it and the JSON pointer of the violation. Messages never contain values found under a
 * Secret's {@code data} or {@code stringData}.
 */
final class OutputValidation {
    static final String CODE = "schema";

    private OutputValidation() {
    }

    /** The canonical tree of each object of {@code d}; {@code null} for one that cannot be converted. */
    static List<JsonNode> trees(Draft d) {
        List<JsonNode> out = new ArrayList<>(d.trees().size());
        for (JsonNode object : d.trees()) {
            try {
                out.add(Render.canonical(object));
            } catch (RuntimeException e) {
                out.add(null);
            }
        }
        return out;
    }

    /** Validates one draft whose objects were already converted ({@code trees}, same order). */
    static void validate(Draft d, List<JsonNode> trees, Options options, Problems problems) {
        Severity severity = options.failOnValidationError() ? Severity.ERROR : Severity.WARNING;
        for (int i = 0; i < trees.size(); i++) {
            JsonNode object = d.trees().get(i);
            JsonNode tree = trees.get(i);
            int document = i + 1;
            if (tree == null) {
                // the writer would fail the same way: report it instead of crashing later; a
                // Secret's failure may quote its data, so no details are given
                problems.error(CODE, label(object) + ": cannot be rendered (" + whyNot(object) + ")",
                        new Origin(d.relativePath(), document, 0, 0, ""));
                continue;
            }
            for (Violation v : check(KubernetesSchema.get(), tree)) {
                problems.add(new Diagnostic(severity, CODE, label(object) + ": " + v.display(),
                        new Origin(d.relativePath(), document, 0, 0, v.pointer())));
            }
        }
    }

    /** Why {@code object} cannot be converted; a Secret's failure may quote its data, so it is withheld. */
    private static String whyNot(JsonNode object) {
        if ("Secret".equals(object.path("kind").asText())) {
            return "details withheld: Secret data";
        }
        try {
            Render.canonical(object);
            return "unknown reason";
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** One schema violation: where (JSON pointer into the object) and what, free of Secret values. */
    record Violation(String pointer, String message) {
        String display() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    /** Every violation of {@code tree} (an emitted object in canonical form); empty when it is valid. */
    static List<Violation> check(KubernetesSchema schema, JsonNode tree) {
        String apiVersion = tree.path("apiVersion").asText("");
        String kind = tree.path("kind").asText("");
        if (!schema.knows(apiVersion, kind)) {
            List<Violation> out = new ArrayList<>(1);
            out.add(new Violation("", "no Kubernetes schema for apiVersion \"" + apiVersion + "\" kind \"" + kind
                    + "\""));
            return out;
        }
        return schema.validate(apiVersion, kind, tree);
    }

    private static String label(JsonNode object) {
        JsonNode meta = object.path("metadata");
        String ns = meta.path("namespace").asText("");
        String name = meta.path("name").asText("");
        return object.path("kind").asText("") + " " + (ns.isEmpty() ? "" : ns + "/") + name;
    }
}
