package dev.kagentmaven.it;

import static dev.kagentmaven.it.ItSupport.assertCleanSuccess;
import static dev.kagentmaven.it.ItSupport.assertLogContains;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.takari.maven.testing.TestResources;
import io.takari.maven.testing.TestResources5;
import io.takari.maven.testing.executor.MavenInstallations;
import io.takari.maven.testing.executor.MavenRuntime;
import io.takari.maven.testing.executor.MavenRuntime.MavenRuntimeBuilder;
import io.takari.maven.testing.executor.junit.MavenPluginTest;
import java.io.File;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled example ({@code examples/gitops}) with its own, unchanged POM, run through a real
 * Maven: {@code generate-resources} renders it (and attaches the combined file), {@code kagent:check} then passes, and
 * {@code kagent:help -Ddetail} documents the goals. The plugin is resolved from the reactor
 * (takari workspace state), so run the ITs from the repository root ({@code mvn verify}).
 */
@MavenInstallations({MavenDistributions.OLDEST, MavenDistributions.WRAPPER, MavenDistributions.MAVEN4})
class BundledExampleIT {

    @RegisterExtension
    final TestResources5 resources = new TestResources5(ItSupport.examples().toString(), "target/test-projects");

    private final MavenRuntime maven;

    BundledExampleIT(MavenRuntimeBuilder builder) throws Exception {
        this.maven = builder.withCliOptions("-B", "-e").build();
    }

    @MavenPluginTest
    void generatesTheExampleThenCheckPassesAndHelpWorks() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Files.createDirectories(basedir.toPath().resolve(".mvn")); // Maven 4: this is the root, not our repository

        // -Dkagent.attach: the injected MavenProjectHelper works on every Maven version
        assertCleanSuccess(maven.forProject(basedir).withCliOption("-Dkagent.attach").execute("generate-resources"));
        TestResources.assertFilesPresent(basedir, "manifests/.kagent-index", "manifests/platform/k8s-assistant.yaml",
                "manifests/platform/release-notes.yaml", "manifests/platform/triage-bot.yaml",
                "target/kagent-attach/manifests.yaml");
        String yaml = Files.readString(basedir.toPath().resolve("manifests/platform/k8s-assistant.yaml"));
        assertTrue(yaml.contains("kind: Deployment") && yaml.contains("name: k8s-assistant"), yaml);

        // the example binds only generate; check from the command line, pointed at the same directory
        var check = maven.forProject(basedir).withCliOption("-Dkagent.outputDirectory=manifests").execute("kagent:check");
        assertCleanSuccess(check);
        assertLogContains(check, "kagent: 3 input files, 3 agents rendered, manifests up to date (3 files)");

        var help = maven.forProject(basedir).withCliOptions("-Ddetail", "-Dgoal=check").execute("kagent:help");
        assertCleanSuccess(help);
        assertLogContains(help, "kagent:check", "failOnDrift", "kagent.check.failOnDrift", "kagent.check.skip");
    }
}
