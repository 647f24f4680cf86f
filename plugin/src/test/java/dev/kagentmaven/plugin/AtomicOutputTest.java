package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.takari.maven.testing.TestMavenRuntime5;
import io.takari.maven.testing.TestResources5;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6: a run that fails while writing leaves the previous outputs byte-identical. The failure is
 * injected midway: the inputs change every agent's file and add a new agent whose target path is
 * occupied by a directory, so writing fails after the other files were rendered and staged.
 */
class AtomicOutputTest {
    private static final Properties GITOPS = MojoHarness.props("kagent.outputDirectory", "manifests");

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    @RegisterExtension
    final TestMavenRuntime5 maven = new TestMavenRuntime5();

    @Test
    void aFailureMidwayLeavesEveryPreviousOutputUntouched() throws Exception {
        File basedir = resources.getBasedir("gitops");
        MojoHarness harness = new MojoHarness(maven);
        harness.run(basedir, "generate", GITOPS);
        Path out = basedir.toPath().resolve("manifests");
        Map<String, byte[]> before = MojoHarness.snapshot(out);

        Path models = basedir.toPath().resolve("src/main/kagent/models.yaml");
        Files.writeString(models, Files.readString(models).replace("model: gpt-4o", "model: gpt-4.1"));
        Path agents = basedir.toPath().resolve("src/main/kagent/agents.yaml");
        Files.writeString(agents, Files.readString(agents) + """
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: zz-new-agent, namespace: platform}
                spec:
                  type: BYO
                  byo:
                    deployment: {image: registry.example.com/new:1}
                """);
        Files.createDirectories(out.resolve("platform/zz-new-agent.yaml")); // the injected failure

        assertThrows(MojoExecutionException.class, () -> harness.run(basedir, "generate", GITOPS));

        Map<String, byte[]> after = MojoHarness.snapshot(out);
        assertEquals(before.keySet(), after.keySet(), "no file added, removed or left behind (temporary files)");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed by a failed run");
        }

        // without the obstacle the same inputs do change the existing files: the failure really was midway
        Files.delete(out.resolve("platform/zz-new-agent.yaml"));
        harness.run(basedir, "generate", GITOPS);
        assertNotEquals(new String(before.get("platform/k8s-assistant.yaml")),
                Files.readString(out.resolve("platform/k8s-assistant.yaml")));
    }
}
