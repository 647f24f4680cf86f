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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The up-to-date check of {@code generate} ({@link BuildState}): an unchanged re-run renders and
 * writes nothing, and every kind of change (inputs, settings, outputs, state) brings a full run
 * back, which restores exactly what a first run writes.
 */
class IncrementalGenerateTest {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    @RegisterExtension
    final TestMavenRuntime5 maven = new TestMavenRuntime5();

    private static final String UP_TO_DATE = "[info] kagent: 4 input files, 5 agents, up to date in target/kagent"
            + " (inputs, configuration and outputs unchanged since the last run; 0 files written)";

    private Run generate(File basedir, Properties user) throws Exception {
        return new MojoHarness(maven).run(basedir, "generate", user);
    }

    private static Path stateDir(File basedir) {
        return basedir.toPath().resolve("target/" + BuildState.DIRECTORY);
    }

    @Test
    void unchangedRerunRendersAndWritesNothing() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        Run first = generate(basedir, new Properties());
        assertTrue(first.lastLine().contains("5 files written (0 unchanged, 0 deleted)"), first.lastLine());
        Map<String, byte[]> bytes = MojoHarness.snapshot(out);
        Map<String, FileTime> times = MojoHarness.mtimes(out);

        Run second = generate(basedir, new Properties());

        assertEquals(List.of(UP_TO_DATE), second.log().lines);
        assertEquals(times, MojoHarness.mtimes(out));
        Map<String, byte[]> after = MojoHarness.snapshot(out);
        assertEquals(bytes.keySet(), after.keySet());
        bytes.forEach((f, b) -> assertArrayEquals(b, after.get(f), f));
        // the state lives in the build directory, never among the committed outputs
        assertFalse(bytes.keySet().stream().anyMatch(f -> f.contains("state")), bytes.keySet().toString());
        try (Stream<Path> states = Files.list(stateDir(basedir))) {
            assertEquals(1, states.count());
        }
    }

    @Test
    void changedInputRendersAgain() throws Exception {
        File basedir = resources.getBasedir("gitops");
        generate(basedir, new Properties());
        Path agents = basedir.toPath().resolve("src/main/kagent/team-b.yaml");
        Files.writeString(agents, Files.readString(agents).replace("Summarize in three sentences.", "Summarize in two."));

        Run run = generate(basedir, new Properties());

        assertTrue(run.lastLine().contains("1 file written (4 unchanged, 0 deleted)"), run.lastLine());
        assertEquals(List.of(UP_TO_DATE), generate(basedir, new Properties()).log().lines);
    }

    @Test
    void changedSettingRendersAgain() throws Exception {
        File basedir = resources.getBasedir("gitops");
        generate(basedir, new Properties());

        Run run = generate(basedir, props("kagent.imageTag", "9.9.9"));

        assertTrue(run.lastLine().contains("4 files written (1 unchanged, 0 deleted)"), run.lastLine());
        assertTrue(Files.readString(basedir.toPath().resolve("target/kagent/team-b/summarizer.yaml")).contains(":9.9.9"));
        // and back: the earlier state is gone, so the old setting renders again too
        Run back = generate(basedir, new Properties());
        assertTrue(back.lastLine().contains("4 files written (1 unchanged, 0 deleted)"), back.lastLine());
    }

    @Test
    void deletedOrEditedOutputIsRestored() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        Map<String, byte[]> expected = MojoHarness.snapshot(out);

        Files.delete(out.resolve("platform/triage-bot.yaml"));
        Run restored = generate(basedir, new Properties());
        assertTrue(restored.lastLine().contains("1 file written (4 unchanged, 0 deleted)"), restored.lastLine());

        Files.writeString(out.resolve("team-b/translator.yaml"), "# edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
        Run again = generate(basedir, new Properties());
        assertTrue(again.lastLine().contains("1 file written (4 unchanged, 0 deleted)"), again.lastLine());

        // an edit that keeps the size is noticed through the modification time
        Path index = out.resolve(".kagent-index");
        byte[] text = Files.readAllBytes(index);
        text[0] = (byte) '!';
        Files.write(index, text);
        Files.setLastModifiedTime(index, FileTime.fromMillis(Files.getLastModifiedTime(index).toMillis() + 2_000));
        generate(basedir, new Properties());

        Map<String, byte[]> after = MojoHarness.snapshot(out);
        assertEquals(expected.keySet(), after.keySet());
        expected.forEach((f, b) -> assertArrayEquals(b, after.get(f), f));
    }

    @Test
    void unreadableStateMeansAFullRun() throws Exception {
        File basedir = resources.getBasedir("gitops");
        generate(basedir, new Properties());
        Path state;
        try (Stream<Path> states = Files.list(stateDir(basedir))) {
            state = states.findFirst().orElseThrow();
        }
        for (String garbage : List.of("", "kagent-maven-plugin generate state 1\nfingerprint x\n",
                Files.readString(state).replace("output ", "output x"), Files.readString(state) + "surprise\n")) {
            Files.writeString(state, garbage);
            Run run = generate(basedir, new Properties());
            assertTrue(run.lastLine().contains("0 files written (5 unchanged, 0 deleted)"), garbage + " -> " + run.lastLine());
        }
        assertEquals(List.of(UP_TO_DATE), generate(basedir, new Properties()).log().lines);
    }

    @Test
    void incrementalFalseAlwaysRenders() throws Exception {
        File basedir = resources.getBasedir("gitops");
        generate(basedir, new Properties());
        Run run = generate(basedir, props("kagent.incremental", "false"));
        assertEquals("[info] kagent: 4 input files, 5 agents rendered, 0 files written (5 unchanged, 0 deleted) in target/kagent",
                run.lastLine());
    }

    @Test
    void warningsOfTheLastFullRunAreRepeated() throws Exception {
        File basedir = resources.getBasedir("basic");
        Path input = basedir.toPath().resolve("src/main/kagent/basic-agent.yaml");
        Files.writeString(input, Files.readString(input).replace("  type: Declarative\n", "  type: Declarative\n  descripton: typo\n"));
        Run first = generate(basedir, new Properties());
        List<String> warnings = first.log().lines.stream().filter(l -> l.startsWith("[warn]")).toList();
        assertEquals(1, warnings.size(), first.log().lines.toString());
        assertTrue(warnings.get(0).contains("descripton"), warnings.get(0));

        Run second = generate(basedir, new Properties());

        assertEquals(warnings, second.log().lines.stream().filter(l -> l.startsWith("[warn]")).toList());
        assertTrue(second.lastLine().contains("up to date"), second.lastLine());
    }

    @Test
    void restoringTheInputsAfterAFailedRunRendersCorrectly() throws Exception {
        File basedir = resources.getBasedir("gitops");
        Path out = basedir.toPath().resolve("target/kagent");
        generate(basedir, new Properties());
        Path agents = basedir.toPath().resolve("src/main/kagent/team-b.yaml");
        String good = Files.readString(agents);
        Files.writeString(agents, good + "\n---\nkind: [broken\n");
        assertThrows(MojoFailureException.class, () -> generate(basedir, new Properties()));
        // meanwhile someone edits an output; restoring the input must not be taken for "nothing changed"
        Files.writeString(out.resolve("team-b/translator.yaml"), "edited\n");
        Files.setLastModifiedTime(out.resolve("team-b/translator.yaml"), FileTime.fromMillis(946_684_800_000L));
        Files.writeString(agents, good);

        Run run = generate(basedir, new Properties());

        assertTrue(run.lastLine().contains("1 file written (4 unchanged, 0 deleted)"), run.lastLine());
    }
}
