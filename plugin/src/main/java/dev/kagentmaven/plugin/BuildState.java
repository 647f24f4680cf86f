package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The up-to-date check of {@code generate}: what the last successful run in this build directory
 * rendered from what, kept in {@code ${project.build.directory}/kagent-state/} (never in the output
 * directory, which is committed).
 *
 * <p>A run is up to date, and skips translation and writing, when three things hold:
 * <ol>
 *   <li>the <em>fingerprint</em> is the same: SHA-256 over the plugin's and core's code (their jar
 *       files, or class directories), every {@link Options} setting ({@link Options#canonicalForm()}),
 *       the plugin-side settings that shape the files, and the name and bytes of every input file;
 *   <li>every file the last run left in the output directory (each owned file and the index) is
 *       still there with the size and modification time recorded then, so hand edits, deletions
 *       and a {@code git checkout} of other outputs are noticed;
 *   <li>likewise the attached combined file, when one is attached.
 * </ol>
 * Anything unreadable or unexpected in the state file counts as "not up to date": the check can
 * cause a full run, never a skipped one that should have happened. The warnings of the last full
 * run are stored and repeated, so an up-to-date run reports what a full one would.
 */
final class BuildState {

    /** First line of a state file; a different line (older or newer format) is ignored. */
    static final String FORMAT = "kagent-maven-plugin generate state 1";

    /** Directory below the build directory holding the state files. */
    static final String DIRECTORY = "kagent-state";

    /** Size and modification time of one file, as recorded after writing it. */
    record Stamp(String path, long size, long modifiedNanos) {
    }

    /**
     * One saved state.
     *
     * @param fingerprint hex SHA-256 of code, settings and inputs
     * @param inputs number of input files (for the summary line)
     * @param agents number of Agents rendered (for the summary line)
     * @param mcpServers number of MCPServers rendered (for the summary line)
     * @param warnings the warnings of that run, as logged
     * @param outputs stamps of the output files, paths relative to the output directory
     * @param attached stamp of the attached file ({@code path} absolute), or {@code null}
     */
    record State(String fingerprint, int inputs, int agents, int mcpServers, List<String> warnings,
            List<Stamp> outputs, Stamp attached) {
    }

    private BuildState() {
    }

    /** The state file of an output directory: one per output directory, so several executions do not collide. */
    static Path file(Path buildDirectory, Path outputDir) {
        String key = hex(sha256(outputDir.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        return buildDirectory.resolve(DIRECTORY).resolve("generate-" + key + ".state");
    }

    /**
     * The fingerprint of a run, or {@code null} when the code the plugin runs cannot be identified
     * (then no run is ever considered up to date).
     *
     * @param pluginSettings the plugin-side settings that change what is written, one per line
     */
    static String fingerprint(Options options, String pluginSettings, List<Source> sources) {
        MessageDigest md = digest();
        update(md, FORMAT);
        for (Class<?> c : List.of(Translator.class, BuildState.class)) {
            byte[] code = codeIdentity(c);
            if (code == null) {
                return null;
            }
            md.update(code);
        }
        update(md, options.canonicalForm());
        update(md, pluginSettings);
        update(md, Integer.toString(sources.size()));
        // each input hashed on its own (in parallel), then the digests in input order
        List<byte[]> digests = sources.parallelStream().map(s -> {
            MessageDigest one = digest();
            update(one, s.name());
            one.update(longBytes(s.content().length));
            one.update(s.content());
            return one.digest();
        }).toList();
        digests.forEach(md::update);
        return hex(md.digest());
    }

    /** Reads a state file; empty when there is none or it cannot be used. */
    static Optional<State> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(lines));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static State parse(List<String> lines) {
        if (lines.size() < 3 || !lines.get(0).equals(FORMAT) || !lines.get(1).startsWith("fingerprint ")) {
            return null;
        }
        String fingerprint = lines.get(1).substring("fingerprint ".length());
        String[] counts = lines.get(2).split(" ");
        if (counts.length != 4 || !counts[0].equals("counts")) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        List<Stamp> outputs = new ArrayList<>();
        Stamp attached = null;
        for (String line : lines.subList(3, lines.size())) {
            if (line.startsWith("warning ")) {
                warnings.add(unescape(line.substring("warning ".length())));
            } else if (line.startsWith("output ")) {
                outputs.add(stamp(line.substring("output ".length())));
            } else if (line.startsWith("attached ")) {
                attached = stamp(line.substring("attached ".length()));
            } else {
                return null;
            }
        }
        if (outputs.isEmpty()) {
            return null;
        }
        return new State(fingerprint, Integer.parseInt(counts[1]), Integer.parseInt(counts[2]),
                Integer.parseInt(counts[3]), List.copyOf(warnings), List.copyOf(outputs), attached);
    }

    private static Stamp stamp(String text) {
        String[] parts = text.split(" ", 3);
        return new Stamp(unescape(parts[2]), Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** Writes a state file (via a temporary file and a rename, so a reader never sees half of it). */
    static void save(Path file, State state) throws IOException {
        StringBuilder sb = new StringBuilder(64 + 64 * state.outputs().size());
        sb.append(FORMAT).append('\n');
        sb.append("fingerprint ").append(state.fingerprint()).append('\n');
        sb.append("counts ").append(state.inputs()).append(' ').append(state.agents()).append(' ')
                .append(state.mcpServers()).append('\n');
        for (String w : state.warnings()) {
            sb.append("warning ").append(escape(w)).append('\n');
        }
        for (Stamp s : state.outputs()) {
            sb.append("output ").append(s.size()).append(' ').append(s.modifiedNanos()).append(' ')
                    .append(escape(s.path())).append('\n');
        }
        if (state.attached() != null) {
            Stamp s = state.attached();
            sb.append("attached ").append(s.size()).append(' ').append(s.modifiedNanos()).append(' ')
                    .append(escape(s.path())).append('\n');
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, sb.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a state file, so that an interrupted or failed run is never taken for an up-to-date one. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** The stamps of {@code paths} (relative to {@code root}); {@code null} if one is not a regular file. */
    static List<Stamp> stamps(Path root, Collection<String> paths) throws IOException {
        List<Stamp> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            Stamp s = stampOf(root.resolve(p), p);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    /** The stamp of a file, recorded under {@code name}; {@code null} when it is missing or not a regular file. */
    static Stamp stampOf(Path file, String name) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            return null;
        }
        return new Stamp(name, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    /** Whether every recorded output (and the attached file) is still exactly as the last run left it. */
    static boolean unchanged(State state, Path outputDir) throws IOException {
        for (Stamp s : state.outputs()) {
            if (!OutputIndex.isSafe(s.path()) && !s.path().equals(OutputIndex.FILE_NAME)) {
                return false;
            }
            if (!s.equals(stampOf(outputDir.resolve(s.path()), s.path()))) {
                return false;
            }
        }
        Stamp a = state.attached();
        return a == null || a.equals(stampOf(Paths.get(a.path()), a.path()));
    }

    /**
     * Identifies the code a class was loaded from: SHA-256 of its jar file, or of every file below
     * its class directory (names and bytes, sorted). {@code null} when that location is unknown.
     */
    static byte[] codeIdentity(Class<?> c) {
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return null;
            }
            Path path = Paths.get(location.toURI());
            MessageDigest md = digest();
            if (Files.isRegularFile(path)) {
                digestFile(md, path);
            } else if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    update(md, ProjectPaths.slashes(path.relativize(f)));
                    digestFile(md, f);
                }
            } else {
                return null;
            }
            return md.digest();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void digestFile(MessageDigest md, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
    }

    private static void update(MessageDigest md, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        md.update(longBytes(bytes.length));
        md.update(bytes);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Backslash, line feed and carriage return escaped, so that every value stays on its line. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
