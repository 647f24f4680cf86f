package dev.kagentmaven.plugin;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ownership index {@value #FILE_NAME} in the output directory: the {@code /}-separated
 * relative paths of the files {@code generate} wrote there, sorted, one per line, LF line ends,
 * after two comment lines. {@code generate} deletes listed files it no longer produces and never
 * touches unlisted ones; {@code check} reports listed files that would be deleted as unexpected.
 * The index is committed together with the manifests.
 */
final class OutputIndex {

    /** File name of the index inside the output directory. */
    static final String FILE_NAME = ".kagent-index";

    private static final String HEADER = "# Files in this directory written by kagent-maven-plugin (kagent:generate).\n"
            + "# Listed files are rewritten or deleted by the plugin; unlisted files are never touched. Do not edit.\n";

    private OutputIndex() {
    }

    /** The index text for these paths: header, then the paths sorted, each followed by LF. */
    static byte[] render(Collection<String> paths) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (String p : new TreeSet<>(paths)) {
            sb.append(p).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A parsed index: the valid entries and the lines that were ignored because they are not safe paths. */
    record Parsed(SortedSet<String> paths, List<String> rejected) {
    }

    /**
     * Reads an index. Blank lines and {@code #} comments are skipped; a CR before the LF is tolerated.
     * Entries that are not plain relative paths inside the directory ({@link #isSafe}) are
     * rejected, so a hand-edited index can never make the plugin touch anything outside.
     */
    static Parsed parse(byte[] content) {
        SortedSet<String> paths = new TreeSet<>();
        List<String> rejected = new java.util.ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            String p = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (p.isBlank() || p.startsWith("#")) {
                continue;
            }
            if (isSafe(p)) {
                paths.add(p);
            } else {
                rejected.add(p);
            }
        }
        return new Parsed(paths, List.copyOf(rejected));
    }

    /**
     * Whether {@code path} is a relative path of plain name elements separated by single {@code /}:
     * not absolute, no {@code .} or {@code ..}, no backslash, colon or control character, and not
     * the index itself.
     */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.equals(FILE_NAME) || path.startsWith("/") || path.endsWith("/")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return false;
            }
        }
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".") || element.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
