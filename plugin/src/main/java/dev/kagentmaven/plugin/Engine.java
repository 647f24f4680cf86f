package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.ManifestRenderer;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one rendering engine behind {@code generate} and {@code check}: reads the inputs, translates
 * them, validates names and renders every file of the output directory into memory, including the
 * ownership index. The goals differ only in what they do with the {@link Plan}: {@code generate}
 * writes it ({@link ManifestWriter}), {@code check} compares it with the directory ({@link Drift}).
 * Nothing here writes to disk, so a failing run leaves earlier outputs untouched.
 */
final class Engine {

    /** RFC 1123 label, as Kubernetes requires for namespaces: at most 63 characters. */
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** RFC 1123 subdomain, as Kubernetes requires for most object names: at most 253 characters. */
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /**
     * Everything one run would put into the output directory.
     *
     * @param outputDir the output directory (absolute, normalized)
     * @param files relative path ({@code /}) to content, sorted; includes {@link OutputIndex#FILE_NAME}
     * @param parts every manifest's bytes in order; {@link #combined()} joins them
     * @param inputs number of input files read
     * @param agents number of Agents rendered
     * @param mcpServers number of MCPServers rendered
     * @param warnings the translator's warnings, as logged
     */
    record Plan(Path outputDir, SortedMap<String, byte[]> files, List<byte[]> parts, int inputs, int agents, int mcpServers,
            List<String> warnings) {

        /** Every manifest's documents in order: the combined layout's file, and what {@code attach} publishes. */
        byte[] combined() {
            return concat(parts);
        }

        /** The files the plugin owns after this run: every planned file except the index. */
        SortedSet<String> owned() {
            SortedSet<String> owned = new TreeSet<>(files.keySet());
            owned.remove(OutputIndex.FILE_NAME);
            return Collections.unmodifiableSortedSet(owned);
        }
    }

    private final Path basedir;
    private final Path inputDir;
    private final Path outputDir;
    private final Layout layout;
    private final Options options;
    private final Log log;

    /**
     * @param basedir project base directory (absolute, normalized); display names are relative to it
     * @param inputDir input directory (absolute, normalized)
     * @param outputDir output directory (absolute, normalized)
     */
    Engine(Path basedir, Path inputDir, Path outputDir, Layout layout, Options options, Log log) {
        this.basedir = basedir;
        this.inputDir = inputDir;
        this.outputDir = outputDir;
        this.layout = layout;
        this.options = options;
        this.log = log;
    }

    Path outputDir() {
        return outputDir;
    }

    Layout layout() {
        return layout;
    }

    Options options() {
        return options;
    }

    /** Reads the inputs and renders them. Writes nothing. */
    Plan plan() throws MojoFailureException, MojoExecutionException {
        long start = System.nanoTime();
        List<Source> sources = readInputs();
        long read = System.nanoTime();
        Plan plan = render(sources);
        if (log.isDebugEnabled()) {
            log.debug("kagent: read " + sources.size() + " input files in " + millis(start, read) + " ms, translated and rendered in "
                    + millis(read, System.nanoTime()) + " ms");
        }
        return plan;
    }

    /** Whole milliseconds between two {@link System#nanoTime()} readings, for debug lines. */
    static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The input files, sorted by relative path. */
    List<Source> readInputs() throws MojoFailureException, MojoExecutionException {
        if (outputDir.equals(inputDir)) {
            throw new MojoFailureException("kagent: outputDirectory and inputDirectory are both "
                    + ProjectPaths.display(basedir, inputDir) + "; generated files must go to a directory of their own");
        }
        try {
            return InputFiles.read(basedir, inputDir, outputDir, log);
        } catch (InputFiles.MissingDirectoryException e) {
            throw new MojoFailureException("kagent: input directory " + ProjectPaths.display(basedir, inputDir)
                    + " does not exist or is not a directory"
                    + " (set inputDirectory / -Dkagent.inputDirectory, or -Dkagent.skip to skip)");
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot read inputs under "
                    + ProjectPaths.display(basedir, inputDir) + ": " + e, e);
        }
    }

    /** Translates {@code sources} (in any order) and renders the output files. */
    Plan render(List<Source> sources) throws MojoFailureException, MojoExecutionException {
        Result result = translate(sources);
        List<String> warnings = new ArrayList<>();
        for (Diagnostic warning : result.warnings()) {
            warnings.add(warning.toString());
            log.warn(warning.toString());
        }
        if (result.hasErrors()) {
            throw new MojoFailureException(Messages.problems(result.errors()));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<byte[]> parts = new ArrayList<>(result.manifests().size());
        int agents = 0;
        int mcpServers = 0;
        for (Manifest manifest : result.manifests()) {
            checkNames(manifest);
            byte[] bytes = render(manifest);
            parts.add(bytes);
            if (manifest.kind() == Manifest.Kind.MCP_SERVER) {
                mcpServers++;
            } else {
                agents++;
            }
            if (layout == Layout.PER_AGENT && files.put(manifest.relativePath(), bytes) != null) {
                throw new MojoExecutionException("kagent: internal error: " + manifest.relativePath() + " was rendered twice");
            }
        }
        if (layout == Layout.COMBINED) {
            files.put(Layout.COMBINED_FILE, concat(parts));
        }
        files.put(OutputIndex.FILE_NAME, OutputIndex.render(files.keySet()));
        return new Plan(outputDir, Collections.unmodifiableSortedMap(files), List.copyOf(parts), sources.size(), agents,
                mcpServers, List.copyOf(warnings));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.stream().mapToInt(p -> p.length).sum());
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private Result translate(List<Source> sources) throws MojoExecutionException {
        try {
            return Translator.translate(sources, options);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("kagent: internal error in the translator: " + e, e);
        }
    }

    private static byte[] render(Manifest manifest) throws MojoExecutionException {
        try {
            return ManifestRenderer.renderBytes(manifest);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("kagent: internal error rendering " + manifest.key() + ": " + e, e);
        }
    }

    /**
     * Checks that namespace and name are DNS-1123 label / subdomain, so that
     * {@link Manifest#relativePath()} is a safe path of exactly two elements.
     */
    static void checkNames(Manifest manifest) throws MojoFailureException {
        String namespace = manifest.namespace();
        String name = manifest.name();
        String what = manifest.kind() == Manifest.Kind.MCP_SERVER ? "MCPServer" : "agent";
        if (namespace == null || namespace.length() > 63 || !DNS1123_LABEL.matcher(namespace).matches()) {
            throw new MojoFailureException("kagent: namespace '" + namespace + "' of " + what + " '" + name
                    + "' is not a valid DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)");
        }
        if (name == null || name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            throw new MojoFailureException("kagent: name '" + name + "' of an " + what + " in namespace '" + namespace
                    + "' is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters)");
        }
        String rel = manifest.relativePath();
        if (!OutputIndex.isSafe(rel) || rel.split("/").length != 2) {
            throw new MojoFailureException("kagent: " + what + " " + manifest.key() + " would be written outside its namespace directory");
        }
    }
}
