package dev.kagentmaven.plugin;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that {@code outputDirectory} holds exactly what {@code generate} would write: renders the
 * inputs in memory with the same engine and configuration, compares, and fails once, listing every
 * drifted, missing and unexpected file with a unified diff (Secret values redacted, long diffs
 * truncated) and the hint to run {@code mvn kagent:generate}. Writes nothing. Use it in CI on a
 * GitOps repository to catch Agents edited without regenerating and generated files edited by hand.
 *
 * <p>Unexpected files are files listed in {@code .kagent-index} that are no longer generated
 * ({@code generate} would delete them); files the plugin does not own are ignored.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractKagentMojo {

    /** Skips this goal only ({@code kagent.skip} skips every goal). */
    @Parameter(property = "kagent.check.skip", defaultValue = "false")
    private boolean skipCheck;

    /**
     * Fail the build when the output directory is out of date (the default). When {@code false} the
     * same report is logged as a warning and the build goes on.
     */
    @Parameter(property = "kagent.check.failOnDrift", defaultValue = "true")
    private boolean failOnDrift;

    /** Maximum number of diff lines shown per file; the rest is counted ("... N more diff lines not shown"). */
    @Parameter(property = "kagent.check.maxDiffLines", defaultValue = "60")
    private int maxDiffLines;

    @Override
    String goal() {
        return "check";
    }

    @Override
    boolean goalSkipped() {
        return skipCheck;
    }

    @Override
    String goalSkipProperty() {
        return "kagent.check.skip";
    }

    @Override
    void run(Path base, Engine engine) throws MojoExecutionException, MojoFailureException {
        Engine.Plan plan = engine.plan();
        String display = ProjectPaths.display(base, plan.outputDir());
        Drift.Report report;
        try {
            report = Drift.compare(plan, base, maxDiffLines, getLog());
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot read " + display + ": " + e, e);
        }
        String summary = Messages.checkSummary(plan, report, display);
        if (project != null && project.getContextValue(GENERATED_KEY + plan.outputDir()) != null) {
            summary += "; kagent:generate ran earlier in this build, so this compares freshly generated files"
                    + " (pass -Dkagent.generate.skip in CI to check the committed ones)";
        }
        if (report.clean()) {
            getLog().info(summary);
            return;
        }
        String message = Messages.drift(report, display);
        if (failOnDrift) {
            getLog().info(summary);
            throw new MojoFailureException(message);
        }
        getLog().warn(message);
        getLog().info(summary);
    }
}
