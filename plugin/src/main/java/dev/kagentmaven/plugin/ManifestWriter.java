package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.ManifestRenderer;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes rendered agents to {@code <outputDirectory>/<namespace>/<name>.yaml}. Everything is
 * validated and rendered first ({@link #plan}); only then is anything written ({@link #write}).
 * A file is rewritten only when its bytes change, and always atomically (temporary file in the
 * same directory, then a rename), so readers never see half-written manifests.
 */
final class ManifestWriter {

    /** RFC 1123 label, as Kubernetes requires for namespaces: at most 63 characters. */
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** RFC 1123 subdomain, as Kubernetes requires for most object names: at most 253 characters. */
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** One file to write. */
    record Planned(String key, Path path, byte[] content) {
    }

    /** What {@link #write} did. */
    record Stats(int written, int unchanged) {
    }

    private ManifestWriter() {
    }

    /**
     * Validates every agent's namespace and name, checks that each target path lies inside the
     * output directory and is used once, and renders the YAML. Writes nothing.
     */
    static List<Planned> plan(Path outputDir, List<Manifest> agents)
            throws MojoFailureException, MojoExecutionException {
        List<Planned> planned = new ArrayList<>(agents.size());
        Set<Path> seen = new HashSet<>();
        for (Manifest agent : agents) {
            Path target = targetPath(outputDir, agent.namespace(), agent.name(), agent.relativePath());
            if (!seen.add(target)) {
                throw new MojoExecutionException("kagent: internal error: agent " + agent.key() + " was rendered twice");
            }
            planned.add(new Planned(agent.key(), target, render(agent)));
        }
        return planned;
    }

    /** {@code <outputDir>/<relativePath>}, after checking namespace and name are safe path elements. */
    static Path targetPath(Path outputDir, String namespace, String name, String relativePath)
            throws MojoFailureException {
        if (namespace == null || namespace.length() > 63 || !DNS1123_LABEL.matcher(namespace).matches()) {
            throw new MojoFailureException("kagent: namespace '" + namespace + "' of agent '" + name
                    + "' is not a valid DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)");
        }
        if (name == null || name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            throw new MojoFailureException("kagent: name '" + name + "' of an agent in namespace '" + namespace
                    + "' is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters)");
        }
        Path root = outputDir.toAbsolutePath().normalize();
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || !root.equals(target.getParent().getParent())) {
            throw new MojoFailureException("kagent: agent " + namespace + "/" + name
                    + " would be written outside the output directory " + root);
        }
        return target;
    }

    private static byte[] render(Manifest agent) throws MojoExecutionException {
        try {
            return ManifestRenderer.renderBytes(agent);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("kagent: internal error rendering agent " + agent.key() + ": " + e, e);
        }
    }

    /** Writes the planned files, skipping those whose content is already identical. */
    static Stats write(List<Planned> planned, Log log) throws IOException {
        int written = 0;
        int unchanged = 0;
        for (Planned p : planned) {
            if (writeIfChanged(p.path(), p.content())) {
                written++;
                if (log.isDebugEnabled()) {
                    log.debug("kagent: wrote " + p.path() + " (" + p.key() + ")");
                }
            } else {
                unchanged++;
            }
        }
        return new Stats(written, unchanged);
    }

    /** @return {@code true} when the file was (re)written, {@code false} when it already had this content */
    static boolean writeIfChanged(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && Files.size(target) == content.length
                && Arrays.equals(Files.readAllBytes(target), content)) {
            return false;
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        checkNoLinkEscape(dir, target);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /** Refuses to write through a namespace directory that is a symbolic link leading elsewhere. */
    private static void checkNoLinkEscape(Path dir, Path target) throws IOException {
        Path outputRoot = dir.getParent();
        if (!dir.toRealPath().startsWith(outputRoot.toRealPath())) {
            throw new IOException("refusing to write " + target + ": " + dir + " leads outside " + outputRoot);
        }
    }
}
