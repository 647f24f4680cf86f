package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * Test helper run in a forked JVM by {@link DeterminismTest}: renders an input directory with the
 * plugin's engine and writer, in both layouts, into {@code <out>/per-agent} and {@code <out>/combined},
 * after putting the inputs into the requested order. Writes the JVM's effective locale, time zone,
 * default charset and line separator to {@code <out>/environment.txt}, so the test can tell the
 * settings really took effect.
 *
 * <p>Usage: {@code RenderToDirectory <inputDir> <outDir> sorted|reverse|shuffle:<seed>|split-reverse}
 */
public final class RenderToDirectory {

    private RenderToDirectory() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        String order = args[2];
        Files.createDirectories(out);
        Files.writeString(out.resolve("environment.txt"), String.join("\n",
                "locale=" + Locale.getDefault().toLanguageTag(),
                "timezone=" + TimeZone.getDefault().getID(),
                "charset=" + Charset.defaultCharset().name(),
                "line.separator=" + System.lineSeparator().replace("\r", "\\r").replace("\n", "\\n")) + "\n",
                StandardCharsets.UTF_8);

        SystemStreamLog log = new SystemStreamLog();
        Options options = Options.builder().renderMcpServers(true).build();
        for (Layout layout : Layout.values()) {
            Engine engine = new Engine(in.getParent(), in, out.resolve(layout.id()), layout, options, log);
            List<Source> sources = reorder(engine.readInputs(), order);
            ManifestWriter.write(engine.render(sources), log);
        }
    }

    static List<Source> reorder(List<Source> sources, String order) {
        List<Source> list = new ArrayList<>(sources);
        if (order.equals("reverse")) {
            Collections.reverse(list);
        } else if (order.startsWith("shuffle:")) {
            Collections.shuffle(list, new Random(Long.parseLong(order.substring("shuffle:".length()))));
        } else if (order.equals("split-reverse")) {
            // every YAML document its own source, all of them in reverse order
            List<Source> split = new ArrayList<>();
            for (Source s : list) {
                String[] docs = new String(s.content(), StandardCharsets.UTF_8).split("(?m)^---$");
                for (int i = 0; i < docs.length; i++) {
                    if (!docs[i].isBlank()) {
                        split.add(new Source(s.name() + "#" + i, docs[i].getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            Collections.reverse(split);
            list = split;
        } else if (!order.equals("sorted")) {
            throw new IllegalArgumentException("unknown order " + order);
        }
        return list;
    }
}
