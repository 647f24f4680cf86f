package dev.kagentmaven.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code check} side of the engine: compares an {@link Engine.Plan} with the output directory
 * and lists every file {@code generate} would change: drifted (different bytes), missing (not there)
 * and unexpected (listed in the on-disk index but no longer generated, so {@code generate} would
 * delete it). Files the plugin does not own are ignored. Diffs are redacted
 * ({@link SecretRedactor}) and truncated.
 */
final class Drift {

    /** How a file differs. */
    enum Kind {
        DRIFTED("drifted"),
        MISSING("missing"),
        UNEXPECTED("unexpected");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One file that differs.
     *
     * @param kind how
     * @param path display path (relative to the project when inside it, {@code /} separators)
     * @param note short explanation shown next to the path, or empty
     * @param diff unified diff lines (redacted, truncated), possibly empty
     */
    record Finding(Kind kind, String path, String note, List<String> diff) {
    }

    /**
     * The comparison.
     *
     * @param findings every differing file, in path order: planned files first, then unexpected ones
     * @param upToDate number of planned manifest files (the index not counted) that match
     */
    record Report(List<Finding> findings, int upToDate) {
        boolean clean() {
            return findings.isEmpty();
        }

        long count(Kind kind) {
            return findings.stream().filter(f -> f.kind() == kind).count();
        }
    }

    private Drift() {
    }

    static Report compare(Engine.Plan plan, Path basedir, int maxDiffLines, Log log) throws IOException {
        OutputDirectory out = new OutputDirectory(plan.outputDir());
        List<Finding> findings = new ArrayList<>();
        int upToDate = 0;
        for (Map.Entry<String, byte[]> e : plan.files().entrySet()) {
            String rel = e.getKey();
            String display = ProjectPaths.display(basedir, out.resolve(rel));
            OutputDirectory.Content c = out.read(rel);
            switch (c.status()) {
                case MISSING:
                    findings.add(new Finding(Kind.MISSING, display, "", UnifiedDiff.truncate(
                            UnifiedDiff.diff("/dev/null", "", display + " (generated)",
                                    SecretRedactor.redact(text(e.getValue()))),
                            maxDiffLines)));
                    break;
                case NOT_A_FILE:
                    findings.add(new Finding(Kind.DRIFTED, display,
                            "not a regular file (a symbolic link or directory); kagent:generate replaces it", List.of()));
                    break;
                case OUTSIDE:
                    findings.add(new Finding(Kind.DRIFTED, display,
                            "behind a symbolic link leading outside the output directory; not read", List.of()));
                    break;
                default:
                    Finding f = compareFile(display, c.bytes(), e.getValue(), maxDiffLines);
                    if (f != null) {
                        findings.add(f);
                    } else if (!rel.equals(OutputIndex.FILE_NAME)) {
                        upToDate++;
                    }
                    break;
            }
        }
        SortedSet<String> previous = ManifestWriter.readIndex(out, log);
        for (String stale : previous) {
            if (plan.files().containsKey(stale)) {
                continue;
            }
            OutputDirectory.Content c = out.read(stale);
            if (c.status() != OutputDirectory.Status.FILE) {
                continue; // generate would not delete it either
            }
            String display = ProjectPaths.display(basedir, out.resolve(stale));
            findings.add(new Finding(Kind.UNEXPECTED, display, "no longer generated; kagent:generate deletes it",
                    UnifiedDiff.truncate(UnifiedDiff.diff(display + " (on disk)",
                            SecretRedactor.redact(text(c.bytes())), "/dev/null", ""), maxDiffLines)));
        }
        return new Report(List.copyOf(findings), upToDate);
    }

    /** Compares one file; {@code null} when equal. */
    static Finding compareFile(String display, byte[] actual, byte[] expected, int maxDiffLines) {
        if (java.util.Arrays.equals(actual, expected)) {
            return null;
        }
        String a = text(actual);
        String b = text(expected);
        if (a.replace("\r\n", "\n").equals(b)) {
            return new Finding(Kind.DRIFTED, display, "only the line endings differ (CRLF on disk, LF generated);"
                    + " check git's core.autocrlf or add '* text eol=lf' for this directory to .gitattributes", List.of());
        }
        SecretRedactor.Pair redacted = SecretRedactor.redact(a, b);
        List<String> diff = UnifiedDiff.diff(display + " (on disk)", redacted.actual(), display + " (generated)",
                redacted.expected());
        if (diff.isEmpty()) {
            // both sides look the same after redaction (e.g. only a CR inside a secret value changed)
            diff = List.of("(the difference is inside redacted Secret data)");
        }
        return new Finding(Kind.DRIFTED, display, "", UnifiedDiff.truncate(diff, maxDiffLines));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
