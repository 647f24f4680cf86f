package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.plugin.MojoHarness.CapturingLog;
import dev.kagentmaven.core.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void readsYamlYmlJsonRecursivelyInSortedOrderWithProjectRelativeNames() throws Exception {
        Path base = tmp.resolve("project");
        Path in = base.resolve("src/main/kagent");
        write(in.resolve("b.yaml"), "b");
        write(in.resolve("a/z.yml"), "z");
        write(in.resolve("a.json"), "{}");
        write(in.resolve("A.YAML"), "upper");
        write(in.resolve("notes.txt"), "ignored");
        write(in.resolve("a-b/c.yaml"), "c");

        List<Source> sources = InputFiles.read(base, in, base.resolve("target/kagent"), new CapturingLog());

        assertEquals(List.of("src/main/kagent/A.YAML", "src/main/kagent/a-b/c.yaml", "src/main/kagent/a.json",
                "src/main/kagent/a/z.yml", "src/main/kagent/b.yaml"),
                sources.stream().map(Source::name).toList());
        assertEquals("z", new String(sources.get(3).content(), StandardCharsets.UTF_8));
    }

    @Test
    void inputDirectoryOutsideTheProjectGivesNamesRelativeToIt() throws Exception {
        Path in = tmp.resolve("elsewhere");
        write(in.resolve("x/agent.yaml"), "x");
        List<Source> sources = InputFiles.read(tmp.resolve("project"), in, tmp.resolve("out"), new CapturingLog());
        assertEquals(List.of("x/agent.yaml"), sources.stream().map(Source::name).toList());
    }

    @Test
    void outputDirectoryInsideTheInputDirectoryIsNotRead() throws Exception {
        Path base = tmp.resolve("project");
        write(base.resolve("agents.yaml"), "a");
        write(base.resolve("manifests/test/agent.yaml"), "generated");
        List<Source> sources = InputFiles.read(base, base, base.resolve("manifests"), new CapturingLog());
        assertEquals(List.of("agents.yaml"), sources.stream().map(Source::name).toList());
    }

    @Test
    void missingDirectoryIsReported() {
        assertThrows(InputFiles.MissingDirectoryException.class,
                () -> InputFiles.read(tmp, tmp.resolve("nope"), tmp.resolve("out"), new CapturingLog()));
    }

    @Test
    void symlinksOutsideTheInputDirectoryAreSkipped() throws Exception {
        Path in = tmp.resolve("project/in");
        write(in.resolve("real.yaml"), "real");
        write(tmp.resolve("secret/outside.yaml"), "outside");
        try {
            Files.createSymbolicLink(in.resolve("inside-link.yaml"), in.resolve("real.yaml"));
            Files.createSymbolicLink(in.resolve("outside-link.yaml"), tmp.resolve("secret/outside.yaml"));
            Files.createSymbolicLink(in.resolve("dir-link"), tmp.resolve("secret"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not supported here: " + e);
        }
        CapturingLog log = new CapturingLog();

        List<Source> sources = InputFiles.read(tmp.resolve("project"), in, tmp.resolve("out"), log);

        assertEquals(List.of("in/inside-link.yaml", "in/real.yaml"), sources.stream().map(Source::name).toList());
        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).startsWith("[warn] kagent: skipping in/outside-link.yaml"), log.lines.toString());
    }
}
