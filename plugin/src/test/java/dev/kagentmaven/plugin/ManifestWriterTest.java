package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.plugin.GenerateMojoTest.CapturingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestWriterTest {

    @TempDir
    Path tmp;

    @Test
    void targetIsNamespaceSlashNameYaml() throws Exception {
        assertEquals(tmp.resolve("test/basic-agent.yaml"), ManifestWriter.targetPath(tmp, "test", "basic-agent", "test/basic-agent.yaml"));
        assertEquals(tmp.resolve("a1/x.y.z.yaml"), ManifestWriter.targetPath(tmp, "a1", "x.y.z", "a1/x.y.z.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "a\\b", "/abs", "Upper", "", "-x", "x-", "a..b", "a_b", "a b"})
    void unsafeNamesAreRejected(String bad) {
        assertThrows(MojoFailureException.class, () -> ManifestWriter.targetPath(tmp, bad, "agent", bad + "/agent.yaml"));
        assertThrows(MojoFailureException.class, () -> ManifestWriter.targetPath(tmp, "ns", bad, "ns/" + bad + ".yaml"));
    }

    @Test
    void overlongNamesAreRejected() {
        assertThrows(MojoFailureException.class, () -> ManifestWriter.targetPath(tmp, "n".repeat(64), "agent", "n".repeat(64) + "/agent.yaml"));
        assertThrows(MojoFailureException.class, () -> ManifestWriter.targetPath(tmp, "ns", "n".repeat(254), "ns/" + "n".repeat(254) + ".yaml"));
    }

    @Test
    void writesOnlyWhenContentChangesAndLeavesNoTemporaryFiles() throws Exception {
        Path target = tmp.resolve("ns/agent.yaml");
        byte[] v1 = "kind: Deployment\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(ManifestWriter.writeIfChanged(target, v1));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(target, old);

        assertFalse(ManifestWriter.writeIfChanged(target, v1.clone()));
        assertEquals(old, Files.getLastModifiedTime(target));

        byte[] v2 = "kind: Service\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(ManifestWriter.writeIfChanged(target, v2));
        assertArrayEquals(v2, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writeCountsWrittenAndUnchanged() throws Exception {
        byte[] c = "x\n".getBytes(StandardCharsets.UTF_8);
        List<ManifestWriter.Planned> plan = List.of(
                new ManifestWriter.Planned("a/one", tmp.resolve("a/one.yaml"), c),
                new ManifestWriter.Planned("a/two", tmp.resolve("a/two.yaml"), c));
        assertEquals(new ManifestWriter.Stats(2, 0), ManifestWriter.write(plan, new CapturingLog()));
        assertEquals(new ManifestWriter.Stats(0, 2), ManifestWriter.write(plan, new CapturingLog()));
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
        assertEquals("kagent: 3 input files, 2 agents rendered, 1 file written (1 unchanged) in target/kagent",
                Messages.summary(3, 2, new ManifestWriter.Stats(1, 1), "target/kagent"));
        assertEquals("kagent: 1 input file, 0 agents rendered, 0 files written (0 unchanged) in target/kagent",
                Messages.summary(1, 0, new ManifestWriter.Stats(0, 0), "target/kagent"));
    }
}
