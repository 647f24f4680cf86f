package dev.kagentmaven.it;

import static dev.kagentmaven.it.ItSupport.assertCleanSuccess;
import static dev.kagentmaven.it.ItSupport.assertLogContains;

import io.takari.maven.testing.TestResources;
import io.takari.maven.testing.TestResources5;
import io.takari.maven.testing.executor.MavenExecutionResult;
import io.takari.maven.testing.executor.MavenInstallations;
import io.takari.maven.testing.executor.MavenRuntime;
import io.takari.maven.testing.executor.MavenRuntime.MavenRuntimeBuilder;
import io.takari.maven.testing.executor.junit.MavenPluginTest;
import java.io.File;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A two-module build with {@code -T2}: both goals run in parallel without Maven's thread-safety warning. */
@MavenInstallations({MavenDistributions.OLDEST, MavenDistributions.WRAPPER, MavenDistributions.MAVEN4})
class ParallelBuildIT {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    private final MavenRuntime maven;

    ParallelBuildIT(MavenRuntimeBuilder builder) throws Exception {
        this.maven = builder.withCliOptions("-B", "-e").build();
    }

    @MavenPluginTest
    void multiModuleBuildWithTwoThreadsHasNoThreadSafetyWarning() throws Exception {
        File basedir = resources.getBasedir("multimodule");

        MavenExecutionResult result = maven.forProject(basedir).withCliOption("-T2").execute("verify");

        assertCleanSuccess(result); // also asserts no "threadSafe"/"thread-safe" text in the log
        assertLogContains(result, "kagent: 1 input file, 2 agents rendered, 2 files written (0 unchanged, 0 deleted) in manifests",
                "kagent: 1 input file, 2 agents rendered, manifests up to date (2 files)");
        TestResources.assertFilesPresent(basedir, "team-a/manifests/team-a/helper.yaml", "team-a/manifests/team-a/reviewer.yaml",
                "team-b/manifests/team-b/helper.yaml", "team-b/manifests/team-b/reviewer.yaml");
    }
}
