package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism, proven: the same inputs rendered in separate JVMs with different
 * {@code user.language}/{@code user.country}, {@code user.timezone}, {@code file.encoding} and
 * {@code line.separator}, and with the inputs in different orders (files created in a different
 * order on disk, sources handed to the translator reversed, shuffled, or split into one source per
 * YAML document), give byte-identical output directories in both layouts. The forks run
 * {@link RenderToDirectory}, i.e. the plugin's own engine and writer.
 */
class DeterminismTest {

    private static final Path FIXTURE = Path.of("src/test/projects/gitops/src/main/kagent");

    @TempDir
    Path tmp;

    private record Variant(String name, String language, String country, String timezone, String encoding,
            String lineSeparator, String order, boolean reverseCreation) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("baseline", "en", "US", "UTC", "UTF-8", "\n", "sorted", false),
            new Variant("turkish", "tr", "TR", "Pacific/Kiritimati", "ISO-8859-1", "\r\n", "reverse", true),
            new Variant("arabic", "ar", "SA", "America/St_Johns", "US-ASCII", "\r", "shuffle:7", false),
            new Variant("hindi", "hi", "IN", "Asia/Kathmandu", "windows-1252", "\r\n", "split-reverse", true));

    @Test
    void outputIsByteIdenticalWhateverTheLocaleTimeZoneCharsetLineSeparatorAndInputOrder() throws Exception {
        Map<String, byte[]> reference = null;
        for (Variant v : VARIANTS) {
            Path in = copyFixture(tmp.resolve("in-" + v.name()), v.reverseCreation());
            Path out = tmp.resolve("out-" + v.name());
            fork(v, in, out);

            String env = Files.readString(out.resolve("environment.txt"), StandardCharsets.UTF_8);
            assertTrue(env.contains("locale=" + v.language() + "-" + v.country() + "\n"), env);
            assertTrue(env.contains("timezone=" + v.timezone() + "\n"), env);
            assertTrue(env.toLowerCase().contains("charset=" + v.encoding().toLowerCase() + "\n"), env);
            assertTrue(env.contains("line.separator=" + v.lineSeparator().replace("\r", "\\r").replace("\n", "\\n") + "\n"), env);
            Files.delete(out.resolve("environment.txt"));

            Map<String, byte[]> files = MojoHarness.snapshot(out);
            if (reference == null) {
                reference = files;
                assertTrue(files.containsKey("per-agent/platform/mcpserver-kubernetes-mcp.yaml"), files.keySet().toString());
                assertTrue(files.containsKey("combined/manifests.yaml"), files.keySet().toString());
                String translator = new String(files.get("per-agent/team-b/translator.yaml"), StandardCharsets.UTF_8);
                assertTrue(translator.contains("日本語") && translator.contains("İstanbul"), "non-ASCII text lost");
                continue;
            }
            assertEquals(reference.keySet(), files.keySet(), v.name());
            for (Map.Entry<String, byte[]> e : reference.entrySet()) {
                assertArrayEquals(e.getValue(), files.get(e.getKey()), v.name() + ": " + e.getKey() + " differs");
            }
        }
    }

    /** Copies the fixture, creating the files in sorted or reverse order (directory listing order may follow it). */
    private static Path copyFixture(Path target, boolean reverse) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        if (reverse) {
            Collections.reverse(files);
        }
        for (Path f : files) {
            Path dest = target.resolve(FIXTURE.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest);
        }
        return target;
    }

    private static void fork(Variant v, Path in, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of(java,
                "-Duser.language=" + v.language(), "-Duser.country=" + v.country(),
                "-Duser.timezone=" + v.timezone(), "-Dfile.encoding=" + v.encoding(),
                "-Dline.separator=" + v.lineSeparator(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, RenderToDirectory.class.getName(), in.toString(), out.toString(), v.order());
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(v.name() + ": fork timed out");
        }
        assertEquals(0, p.exitValue(), v.name() + ": fork failed:\n" + Files.readString(log, StandardCharsets.ISO_8859_1));
    }
}
