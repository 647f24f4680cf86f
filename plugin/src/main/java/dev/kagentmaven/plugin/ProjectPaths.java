package dev.kagentmaven.plugin;

import java.io.File;
import java.nio.file.Path;

/** Path helpers: resolution against the project base directory and {@code /}-separated display forms. */
final class ProjectPaths {

    private ProjectPaths() {
    }

    /**
     * {@code file} as an absolute, normalized path; a relative path is taken relative to the project
     * base directory, never to the working directory (as jOOQ's codegen plugin does).
     */
    static Path resolve(Path basedir, File file) {
        Path p = file.toPath();
        return (p.isAbsolute() ? p : basedir.resolve(p)).toAbsolutePath().normalize();
    }

    /** {@code path} relative to {@code basedir} with {@code /} separators, or absolute when outside it. */
    static String display(Path basedir, Path path) {
        if (path.startsWith(basedir)) {
            String rel = slashes(basedir.relativize(path));
            return rel.isEmpty() ? "." : rel;
        }
        return path.toString();
    }

    /** The path's name elements joined with {@code /}, whatever the platform separator. */
    static String slashes(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path element : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(element);
        }
        return sb.toString();
    }
}
