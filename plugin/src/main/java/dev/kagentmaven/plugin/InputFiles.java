package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.maven.plugin.logging.Log;

/**
 * Collects the input files below the input directory: every {@code *.yaml}, {@code *.yml} and
 * {@code *.json} file, recursively, sorted by their {@code /}-separated relative path so that the
 * order never depends on the file system. Symbolic links are followed only when they resolve to a
 * regular file inside the input directory; symbolic links to directories are not followed. The
 * output directory is skipped when it lies inside the input directory, so generated manifests are
 * never read back as inputs.
 */
final class InputFiles {

    /** Thrown when the input directory does not exist or is not a directory. */
    static final class MissingDirectoryException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingDirectoryException(Path dir) {
            super(dir.toString());
        }
    }

    private InputFiles() {
    }

    /**
     * Reads the inputs.
     *
     * @param basedir the project base directory (absolute, normalized); display names are relative to it
     * @param inputDir the input directory (absolute, normalized)
     * @param outputDir the output directory (absolute, normalized); skipped if it lies inside {@code inputDir}
     * @param log where skipped symbolic links are reported
     * @return one {@link Source} per file, sorted by relative path
     */
    static List<Source> read(Path basedir, Path inputDir, Path outputDir, Log log)
            throws IOException, MissingDirectoryException {
        if (!Files.isDirectory(inputDir)) {
            throw new MissingDirectoryException(inputDir);
        }
        Path root = inputDir.toRealPath();
        Path skip = Files.isDirectory(outputDir) ? outputDir.toRealPath() : outputDir;
        Map<String, Path> files = collect(root, skip, basedir, inputDir, log);
        List<Map.Entry<String, Path>> entries = new ArrayList<>(files.entrySet());
        // reading is independent per file: in parallel, collected in the sorted order
        try {
            return IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
                Map.Entry<String, Path> e = entries.get(i);
                try {
                    return new Source(displayName(basedir, inputDir, e.getKey()), Files.readAllBytes(e.getValue()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Relative path ({@code /}) to file, sorted by the relative path. */
    private static Map<String, Path> collect(Path root, Path skip, Path basedir, Path inputDir, Log log)
            throws IOException {
        Map<String, Path> found = new TreeMap<>(Comparator.naturalOrder());
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!isInput(file)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = ProjectPaths.slashes(root.relativize(file));
                if (attrs.isRegularFile()) {
                    found.put(rel, file);
                } else if (attrs.isSymbolicLink()) {
                    Path target = linkTarget(file, root);
                    if (target != null) {
                        found.put(rel, target);
                    } else {
                        log.warn("kagent: skipping " + displayName(basedir, inputDir, rel)
                                + ": symbolic link to a location outside the input directory or to a non-file");
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** The real path of a symbolic link when it is a regular file inside {@code root}, else {@code null}. */
    private static Path linkTarget(Path link, Path root) {
        try {
            Path real = link.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null; // dangling link
        }
    }

    private static boolean isInput(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /**
     * The name diagnostics use: relative to the project base directory with {@code /} separators,
     * or relative to the input directory when that lies outside the project.
     */
    static String displayName(Path basedir, Path inputDir, String relative) {
        if (inputDir.startsWith(basedir)) {
            String prefix = ProjectPaths.slashes(basedir.relativize(inputDir));
            return prefix.isEmpty() ? relative : prefix + "/" + relative;
        }
        return relative;
    }
}
