package dev.kagentmaven.it;

import static dev.kagentmaven.it.ItSupport.assertCleanSuccess;
import static dev.kagentmaven.it.ItSupport.assertFailure;
import static dev.kagentmaven.it.ItSupport.assertLogContains;
import static dev.kagentmaven.it.ItSupport.replaceIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.takari.maven.testing.TestResources5;
import io.takari.maven.testing.executor.MavenExecutionResult;
import io.takari.maven.testing.executor.MavenInstallations;
import io.takari.maven.testing.executor.MavenRuntime;
import io.takari.maven.testing.executor.MavenRuntime.MavenRuntimeBuilder;
import io.takari.maven.testing.executor.junit.MavenPluginTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GitOps workflow through a real Maven, on the README's POM snippet ({@code src/test/projects/gitops})
 * with the bundled example's inputs: {@code mvn kagent:generate}, commit, and in CI
 * {@code mvn verify -Dkagent.generate.skip}, where {@code check} must pass on fresh output and fail
 * with a diff after a hand edit, after an input change and after an Agent was removed; skip flags
 * are honoured; a later {@code generate} repairs everything, deleting the stale file only.
 */
@MavenInstallations({MavenDistributions.OLDEST, MavenDistributions.WRAPPER, MavenDistributions.MAVEN4})
class GitOpsWorkflowIT {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    private final MavenRuntime maven;

    GitOpsWorkflowIT(MavenRuntimeBuilder builder) throws Exception {
        this.maven = builder.withCliOptions("-B", "-e").build();
    }

    private File project() throws Exception {
        File basedir = resources.getBasedir("gitops");
        ItSupport.copyExampleInputs(basedir);
        return basedir;
    }

    /** What CI runs: the full build, but check compares the committed files. */
    private MavenExecutionResult ci(File basedir, String... extra) throws Exception {
        return maven.forProject(basedir).withCliOption("-Dkagent.generate.skip").withCliOptions(extra).execute("verify");
    }

    @MavenPluginTest
    void checkPassesAfterGenerateAndFailsWithADiffAfterAHandEdit() throws Exception {
        File basedir = project();
        Path triage = basedir.toPath().resolve("manifests/platform/triage-bot.yaml");

        MavenExecutionResult generate = assertCleanSuccess(maven.forProject(basedir).execute("kagent:generate"));
        assertLogContains(generate, "kagent: 3 input files, 3 agents rendered, 3 files written (0 unchanged, 0 deleted) in manifests");

        MavenExecutionResult clean = assertCleanSuccess(ci(basedir));
        assertLogContains(clean, "kagent:generate skipped (kagent.generate.skip)",
                "kagent: 3 input files, 3 agents rendered, manifests up to date (3 files)");

        replaceIn(triage, "value: info", "value: debug");
        assertFailure(ci(basedir),
                "kagent: 1 file in manifests differs from what kagent:generate would write:",
                "  drifted     manifests/platform/triage-bot.yaml",
                "--- manifests/platform/triage-bot.yaml (on disk)",
                "+++ manifests/platform/triage-bot.yaml (generated)",
                "-              value: debug",
                "+              value: info",
                "Run `mvn kagent:generate`");

        MavenExecutionResult skipped = assertCleanSuccess(ci(basedir, "-Dkagent.check.skip"));
        assertLogContains(skipped, "kagent:check skipped (kagent.check.skip)");
        assertTrue(Files.readString(triage).contains("value: debug"), "check must not repair");

        MavenExecutionResult warnOnly = assertCleanSuccess(ci(basedir, "-Dkagent.check.failOnDrift=false"));
        assertLogContains(warnOnly, "[WARNING] kagent: 1 file in manifests differs", "manifests out of date: 1 drifted");

        // a plain local build regenerates (only the edited file; the others keep their mtime) and checks
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        for (String f : new String[] {"platform/k8s-assistant.yaml", "platform/release-notes.yaml", ".kagent-index"}) {
            Files.setLastModifiedTime(basedir.toPath().resolve("manifests").resolve(f), old);
        }
        MavenExecutionResult local = assertCleanSuccess(maven.forProject(basedir).execute("verify"));
        assertLogContains(local, "1 file written (2 unchanged, 0 deleted) in manifests", "manifests up to date (3 files)");
        assertTrue(Files.readString(triage).contains("value: info"));
        for (String f : new String[] {"platform/k8s-assistant.yaml", "platform/release-notes.yaml", ".kagent-index"}) {
            assertEquals(old, Files.getLastModifiedTime(basedir.toPath().resolve("manifests").resolve(f)), f);
        }

        // nothing changed since: generate is up to date and writes nothing; check still compares in full
        MavenExecutionResult again = assertCleanSuccess(maven.forProject(basedir).execute("verify"));
        assertLogContains(again, "kagent: 3 input files, 3 agents, up to date in manifests (inputs, configuration and outputs"
                + " unchanged since the last run; 0 files written)", "manifests up to date (3 files)");
    }

    @MavenPluginTest
    void checkFailsAfterAnInputChangeAndAfterAnAgentIsRemovedAndGenerateDeletesOnlyTheStaleFile() throws Exception {
        File basedir = project();
        Path manifests = basedir.toPath().resolve("manifests");
        Path agents = basedir.toPath().resolve("src/main/kagent/agents.yaml");
        assertCleanSuccess(maven.forProject(basedir).execute("kagent:generate"));

        // an Agent edited without regenerating
        replaceIn(agents, "registry.example.com/platform/triage-bot:2.4.1", "registry.example.com/platform/triage-bot:2.5.0");
        assertFailure(ci(basedir),
                "  drifted     manifests/platform/triage-bot.yaml",
                "-          image: registry.example.com/platform/triage-bot:2.4.1",
                "+          image: registry.example.com/platform/triage-bot:2.5.0");

        // kagent.skip skips both goals: nothing is read or written
        byte[] before = Files.readAllBytes(manifests.resolve("platform/triage-bot.yaml"));
        MavenExecutionResult skipAll = assertCleanSuccess(maven.forProject(basedir).withCliOption("-Dkagent.skip").execute("verify"));
        assertLogContains(skipAll, "kagent:generate skipped (kagent.skip)", "kagent:check skipped (kagent.skip)");
        assertArrayEquals(before, Files.readAllBytes(manifests.resolve("platform/triage-bot.yaml")));

        // the Agent removed; a file the plugin does not own sits next to the manifests
        String text = Files.readString(agents);
        Files.writeString(agents, text.substring(0, text.indexOf("---\napiVersion: kagent.dev/v1alpha2\nkind: Agent\nmetadata:\n  name: triage-bot")));
        Files.writeString(manifests.resolve("platform/README.md"), "hand-written, not generated\n");
        assertFailure(ci(basedir),
                "kagent: 2 files in manifests differ from what kagent:generate would write:",
                "  drifted     manifests/.kagent-index",
                "  unexpected  manifests/platform/triage-bot.yaml (no longer generated; kagent:generate deletes it)",
                "--- manifests/platform/triage-bot.yaml (on disk)",
                "+++ /dev/null");

        MavenExecutionResult regenerate = assertCleanSuccess(maven.forProject(basedir).execute("verify"));
        assertLogContains(regenerate, "kagent: 3 input files, 2 agents rendered, 0 files written (2 unchanged, 1 deleted) in manifests",
                "manifests up to date (2 files)");
        assertFalse(Files.exists(manifests.resolve("platform/triage-bot.yaml")));
        assertEquals("hand-written, not generated\n", Files.readString(manifests.resolve("platform/README.md")));
    }
}
