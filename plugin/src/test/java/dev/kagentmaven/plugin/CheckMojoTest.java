package dev.kagentmaven.plugin;

import static dev.kagentmaven.plugin.MojoHarness.props;
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
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@code kagent:check} in-JVM: drift detection, report format, redaction, skip flags. */
class CheckMojoTest {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    @RegisterExtension
    final TestMavenRuntime5 maven = new TestMavenRuntime5();

    private static final Properties GITOPS = props("kagent.outputDirectory", "manifests");

    private Run run(File basedir, String goal, Properties user) throws Exception {
        return new MojoHarness(maven).run(basedir, goal, user);
    }

    private static Properties with(Properties base, String... kv) {
        Properties p = new Properties();
        p.putAll(base);
        p.putAll(props(kv));
        return p;
    }

    private MojoFailureException checkFails(File basedir, Properties user) {
        return assertThrows(MojoFailureException.class, () -> run(basedir, "check", user));
    }

    @Test
    void passesRightAfterGenerateAndWritesNothing() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path out = basedir.toPath().resolve("manifests");
        Map<String, byte[]> before = MojoHarness.snapshot(out);
        Map<String, FileTime> times = MojoHarness.mtimes(out);

        Run check = run(basedir, "check", GITOPS);

        assertEquals(List.of("[info] kagent: 4 input files, 5 agents rendered, manifests up to date (5 files)"),
                check.log().lines);
        assertEquals(before.keySet(), MojoHarness.snapshot(out).keySet());
        assertEquals(times, MojoHarness.mtimes(out));
    }

    @Test
    void nothingGeneratedYetReportsEveryFileMissing() throws Exception {
        File basedir = resources.getBasedir("basic");
        MojoFailureException e = checkFails(basedir, new Properties());
        String msg = e.getMessage();
        assertTrue(msg.startsWith("kagent: 2 files in target/kagent differ from what kagent:generate would write:\n"
                + "  missing     target/kagent/.kagent-index\n"
                + "  missing     target/kagent/test/basic-agent.yaml\n"), msg);
        assertTrue(msg.contains("--- /dev/null\n+++ target/kagent/test/basic-agent.yaml (generated)\n@@ -0,0 +1,"), msg);
        assertTrue(msg.endsWith("Run `mvn kagent:generate` (with this build's configuration) and commit the result."), msg);
        // the whole new file is shown, but not the agent configuration in its Secret
        assertTrue(msg.matches("(?s).*\n\\+  config\\.json: <redacted: \\d+ bytes>\n.*"), msg);
        assertFalse(msg.contains("\"model\""), msg);
        assertFalse(Files.exists(basedir.toPath().resolve("target")), "check must not write");
    }

    @Test
    void handEditIsReportedWithAUnifiedDiff() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path file = basedir.toPath().resolve("manifests/platform/triage-bot.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("value: info", "value: debug"));

        MojoFailureException e = checkFails(basedir, GITOPS);

        String msg = e.getMessage();
        assertTrue(msg.startsWith("kagent: 1 file in manifests differs from what kagent:generate would write:\n"
                + "  drifted     manifests/platform/triage-bot.yaml\n\n"
                + "--- manifests/platform/triage-bot.yaml (on disk)\n"
                + "+++ manifests/platform/triage-bot.yaml (generated)\n@@ -"), msg);
        assertTrue(msg.contains("\n-              value: debug\n+              value: info\n"), msg);
        assertTrue(msg.contains("Run `mvn kagent:generate`"), msg);
        assertEquals(original.replace("value: info", "value: debug"), Files.readString(file), "check must not repair");
    }

    @Test
    void inputChangeWithoutRegeneratingIsReported() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path agents = basedir.toPath().resolve("src/main/kagent/agents.yaml");
        Files.writeString(agents, Files.readString(agents).replace("registry.example.com/platform/triage-bot:2.4.1",
                "registry.example.com/platform/triage-bot:2.5.0"));

        MojoFailureException e = checkFails(basedir, GITOPS);

        assertTrue(e.getMessage().contains("  drifted     manifests/platform/triage-bot.yaml\n"), e.getMessage());
        assertTrue(e.getMessage().contains("-          image: registry.example.com/platform/triage-bot:2.4.1\n"
                + "+          image: registry.example.com/platform/triage-bot:2.5.0\n"), e.getMessage());
    }

    @Test
    void everyKindOfDriftIsListedInOneFailure() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path out = basedir.toPath().resolve("manifests");
        Files.writeString(out.resolve("platform/triage-bot.yaml"), "edited\n");
        Files.delete(out.resolve("platform/release-notes.yaml"));
        Path teamB = basedir.toPath().resolve("src/main/kagent/team-b.yaml");
        String text = Files.readString(teamB);
        Files.writeString(teamB, text.substring(0, text.indexOf("---\napiVersion: kagent.dev/v1alpha2\nkind: Agent\nmetadata:\n  name: summarizer")));
        Files.writeString(out.resolve("unowned.yaml"), "not ours\n");

        MojoFailureException e = checkFails(basedir, GITOPS);

        String msg = e.getMessage();
        assertTrue(msg.startsWith("kagent: 4 files in manifests differ from what kagent:generate would write:\n"
                + "  drifted     manifests/.kagent-index\n"
                + "  missing     manifests/platform/release-notes.yaml\n"
                + "  drifted     manifests/platform/triage-bot.yaml\n"
                + "  unexpected  manifests/team-b/summarizer.yaml (no longer generated; kagent:generate deletes it)\n"),
                msg);
        assertTrue(msg.contains("--- manifests/team-b/summarizer.yaml (on disk)\n+++ /dev/null\n"), msg);
        assertTrue(msg.matches("(?s).*\n-  config\\.json: <redacted: \\d+ bytes>\n.*"), msg);
        assertFalse(msg.contains("Summarize in three sentences"), msg);
        assertFalse(msg.contains("unowned"), msg);
    }

    @Test
    void longDiffsAreTruncatedWithACount() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Files.writeString(basedir.toPath().resolve("manifests/platform/triage-bot.yaml"), "");

        MojoFailureException e = checkFails(basedir, with(GITOPS, "kagent.check.maxDiffLines", "10"));

        String msg = e.getMessage();
        assertTrue(msg.matches("(?s).*\n\\.\\.\\. \\d+ more diff lines not shown\n.*"), msg);
        int start = msg.indexOf("--- manifests/platform/triage-bot.yaml");
        int end = msg.indexOf("more diff lines not shown");
        assertEquals(10, msg.substring(start, end).split("\n").length - 1, msg);
    }

    @Test
    void secretValuesNeverReachTheReport() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path file = basedir.toPath().resolve("manifests/platform/k8s-assistant.yaml");
        String original = Files.readString(file);
        // a hand edit inside the agent's config Secret (config.json) and a change of the system prompt input
        Files.writeString(file, original.replace("\"temperature\":0.2", "\"temperature\":0.9,\"api_key\":\"sk-LEAKED\""));
        Path agents = basedir.toPath().resolve("src/main/kagent/agents.yaml");
        Files.writeString(agents, Files.readString(agents).replace("Never change resources", "Never ever change TOPSECRET resources"));

        MojoFailureException e = checkFails(basedir, GITOPS);

        String msg = e.getMessage();
        assertFalse(msg.contains("sk-LEAKED"), msg);
        assertFalse(msg.contains("TOPSECRET"), msg);
        assertFalse(msg.contains("temperature"), msg);
        assertTrue(msg.contains("\n-  config.json: <redacted>\n+  config.json: <redacted: "), msg);
        assertTrue(msg.matches("(?s).*\\+  config\\.json: <redacted: \\d+ bytes changed>\n.*"), msg);
        // the agent card did not change, so it is not part of the change
        assertFalse(msg.contains("-  agent-card.json"), msg);
    }

    @Test
    void failOnDriftFalseOnlyWarns() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Files.writeString(basedir.toPath().resolve("manifests/platform/triage-bot.yaml"), "edited\n");

        Run check = run(basedir, "check", with(GITOPS, "kagent.check.failOnDrift", "false"));

        assertEquals(2, check.log().lines.size(), check.log().lines.toString());
        assertTrue(check.log().lines.get(0).startsWith("[warn] kagent: 1 file in manifests differs"), check.log().all());
        assertEquals("[info] kagent: 4 input files, 5 agents rendered, manifests out of date: 1 drifted, 0 missing,"
                + " 0 unexpected (4 files up to date)", check.lastLine());
    }

    @Test
    void crlfLineEndingsGetAHintInsteadOfAFullDiff() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path file = basedir.toPath().resolve("manifests/platform/triage-bot.yaml");
        Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));

        MojoFailureException e = checkFails(basedir, GITOPS);

        assertTrue(e.getMessage().contains("manifests/platform/triage-bot.yaml (only the line endings differ (CRLF on disk,"
                + " LF generated);"), e.getMessage());
        assertFalse(e.getMessage().contains("+++"), e.getMessage());
    }

    @Test
    void combinedLayoutIsCheckedToo() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Properties combined = with(GITOPS, "kagent.layout", "combined");
        run(basedir, "generate", combined);
        assertEquals("[info] kagent: 4 input files, 5 agents rendered, manifests up to date (1 file)",
                run(basedir, "check", combined).lastLine());

        // the same directory checked with the per-agent layout: every per-agent file missing, manifests.yaml unexpected
        MojoFailureException e = checkFails(basedir, GITOPS);
        assertTrue(e.getMessage().contains("  unexpected  manifests/manifests.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("  missing     manifests/team-b/translator.yaml"), e.getMessage());
    }

    @Test
    void missingIndexIsReported() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Files.delete(basedir.toPath().resolve("manifests/.kagent-index"));
        MojoFailureException e = checkFails(basedir, GITOPS);
        assertTrue(e.getMessage().startsWith("kagent: 1 file in manifests differs from what kagent:generate would write:\n"
                + "  missing     manifests/.kagent-index\n"), e.getMessage());
    }

    @Test
    void checkAfterGenerateInTheSameBuildSaysSo() throws Exception {
        File basedir = resources.getBasedir("gitops");
        MavenProject project = maven.readMavenProject(basedir);
        new MojoHarness(maven).run(project, "generate", GITOPS);
        Run check = new MojoHarness(maven).run(project, "check", GITOPS);
        assertTrue(check.lastLine().contains("kagent:generate ran earlier in this build"), check.lastLine());
    }

    @Test
    void inputErrorsFailCheckLikeGenerate() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path agents = basedir.toPath().resolve("src/main/kagent/agents.yaml");
        Files.writeString(agents, Files.readString(agents).replace("modelConfig: gpt-4o\n", "modelConfig: no-such-model\n"));
        MojoFailureException e = checkFails(basedir, GITOPS);
        assertTrue(e.getMessage().contains("in the inputs:"), e.getMessage());
    }

    // ---------------------------------------------------------------- skip flags

    @Test
    void skipFlagsAreCheckedBeforeAnything() throws Exception {
        File basedir = resources.getBasedir("no-input"); // reading anything would fail
        assertEquals(List.of("[info] kagent:check skipped (kagent.skip)"),
                run(basedir, "check", props("kagent.skip", "true", "kagent.layout", "bogus")).log().lines);
        assertEquals(List.of("[info] kagent:check skipped (kagent.check.skip)"),
                run(basedir, "check", props("kagent.check.skip", "true", "kagent.layout", "bogus")).log().lines);
        assertThrows(MojoFailureException.class, () -> run(basedir, "check", props("kagent.generate.skip", "true")));
    }

    @Test
    void skippedCheckIgnoresDrift() throws Exception {
        File basedir = resources.getBasedir("gitops");
        run(basedir, "generate", GITOPS);
        Path file = basedir.toPath().resolve("manifests/platform/triage-bot.yaml");
        byte[] edited = "edited\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, edited);
        assertEquals(List.of("[info] kagent:check skipped (kagent.check.skip)"),
                run(basedir, "check", with(GITOPS, "kagent.check.skip", "true")).log().lines);
        assertArrayEquals(edited, Files.readAllBytes(file));
    }
}
