package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Diagnostic;
import java.util.List;

/** The texts the goal prints: the failure message listing every error and the one-line summary. */
final class Messages {

    private Messages() {
    }

    /**
     * One message for all errors, e.g.
     * <pre>
     * kagent: 2 problems in the inputs:
     *   1. src/main/kagent/a.yaml (document 2) 7:3 at /spec/declarative/modelConfig: ...
     *   2. ...
     * </pre>
     */
    static String problems(List<Diagnostic> errors) {
        StringBuilder sb = new StringBuilder("kagent: ")
                .append(count(errors.size(), "problem", "problems"))
                .append(" in the inputs:");
        int i = 1;
        for (Diagnostic d : errors) {
            sb.append('\n').append("  ").append(i++).append(". ").append(d);
        }
        return sb.toString();
    }

    /**
     * The INFO summary, e.g. {@code kagent: 3 input files, 2 agents rendered, 2 files written
     * (0 unchanged) in target/kagent}.
     */
    static String summary(int inputs, int agents, ManifestWriter.Stats stats, String outputDir) {
        return "kagent: " + count(inputs, "input file", "input files")
                + ", " + count(agents, "agent", "agents") + " rendered, "
                + count(stats.written(), "file", "files") + " written (" + stats.unchanged() + " unchanged) in "
                + outputDir;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
