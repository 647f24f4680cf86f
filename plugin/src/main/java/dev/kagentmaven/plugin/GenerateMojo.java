package dev.kagentmaven.plugin;

import java.io.File;
import java.io.IOException;
import dev.kagentmaven.core.Source;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Renders the kagent Agents found in {@code inputDirectory} into Kubernetes manifests in
 * {@code outputDirectory}, the way the kagent controller would create them in a cluster. Works
 * offline; needs no cluster.
 *
 * <p>Everything is read, checked and rendered before anything is written: if any input has an
 * error the goal fails with one message listing every problem and leaves the output directory as
 * it was. Files whose bytes are unchanged are not rewritten (their modification time is kept);
 * files the plugin wrote earlier but no longer produces (an Agent was removed) are deleted; files
 * it did not write are never touched. The list of files it owns is kept in
 * {@code <outputDirectory>/.kagent-index}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractKagentMojo {

    /** Skips this goal only: nothing is read or written ({@code kagent.skip} skips every goal). */
    @Parameter(property = "kagent.generate.skip", defaultValue = "false")
    private boolean skipGenerate;

    /**
     * Attach the combined manifest (every rendered document in one YAML file) to the project as an
     * artifact of type {@code yaml} and classifier {@code kagent}, so that {@code install} and
     * {@code deploy} publish it. With the {@code combined} layout that is
     * {@code <outputDirectory>/manifests.yaml}; otherwise the file is written to
     * {@code ${project.build.directory}/kagent-attach/manifests.yaml}.
     */
    @Parameter(property = "kagent.attach", defaultValue = "false")
    private boolean attach;

    /**
     * Add {@code outputDirectory} to the project's resource directories (without the index file),
     * so that the manifests are copied into {@code target/classes} and packaged into the jar.
     */
    @Parameter(property = "kagent.addResources", defaultValue = "false")
    private boolean addResources;

    /** The project's build directory; where the attached file goes in the {@code per-agent} layout. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /**
     * Skip rendering when nothing changed since the last run of this goal in this build directory:
     * the same plugin, configuration and input files, and every file it wrote still as it left
     * them (size and modification time). Such a run writes nothing and repeats the last run's
     * warnings. The state is kept in {@code ${project.build.directory}/kagent-state}; {@code mvn clean}
     * or {@code -Dkagent.incremental=false} forces a full run. {@code check} always compares in full.
     */
    @Parameter(property = "kagent.incremental", defaultValue = "true")
    private boolean incremental;

    @Inject
    private MavenProjectHelper projectHelper;

    @Override
    String goal() {
        return "generate";
    }

    @Override
    boolean goalSkipped() {
        return skipGenerate;
    }

    @Override
    String goalSkipProperty() {
        return "kagent.generate.skip";
    }

    @Override
    void run(Path base, Engine engine) throws MojoExecutionException, MojoFailureException {
        Path out = engine.outputDir();
        String display = ProjectPaths.display(base, out);
        long start = System.nanoTime();
        List<Source> sources = engine.readInputs();
        Path buildDir = ProjectPaths.resolve(base, buildDirectory);
        Path stateFile = BuildState.file(buildDir, out);
        String fingerprint = incremental ? BuildState.fingerprint(engine.options(), pluginSettings(engine), sources) : null;
        if (getLog().isDebugEnabled()) {
            getLog().debug("kagent: read " + sources.size() + " input files" + (fingerprint == null ? "" : " and fingerprinted them")
                    + " in " + Engine.millis(start, System.nanoTime()) + " ms");
        }
        try {
            if (fingerprint != null && upToDate(base, stateFile, fingerprint, out, display)) {
                return;
            }
            BuildState.delete(stateFile);
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot read or delete " + ProjectPaths.display(base, stateFile) + ": " + e, e);
        }

        long rendering = System.nanoTime();
        Engine.Plan plan = engine.render(sources);
        if (getLog().isDebugEnabled()) {
            getLog().debug("kagent: translated and rendered in " + Engine.millis(rendering, System.nanoTime()) + " ms");
        }
        ManifestWriter.Stats stats;
        long writing = System.nanoTime();
        try {
            stats = ManifestWriter.write(plan, getLog());
            if (getLog().isDebugEnabled()) {
                getLog().debug("kagent: wrote the output directory in " + Engine.millis(writing, System.nanoTime()) + " ms");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot write to " + display + ": " + e, e);
        }
        markGenerated(out);
        Path attached = attach ? attach(base, plan) : null;
        if (addResources) {
            addResources(out);
        }
        if (fingerprint != null) {
            saveState(base, stateFile, fingerprint, plan, attached);
        }
        getLog().info(Messages.summary(plan, stats, display));
    }

    /**
     * The plugin-side settings that change what this goal writes or attaches (the core's settings
     * are in {@link dev.kagentmaven.core.Options#canonicalForm()}).
     */
    private String pluginSettings(Engine engine) {
        return "layout=" + engine.layout() + "\nattach=" + attach + "\n";
    }

    /**
     * When the last run's state shows that nothing changed: repeats its warnings, does what a full
     * run does besides writing (attach, resources), logs the summary and returns {@code true}.
     */
    private boolean upToDate(Path base, Path stateFile, String fingerprint, Path out, String display) throws IOException {
        Optional<BuildState.State> saved = BuildState.load(stateFile);
        if (saved.isEmpty() || !saved.get().fingerprint().equals(fingerprint)) {
            getLog().debug("kagent: inputs, configuration or plugin changed since the last run (or no state in "
                    + ProjectPaths.display(base, stateFile) + "): rendering everything");
            return false;
        }
        BuildState.State state = saved.get();
        if (!BuildState.unchanged(state, out)) {
            getLog().debug("kagent: files in " + display + " changed since the last run: rendering everything");
            return false;
        }
        for (String warning : state.warnings()) {
            getLog().warn(warning);
        }
        markGenerated(out);
        if (attach) {
            projectHelper.attachArtifact(project, "yaml", "kagent", Paths.get(state.attached().path()).toFile());
        }
        if (addResources) {
            addResources(out);
        }
        getLog().info(Messages.upToDate(state, display));
        return true;
    }

    private void saveState(Path base, Path stateFile, String fingerprint, Engine.Plan plan, Path attached)
            throws MojoExecutionException {
        try {
            List<BuildState.Stamp> outputs = BuildState.stamps(plan.outputDir(), plan.files().keySet());
            BuildState.Stamp attachedStamp = attached == null ? null : BuildState.stampOf(attached, attached.toString());
            if (outputs == null || attached != null && attachedStamp == null) {
                return; // something else changed the files meanwhile: no state, the next run renders everything
            }
            BuildState.save(stateFile, new BuildState.State(fingerprint, plan.inputs(), plan.agents(), plan.mcpServers(),
                    plan.warnings(), outputs, attachedStamp));
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot write " + ProjectPaths.display(base, stateFile) + ": " + e, e);
        }
    }

    private void markGenerated(Path out) {
        if (project != null) {
            project.setContextValue(GENERATED_KEY + out, Boolean.TRUE);
        }
    }

    /** Attaches the combined manifest; returns the attached file. */
    private Path attach(Path base, Engine.Plan plan) throws MojoExecutionException {
        Path file;
        if (plan.files().containsKey(Layout.COMBINED_FILE)) {
            file = plan.outputDir().resolve(Layout.COMBINED_FILE);
        } else {
            OutputDirectory dir = new OutputDirectory(
                    ProjectPaths.resolve(base, buildDirectory).resolve("kagent-attach"));
            try {
                dir.writeIfChanged(Layout.COMBINED_FILE, plan.combined());
            } catch (IOException e) {
                throw new MojoExecutionException("kagent: cannot write " + ProjectPaths.display(base, dir.root()) + ": " + e, e);
            }
            file = dir.resolve(Layout.COMBINED_FILE);
        }
        projectHelper.attachArtifact(project, "yaml", "kagent", file.toFile());
        if (getLog().isDebugEnabled()) {
            getLog().debug("kagent: attached " + ProjectPaths.display(base, file) + " (type yaml, classifier kagent)");
        }
        return file;
    }

    private void addResources(Path out) {
        String dir = out.toString();
        for (Resource r : project.getResources()) {
            if (dir.equals(r.getDirectory())) {
                return;
            }
        }
        Resource resource = new Resource();
        resource.setDirectory(dir);
        resource.addExclude(OutputIndex.FILE_NAME);
        project.addResource(resource);
    }
}
