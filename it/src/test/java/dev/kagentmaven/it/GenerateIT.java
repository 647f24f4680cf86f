package dev.kagentmaven.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.takari.maven.testing.TestResources;
import io.takari.maven.testing.TestResources5;
import io.takari.maven.testing.executor.MavenExecutionResult;
import io.takari.maven.testing.executor.MavenInstallations;
import io.takari.maven.testing.executor.MavenRuntime;
import io.takari.maven.testing.executor.MavenRuntime.MavenRuntimeBuilder;
import io.takari.maven.testing.executor.junit.MavenPluginTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code kagent:generate} through a real Maven launcher on {@code src/test/projects/basic}.
 * The plugin is resolved from the reactor (takari workspace state), so run it with
 * {@code mvn verify} from the repository root, not {@code mvn -pl it verify}.
 */
@MavenInstallations("target/maven-installation/apache-maven-3.9.16")
class GenerateIT {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    private final MavenRuntime maven;

    GenerateIT(MavenRuntimeBuilder builder) throws Exception {
        this.maven = builder.withCliOptions("-B", "-e").build();
    }

    @MavenPluginTest
    void generatesManifestsInTheGenerateResourcesPhase() throws Exception {
        File basedir = resources.getBasedir("basic");

        MavenExecutionResult result = maven.forProject(basedir).execute("generate-resources");

        result.assertErrorFreeLog();
        result.assertLogText("kagent: 1 input file, ");
        TestResources.assertFilesPresent(basedir, "target/kagent/test/basic-agent.yaml");
        String yaml = Files.readString(new File(basedir, "target/kagent/test/basic-agent.yaml").toPath(),
                StandardCharsets.UTF_8);
        assertTrue(yaml.contains("kind: Deployment"), yaml);
        assertTrue(yaml.contains("name: basic-agent"), yaml);
    }
}
