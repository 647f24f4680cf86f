package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Diagnostic;
import java.util.List;

/** The texts the goals print: failure messages, the drift report and the one-line summaries. */
final class Messages {

    /** The hint every drift report ends with. */
    static final String REGENERATE_HINT = "Run `mvn kagent:generate` (with this build's configuration) and commit the result.";

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
     * The INFO summary of {@code generate}, e.g. {@code kagent: 3 input files, 2 agents rendered,
     * 1 file written (1 unchanged, 1 deleted) in manifests}.
     */
    static String summary(Engine.Plan plan, ManifestWriter.Stats stats, String outputDir) {
        return prefix(plan) + count(stats.written(), "file", "files") + " written (" + stats.unchanged()
                + " unchanged, " + stats.deleted() + " deleted) in " + outputDir;
    }

    /**
     * The INFO summary of an up-to-date {@code generate}, e.g. {@code kagent: 3 input files, 2 agents,
     * up to date in manifests (inputs, configuration and outputs unchanged since the last run; 0 files written)}.
     */
    static String upToDate(BuildState.State state, String outputDir) {
        return "kagent: " + count(state.inputs(), "input file", "input files") + ", "
                + rendered(state.agents(), state.mcpServers()) + ", up to date in "
                + outputDir + " (inputs, configuration and outputs unchanged since the last run; 0 files written)";
    }

    /**
     * The INFO summary of {@code check}, e.g. {@code kagent: 3 input files, 2 agents rendered,
     * manifests up to date (2 files)} or {@code ..., manifests out of date: 1 drifted, 0 missing,
     * 1 unexpected (1 file up to date)}.
     */
    static String checkSummary(Engine.Plan plan, Drift.Report report, String outputDir) {
        String files = count(report.upToDate(), "file", "files");
        if (report.clean()) {
            return prefix(plan) + outputDir + " up to date (" + files + ")";
        }
        return prefix(plan) + outputDir + " out of date: " + report.count(Drift.Kind.DRIFTED) + " drifted, "
                + report.count(Drift.Kind.MISSING) + " missing, " + report.count(Drift.Kind.UNEXPECTED)
                + " unexpected (" + files + " up to date)";
    }

    /**
     * The drift report: a list of the files, then one diff per file, then the hint.
     * <pre>
     * kagent: 2 files in manifests differ from what kagent:generate would write:
     *   drifted     manifests/platform/a.yaml
     *   unexpected  manifests/platform/old.yaml (no longer generated; kagent:generate deletes it)
     *
     * --- manifests/platform/a.yaml (on disk)
     * +++ manifests/platform/a.yaml (generated)
     * &#64;&#64; -5,3 +5,3 &#64;&#64;
     * ...
     *
     * Run `mvn kagent:generate` (with this build's configuration) and commit the result.
     * </pre>
     */
    static String drift(Drift.Report report, String outputDir) {
        List<Drift.Finding> findings = report.findings();
        StringBuilder sb = new StringBuilder("kagent: ")
                .append(count(findings.size(), "file", "files"))
                .append(" in ").append(outputDir).append(" differ")
                .append(findings.size() == 1 ? "s" : "")
                .append(" from what kagent:generate would write:");
        for (Drift.Finding f : findings) {
            sb.append("\n  ").append(String.format(java.util.Locale.ROOT, "%-11s ", f.kind().label)).append(f.path());
            if (!f.note().isEmpty()) {
                sb.append(" (").append(f.note()).append(')');
            }
        }
        for (Drift.Finding f : findings) {
            if (f.diff().isEmpty()) {
                continue;
            }
            sb.append('\n');
            for (String line : f.diff()) {
                sb.append('\n').append(line);
            }
        }
        sb.append("\n\n").append(REGENERATE_HINT);
        return sb.toString();
    }

    private static String prefix(Engine.Plan plan) {
        return "kagent: " + count(plan.inputs(), "input file", "input files") + ", "
                + rendered(plan.agents(), plan.mcpServers()) + " rendered, ";
    }

    /** {@code 2 agents}, or {@code 2 agents and 1 MCPServer} when MCPServers were rendered too. */
    private static String rendered(int agents, int mcpServers) {
        String rendered = count(agents, "agent", "agents");
        return mcpServers > 0 ? rendered + " and " + count(mcpServers, "MCPServer", "MCPServers") : rendered;
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
