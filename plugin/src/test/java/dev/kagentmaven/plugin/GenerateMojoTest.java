package dev.kagentmaven.plugin;

import static dev.kagentmaven.plugin.MojoHarness.props;
import static io.takari.maven.testing.TestMavenRuntime.newParameter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.plugin.MojoHarness.Run;
import io.takari.maven.testing.TestMavenRuntime5;
import io.takari.maven.testing.TestResources5;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@code kagent:generate} in-JVM against the projects in {@code src/test/projects}. */
class GenerateMojoTest {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    @RegisterExtension
    final TestMavenRuntime5 maven = new TestMavenRuntime5();

    private MojoHarness harness() {
        return new MojoHarness(maven);
    }

    private Run generate(File basedir, Properties user, Xpp3Dom... parameters) throws Exception {
        return harness().run(basedir, "generate", user, parameters);
    }

    private static final List<String> GITOPS_FILES = List.of(".kagent-index", "platform/k8s-assistant.yaml",
            "platform/release-notes.yaml", "platform/triage-bot.yaml", "team-b/summarizer.yaml", "team-b/translator.yaml");

    // ---------------------------------------------------------------- skip flags

    @Test
    void skipWritesNothing() throws Exception {
        File basedir = resources.getBasedir("basic");
        Run run = generate(basedir, new Properties(), newParameter("skip", "true"));
        assertEquals(List.of("[info] kagent:generate skipped (kagent.skip)"), run.log().lines);
        assertFalse(new File(basedir, "target").exists(), "nothing may be written when skipped");
    }

    @Test
    void skipPropertyIsCheckedBeforeAnything() throws Exception {
        File basedir = resources.getBasedir("no-input"); // would fail if the input directory were looked at
        Run run = generate(basedir, props("kagent.skip", "true", "kagent.tlsClientSecretCa", "bogus", "kagent.layout", "bogus"));
        assertEquals(List.of("[info] kagent:generate skipped (kagent.skip)"), run.log().lines);
    }

    @Test
    void generateSkipPropertyIsCheckedBeforeAnything() throws Exception {
        File basedir = resources.getBasedir("no-input");
        Run run = generate(basedir, props("kagent.generate.skip", "true", "kagent.layout", "bogus"));
        assertEquals(List.of("[info] kagent:generate skipped (kagent.generate.skip)"), run.log().lines);
    }

    @Test
    void checkSkipDoesNotSkipGenerate() throws Exception {
        File basedir = resources.getBasedir("basic");
        Run run = generate(basedir, props("kagent.check.skip", "true"));
        assertTrue(run.lastLine().startsWith("[info] kagent: 1 input file, 1 agent rendered, 1 file written"), run.lastLine());
    }

    // ---------------------------------------------------------------- inputs and parameters

    @Test
    void missingInputDirectoryFails() throws Exception {
        File basedir = resources.getBasedir("no-input");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> generate(basedir, new Properties()));
        assertTrue(e.getMessage().contains("input directory src/main/kagent does not exist"), e.getMessage());
        assertFalse(new File(basedir, "target/kagent").exists());
    }

    @Test
    void badTlsClientSecretCaFails() throws Exception {
        File basedir = resources.getBasedir("basic");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> generate(basedir, new Properties(), newParameter("tlsClientSecretCa", "sometimes")));
        assertTrue(e.getMessage().contains("tlsClientSecretCa must be one of auto, always, never"), e.getMessage());
    }

    @Test
    void badLayoutFails() throws Exception {
        File basedir = resources.getBasedir("basic");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> generate(basedir, props("kagent.layout", "single")));
        assertTrue(e.getMessage().contains("layout must be one of per-agent, combined; got 'single'"), e.getMessage());
    }

    @Test
    void outputDirectoryEqualToInputDirectoryFails() throws Exception {
        File basedir = resources.getBasedir("basic");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> generate(basedir, props("kagent.outputDirectory", "src/main/kagent")));
        assertTrue(e.getMessage().contains("outputDirectory and inputDirectory are both src/main/kagent"), e.getMessage());
    }

    @Test
    void relativeDirectoriesResolveAgainstBasedir() throws Exception {
        File basedir = resources.getBasedir("relative");
        Properties user = props("kagent.inputDirectory", "agents", "kagent.outputDirectory", "manifests",
                "kagent.agents", "test/basic-agent, test/basic-agent", "kagent.tlsClientSecretCa", "ALWAYS");
        Run run = generate(basedir, user);
        assertEquals("[info] kagent: 1 input file, 1 agent rendered, 1 file written (0 unchanged, 0 deleted) in manifests",
                run.lastLine());
        assertTrue(Files.isRegularFile(basedir.toPath().resolve("manifests/test/basic-agent.yaml")));
    }

    @Test
    void mapParametersAcceptPomConfiguration() throws Exception {
        File basedir = resources.getBasedir("basic");
        Xpp3Dom labels = new Xpp3Dom("defaultAgentPodLabels");
        labels.addChild(newParameter("team", "platform"));
        Xpp3Dom otel = new Xpp3Dom("otelEnv");
        otel.addChild(newParameter("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
        generate(basedir, new Properties(), labels, otel, newParameter("imageTag", "dev"));
        String yaml = Files.readString(basedir.toPath().resolve("target/kagent/test/basic-agent.yaml"));
        assertTrue(yaml.contains("team: platform"), yaml);
        assertTrue(yaml.contains("http://collector:4317"), yaml);
        assertTrue(yaml.contains(":dev"), yaml);
    }

    @Test
    void renderMcpServersWritesTheMcpServerWorkloads() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Run run = generate(basedir, props("kagent.renderMcpServers", "true", "kagent.transportAdapterVersion", "0.9.1",
                "kagent.kgatewayMcpAppProtocol", "false"));
        assertTrue(run.lastLine().contains("5 agents and 1 MCPServer rendered, 6 files written"), run.lastLine());
        String yaml = Files.readString(basedir.toPath().resolve("target/kagent/platform/mcpserver-kubernetes-mcp.yaml"));
        assertTrue(yaml.contains("kind: Deployment"), yaml);
        assertTrue(yaml.contains("0.9.1"), yaml);
        assertFalse(yaml.contains("kgateway.dev/mcp"), yaml);
    }

    @Test
    void basicAgentIsRendered() throws Exception {
        File basedir = resources.getBasedir("basic");
        Run run = generate(basedir, new Properties());
        assertEquals("[info] kagent: 1 input file, 1 agent rendered, 1 file written (0 unchanged, 0 deleted) in target/kagent",
                run.lastLine());
        Path out = basedir.toPath().resolve("target/kagent/test/basic-agent.yaml");
        String yaml = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("kind: Deployment"), yaml);
        assertEquals(1, run.log().lines.size(), "exactly one INFO line per run: " + run.log().lines);
    }

    // ---------------------------------------------------------------- index, write-if-changed, stale files

    @Test
    void indexListsTheOwnedFilesSortedWithLf() throws Exception {
        File basedir = resources.getBasedir("gitops");
        generate(basedir, new Properties());
        Path out = basedir.toPath().resolve("target/kagent");
        assertEquals(GITOPS_FILES, List.copyOf(MojoHarness.snapshot(out).keySet()));
        String index = Files.readString(out.resolve(".kagent-index"), StandardCharsets.UTF_8);
        assertTrue(index.endsWith("\nplatform/k8s-assistant.yaml\nplatform/release-notes.yaml\nplatform/triage-bot.yaml\n"
                + "team-b/summarizer.yaml\nteam-b/translator.yaml\n"), index);
        assertFalse(index.contains("\r"), index);
        assertTrue(index.startsWith("# "), index);
    }

    /** Determinism, second half: two runs in a row leave every file's bytes and modification time alone. */
    @Test
    void secondRunChangesNoByteAndNoModificationTime() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        // back-date everything so that a rewrite would show even on a coarse-grained file system
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        for (String f : MojoHarness.snapshot(out).keySet()) {
            Files.setLastModifiedTime(out.resolve(f), old);
        }
        Map<String, byte[]> before = MojoHarness.snapshot(out);

        Run second = generate(basedir, new Properties());

        assertEquals("[info] kagent: 4 input files, 5 agents rendered, 0 files written (5 unchanged, 0 deleted) in target/kagent",
                second.lastLine());
        Map<String, byte[]> after = MojoHarness.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f);
        }
        MojoHarness.mtimes(out).forEach((f, t) -> assertEquals(old, t, "rewritten: " + f));
        assertEquals(List.of(), leftovers(out), "temporary files left behind");
    }

    @Test
    void changedInputRewritesOnlyTheAffectedFile() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        for (String f : MojoHarness.snapshot(out).keySet()) {
            Files.setLastModifiedTime(out.resolve(f), old);
        }
        Path agents = basedir.toPath().resolve("src/main/kagent/team-b.yaml");
        Files.writeString(agents, Files.readString(agents).replace("Summarize in three sentences.", "Summarize in two."));

        Run run = generate(basedir, new Properties());

        assertTrue(run.lastLine().contains("1 file written (4 unchanged, 0 deleted)"), run.lastLine());
        Map<String, FileTime> times = MojoHarness.mtimes(out);
        times.forEach((f, t) -> assertEquals(!f.equals("team-b/summarizer.yaml"), old.equals(t), f + " " + t));
    }

    @Test
    void removedAgentIsDeletedButUnownedFilesAreNeverTouched() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        // files the plugin did not write, including one that looks generated
        Files.writeString(out.resolve("README.md"), "hand-written\n");
        Files.writeString(out.resolve("team-b/extra.yaml"), "kind: ConfigMap\n");
        Files.createDirectories(out.resolve("other"));
        Files.writeString(out.resolve("other/x.yaml"), "x\n");

        Path inputs = basedir.toPath().resolve("src/main/kagent/team-b.yaml");
        String text = Files.readString(inputs);
        Files.writeString(inputs, text.substring(0, text.indexOf("---\napiVersion: kagent.dev/v1alpha2\nkind: Agent\nmetadata:\n  name: summarizer")));

        Run run = generate(basedir, new Properties());

        assertEquals("[info] kagent: 4 input files, 4 agents rendered, 0 files written (4 unchanged, 1 deleted) in target/kagent",
                run.lastLine());
        assertFalse(Files.exists(out.resolve("team-b/summarizer.yaml")));
        assertEquals("hand-written\n", Files.readString(out.resolve("README.md")));
        assertEquals("kind: ConfigMap\n", Files.readString(out.resolve("team-b/extra.yaml")));
        assertEquals("x\n", Files.readString(out.resolve("other/x.yaml")));
        assertFalse(Files.readString(out.resolve(".kagent-index")).contains("summarizer"));

        // removing the whole namespace also removes its now-empty directory, but not one holding foreign files
        Files.writeString(inputs, "# nothing\n");
        generate(basedir, new Properties());
        assertFalse(Files.exists(out.resolve("team-b/translator.yaml")));
        assertTrue(Files.exists(out.resolve("team-b/extra.yaml")));
        Files.delete(out.resolve("team-b/extra.yaml"));
        Files.writeString(inputs, text);
        generate(basedir, new Properties());
        Files.writeString(inputs, "# nothing\n");
        generate(basedir, new Properties());
        assertFalse(Files.exists(out.resolve("team-b")), "empty namespace directory left behind");
    }

    @Test
    void unsafeIndexEntriesAreIgnored() throws Exception {
        File basedir = resources.getBasedir("basic");
        Path out = basedir.toPath().resolve("target/kagent");
        Path victim = basedir.toPath().resolve("precious.yaml");
        Files.writeString(victim, "keep me\n");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".kagent-index"), "../../precious.yaml\n/etc/passwd\ntest/./x.yaml\nold/gone.yaml\n");

        Run run = generate(basedir, new Properties());

        assertTrue(Files.exists(victim));
        assertTrue(run.log().all().contains("[warn] kagent: ignoring entry '../../precious.yaml' of .kagent-index"),
                run.log().all());
        assertTrue(run.lastLine().endsWith("1 file written (0 unchanged, 0 deleted) in target/kagent"), run.lastLine());
    }

    @Test
    void inputErrorLeavesPreviousOutputUntouched() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        Map<String, byte[]> before = MojoHarness.snapshot(out);
        Map<String, FileTime> times = MojoHarness.mtimes(out);
        Path agents = basedir.toPath().resolve("src/main/kagent/agents.yaml");
        // an Agent removed (would delete a file) plus a broken reference (an error)
        Files.writeString(agents, Files.readString(agents)
                .replace("modelConfig: gpt-4o\n", "modelConfig: no-such-model\n"));
        Files.delete(basedir.toPath().resolve("src/main/kagent/team-b.yaml"));

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> generate(basedir, new Properties()));

        assertTrue(e.getMessage().startsWith("kagent: "), e.getMessage());
        Map<String, byte[]> after = MojoHarness.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((f, b) -> assertArrayEquals(b, after.get(f), f));
        assertEquals(times, MojoHarness.mtimes(out));
    }

    // ---------------------------------------------------------------- layout, attach, addResources

    @Test
    void combinedLayoutWritesOneFileAndDeletesThePerAgentFiles() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        Map<String, byte[]> perAgent = MojoHarness.snapshot(out);

        Run run = generate(basedir, props("kagent.layout", "combined"));

        assertEquals(List.of(".kagent-index", "manifests.yaml"), List.copyOf(MojoHarness.snapshot(out).keySet()));
        assertTrue(run.lastLine().endsWith("1 file written (0 unchanged, 5 deleted) in target/kagent"), run.lastLine());
        // the combined file is the per-agent files concatenated in manifest order
        String expected = "";
        for (String f : List.of("platform/k8s-assistant.yaml", "platform/release-notes.yaml", "platform/triage-bot.yaml",
                "team-b/summarizer.yaml", "team-b/translator.yaml")) {
            expected += new String(perAgent.get(f), StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(out.resolve("manifests.yaml"), StandardCharsets.UTF_8));
        assertTrue(Files.readString(out.resolve(".kagent-index")).endsWith("\nmanifests.yaml\n"));
    }

    @Test
    void attachPublishesTheCombinedManifest() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Run run = generate(basedir, props("kagent.attach", "true"));

        Artifact attached = onlyAttachment(run);
        Path file = attached.getFile().toPath();
        assertEquals(basedir.toPath().resolve("target/kagent-attach/manifests.yaml").toAbsolutePath().normalize(),
                file.toAbsolutePath().normalize());
        String combined = Files.readString(file);
        assertTrue(combined.contains("name: k8s-assistant") && combined.contains("name: translator"), "not combined");
        assertFalse(MojoHarness.snapshot(basedir.toPath().resolve("target/kagent")).containsKey("manifests.yaml"));

        Run combinedLayout = generate(basedir, props("kagent.attach", "true", "kagent.layout", "combined"));
        Path combinedFile = onlyAttachment(combinedLayout).getFile().toPath();
        assertEquals(basedir.toPath().resolve("target/kagent/manifests.yaml").toAbsolutePath().normalize(),
                combinedFile.toAbsolutePath().normalize());
        assertEquals(combined, Files.readString(combinedFile));
    }

    private static Artifact onlyAttachment(Run run) {
        List<Artifact> attached = run.project().getAttachedArtifacts();
        assertEquals(1, attached.size(), attached.toString());
        Artifact a = attached.get(0);
        assertEquals("kagent", a.getClassifier());
        assertEquals("yaml", a.getType());
        return a;
    }

    @Test
    void withoutAttachNothingIsAttachedAndNoResourceIsAdded() throws Exception {
        File basedir = resources.getBasedir("basic");
        Run run = generate(basedir, new Properties());
        assertEquals(List.of(), run.project().getAttachedArtifacts());
        assertTrue(run.project().getResources().stream()
                .noneMatch(r -> r.getDirectory().endsWith("kagent")), run.project().getResources().toString());
        assertFalse(Files.exists(basedir.toPath().resolve("target/kagent-attach")));
    }

    @Test
    void addResourcesAddsTheOutputDirectoryOnceWithoutTheIndex() throws Exception {
        File basedir = resources.getBasedir("basic");
        org.apache.maven.project.MavenProject project = maven.readMavenProject(basedir);
        harness().run(project, "generate", props("kagent.addResources", "true", "kagent.outputDirectory", "manifests"));
        harness().run(project, "generate", props("kagent.addResources", "true", "kagent.outputDirectory", "manifests"));

        List<Resource> added = project.getResources().stream()
                .filter(r -> r.getDirectory().equals(basedir.toPath().resolve("manifests").toAbsolutePath().normalize().toString()))
                .toList();
        assertEquals(1, added.size(), project.getResources().toString());
        assertEquals(List.of(".kagent-index"), added.get(0).getExcludes());
    }

    // ---------------------------------------------------------------- the output directory is confined

    @Test
    void symlinkedNamespaceDirectoryLeadingOutsideIsRefused() throws Exception {
        File basedir = resources.getBasedir("basic");
        Path out = basedir.toPath().resolve("target/kagent");
        Path elsewhere = basedir.toPath().resolve("elsewhere");
        Files.createDirectories(out);
        Files.createDirectories(elsewhere);
        try {
            Files.createSymbolicLink(out.resolve("test"), elsewhere);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> generate(basedir, new Properties()));
        assertTrue(e.getMessage().contains("symbolic link leading outside the output directory"), e.getMessage());
        try (var list = Files.list(elsewhere)) {
            assertEquals(0, list.count(), "wrote through the link");
        }
    }

    private static List<Path> leftovers(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
