package dev.kagentmaven.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
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
    void run(Path base, Engine.Plan plan) throws MojoExecutionException {
        Path out = plan.outputDir();
        String display = ProjectPaths.display(base, out);
        ManifestWriter.Stats stats;
        long start = System.nanoTime();
        try {
            stats = ManifestWriter.write(plan, getLog());
            if (getLog().isDebugEnabled()) {
                getLog().debug("kagent: wrote the output directory in " + Engine.millis(start, System.nanoTime()) + " ms");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot write to " + display + ": " + e, e);
        }
        if (project != null) {
            project.setContextValue(GENERATED_KEY + out, Boolean.TRUE);
        }
        if (attach) {
            attach(base, plan);
        }
        if (addResources) {
            addResources(out);
        }
        getLog().info(Messages.summary(plan, stats, display));
    }

    private void attach(Path base, Engine.Plan plan) throws MojoExecutionException {
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
