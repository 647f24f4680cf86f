package dev.kagentmaven.plugin;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.plugin.MojoHarness.CapturingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write side of the engine ({@link ManifestWriter}, {@link OutputDirectory}) and name checks. */
class ManifestWriterTest {

    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Engine.Plan plan(String... pathsAndContents) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], utf8(pathsAndContents[i + 1]));
        }
        files.put(OutputIndex.FILE_NAME, OutputIndex.render(files.keySet()));
        return new Engine.Plan(tmp.resolve("out"), files, List.of(), 1, files.size() - 1, 0, List.of());
    }

    /**
     * A failure while creating new files (after the changed files were staged, before any of them
     * replaced its target) removes the new files created so far and the staged temporaries: every
     * earlier file keeps its bytes, and no file is added.
     */
    @Test
    void failureWhileCreatingNewFilesLeavesTheDirectoryAsItWas() throws Exception {
        ManifestWriter.write(plan("a/one.yaml", "one\n", "a/two.yaml", "two\n"), new MojoHarness.CapturingLog());
        Path out = tmp.resolve("out");
        Map<String, byte[]> before = MojoHarness.snapshot(out);
        Engine.Plan next = plan("a/one.yaml", "ONE\n", "a/two.yaml", "TWO\n", "a/three.yaml", "3\n", "b/four.yaml", "4\n",
                "b/five.yaml", "5\n");
        List<String> attempted = new java.util.ArrayList<>();
        IOException injected = new IOException("disk full (injected)");
        IOException thrown = assertThrows(IOException.class, () -> ManifestWriter.write(next, new MojoHarness.CapturingLog(), rel -> {
            attempted.add(rel);
            if (attempted.size() == 3) {
                throw injected;
            }
        }));
        assertSame(injected, thrown);
        assertEquals(List.of("a/three.yaml", "b/five.yaml", "b/four.yaml"), attempted, "new files are created in path order");
        Map<String, byte[]> after = MojoHarness.snapshot(out);
        after.remove(OutputIndex.FILE_NAME); // extended to cover the new files before they appear; checked below
        before.remove(OutputIndex.FILE_NAME);
        assertEquals(before.keySet(), after.keySet(), "new files removed, no temporary file left");
        before.forEach((f, b) -> assertArrayEquals(b, after.get(f), f));
        assertTrue(OutputIndex.parse(Files.readAllBytes(out.resolve(OutputIndex.FILE_NAME))).paths().contains("b/four.yaml"));

        // the same plan without the failure writes everything
        ManifestWriter.Stats stats = ManifestWriter.write(next, new MojoHarness.CapturingLog());
        assertEquals(5, stats.written());
        assertEquals("ONE\n", Files.readString(out.resolve("a/one.yaml")));
        assertEquals("4\n", Files.readString(out.resolve("b/four.yaml")));
    }

    @Test
    void validNamesPass() throws Exception {
        Engine.checkNames(new Manifest(Manifest.Kind.AGENT, "test", "basic-agent", List.of()));
        Engine.checkNames(new Manifest(Manifest.Kind.MCP_SERVER, "a1", "x.y.z", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "a\\b", "/abs", "Upper", "", "-x", "x-", "a..b", "a_b", "a b"})
    void unsafeNamesAreRejected(String bad) {
        assertThrows(MojoFailureException.class, () -> Engine.checkNames(new Manifest(Manifest.Kind.AGENT, bad, "agent", List.of())));
        assertThrows(MojoFailureException.class, () -> Engine.checkNames(new Manifest(Manifest.Kind.AGENT, "ns", bad, List.of())));
    }

    @Test
    void overlongNamesAreRejected() {
        assertThrows(MojoFailureException.class,
                () -> Engine.checkNames(new Manifest(Manifest.Kind.AGENT, "n".repeat(64), "agent", List.of())));
        assertThrows(MojoFailureException.class,
                () -> Engine.checkNames(new Manifest(Manifest.Kind.AGENT, "ns", "n".repeat(254), List.of())));
    }

    @Test
    void writesOnlyWhenContentChangesAndLeavesNoTemporaryFiles() throws Exception {
        OutputDirectory out = new OutputDirectory(tmp);
        Path target = tmp.resolve("ns/agent.yaml");
        byte[] v1 = utf8("kind: Deployment\n");
        assertTrue(out.writeIfChanged("ns/agent.yaml", v1));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(target, old);

        assertFalse(out.writeIfChanged("ns/agent.yaml", v1.clone()));
        assertEquals(old, Files.getLastModifiedTime(target));

        byte[] v2 = utf8("kind: Service\n");
        assertTrue(out.writeIfChanged("ns/agent.yaml", v2));
        assertArrayEquals(v2, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void filesGetDefaultPermissionsAndRewritesKeepChangedOnes() throws Exception {
        Assumptions.assumeTrue(Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null,
                "POSIX file system");
        OutputDirectory out = new OutputDirectory(tmp);
        out.writeIfChanged("ns/a.yaml", utf8("1\n"));
        Path reference = Files.createFile(tmp.resolve("ns/reference"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(tmp.resolve("ns/a.yaml")),
                "not the umask default (createTempFile makes owner-only files)");

        var custom = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(tmp.resolve("ns/a.yaml"), custom);
        out.writeIfChanged("ns/a.yaml", utf8("2\n"));
        assertEquals(custom, Files.getPosixFilePermissions(tmp.resolve("ns/a.yaml")));
    }

    @Test
    void pathsOutsideTheDirectoryAreRefused() {
        OutputDirectory out = new OutputDirectory(tmp.resolve("out"));
        for (String bad : List.of("../x.yaml", "/x.yaml", "a/../../x.yaml", "")) {
            assertThrows(IOException.class, () -> out.writeIfChanged(bad, new byte[0]), bad);
            assertThrows(IOException.class, () -> out.delete(bad), bad);
        }
    }

    @Test
    void writeCountsWrittenUnchangedAndDeleted() throws Exception {
        CapturingLog log = new CapturingLog();
        assertEquals(new ManifestWriter.Stats(2, 0, 0), ManifestWriter.write(plan("a/one.yaml", "1\n", "a/two.yaml", "2\n"), log));
        assertEquals(new ManifestWriter.Stats(0, 2, 0), ManifestWriter.write(plan("a/one.yaml", "1\n", "a/two.yaml", "2\n"), log));
        assertEquals(new ManifestWriter.Stats(1, 1, 1), ManifestWriter.write(plan("a/one.yaml", "1\n", "b/three.yaml", "3\n"), log));
        assertFalse(Files.exists(tmp.resolve("out/a/two.yaml")));
        assertEquals(OutputIndex.FILE_NAME + "\na/one.yaml\nb/three.yaml\n", listing(tmp.resolve("out")));
        assertEquals(List.of(), log.lines);
    }

    @Test
    void debugLogNamesFilesButNeverContents() throws Exception {
        CapturingLog log = new CapturingLog(true);
        ManifestWriter.write(plan("a/one.yaml", "password: hunter2\n"), log);
        assertEquals(List.of("[debug] kagent: wrote a/one.yaml"), log.lines);
    }

    @Test
    void symlinkListedInTheIndexIsLeftAlone() throws Exception {
        Path out = tmp.resolve("out");
        Path precious = tmp.resolve("precious.yaml");
        Files.writeString(precious, "keep\n");
        Files.createDirectories(out.resolve("a"));
        try {
            Files.createSymbolicLink(out.resolve("a/link.yaml"), precious);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not supported here: " + e);
        }
        Files.writeString(out.resolve(OutputIndex.FILE_NAME), "a/link.yaml\n");
        CapturingLog log = new CapturingLog();

        ManifestWriter.Stats stats = ManifestWriter.write(plan("a/one.yaml", "1\n"), log);

        assertEquals(new ManifestWriter.Stats(1, 0, 0), stats);
        assertTrue(Files.isSymbolicLink(out.resolve("a/link.yaml")));
        assertEquals("keep\n", Files.readString(precious));
        assertEquals(List.of("[warn] kagent: a/link.yaml is listed in .kagent-index but is not a regular file inside"
                + " the output directory; left alone"), log.lines);
    }

    @Test
    void readingThroughALinkLeadingOutsideIsRefused() throws Exception {
        Path out = tmp.resolve("out");
        Path outside = tmp.resolve("outside");
        Files.createDirectories(out);
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("x.yaml"), "secret\n");
        try {
            Files.createSymbolicLink(out.resolve("ns"), outside);
            Files.createSymbolicLink(out.resolve("file.yaml"), outside.resolve("x.yaml"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not supported here: " + e);
        }
        OutputDirectory dir = new OutputDirectory(out);
        assertEquals(OutputDirectory.Status.OUTSIDE, dir.read("ns/x.yaml").status());
        assertEquals(OutputDirectory.Status.NOT_A_FILE, dir.read("file.yaml").status());
        assertEquals(OutputDirectory.Status.MISSING, dir.read("nope/x.yaml").status());
        assertEquals(OutputDirectory.Deletion.LEFT_ALONE, dir.delete("ns/x.yaml"));
        assertTrue(Files.exists(outside.resolve("x.yaml")));
    }

    @Test
    void failureMessageNumbersEveryError() {
        String msg = Messages.problems(List.of(
                Diagnostic.error("not-found", "ModelConfig test/m not found",
                        new Origin("src/main/kagent/a.yaml", 2, 7, 3, "/spec/declarative/modelConfig")),
                Diagnostic.error("E1", "bad option", Origin.NONE)));
        assertEquals("kagent: 2 problems in the inputs:\n"
                + "  1. src/main/kagent/a.yaml (document 2) 7:3 at /spec/declarative/modelConfig: ModelConfig test/m not found\n"
                + "  2. <configuration>: bad option", msg);
    }

    @Test
    void summaryLine() {
        Engine.Plan p = new Engine.Plan(tmp, new TreeMap<>(), List.of(), 3, 2, 0, List.of());
        assertEquals("kagent: 3 input files, 2 agents rendered, 1 file written (1 unchanged, 0 deleted) in target/kagent",
                Messages.summary(p, new ManifestWriter.Stats(1, 1, 0), "target/kagent"));
        Engine.Plan one = new Engine.Plan(tmp, new TreeMap<>(), List.of(), 1, 1, 2, List.of());
        assertEquals("kagent: 1 input file, 1 agent and 2 MCPServers rendered, 0 files written (0 unchanged, 3 deleted) in m",
                Messages.summary(one, new ManifestWriter.Stats(0, 0, 3), "m"));
    }

    private static String listing(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : MojoHarness.snapshot(dir).keySet()) {
            sb.append(f).append('\n');
        }
        return sb.toString();
    }
}
