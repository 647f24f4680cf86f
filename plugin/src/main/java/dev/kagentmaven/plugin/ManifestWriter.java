package dev.kagentmaven.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes an {@link Engine.Plan} into its output directory (the {@code generate} side of the
 * engine). Files whose bytes are unchanged are not rewritten; files listed in the previous
 * {@link OutputIndex} that the plan no longer contains are deleted; files the plugin never wrote
 * are never touched. Order of operations, so that an interrupted run never loses track of a file
 * it created: (1) index = previous ∪ planned, (2) the planned files, (3) stale deletions,
 * (4) index = planned.
 */
final class ManifestWriter {

    /** What {@link #write} did; counts cover the manifest files, not the index. */
    record Stats(int written, int unchanged, int deleted) {
    }

    private ManifestWriter() {
    }

    static Stats write(Engine.Plan plan, Log log) throws IOException {
        return write(plan, log, relative -> { });
    }

    /** A test hook called before each new file is created. */
    interface BeforeNewFile {
        void accept(String relative) throws IOException;
    }

    /**
     * {@link #write(Engine.Plan, Log)} with a hook for tests. Order: every changed file is staged
     * (a failure leaves everything as it was); the index is extended to cover the new files; the new
     * files are created (a failure removes the ones created so far, so again nothing earlier is
     * touched); only then are the changed files replaced; last, stale files are deleted and the final
     * index written.
     */
    static Stats write(Engine.Plan plan, Log log, BeforeNewFile hook) throws IOException {
        OutputDirectory out = new OutputDirectory(plan.outputDir());
        SortedSet<String> previous = readIndex(out, log);
        SortedSet<String> owned = plan.owned();

        int written = 0;
        int unchanged = 0;
        List<OutputDirectory.Staged> staged = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> e : plan.files().entrySet()) {
                if (e.getKey().equals(OutputIndex.FILE_NAME)) {
                    continue;
                }
                OutputDirectory.Staged s = out.stage(e.getKey(), e.getValue());
                if (s == null) {
                    unchanged++;
                } else {
                    staged.add(s);
                    if (log.isDebugEnabled()) {
                        log.debug("kagent: wrote " + e.getKey());
                    }
                }
            }
            if (!previous.containsAll(owned)) {
                // the index covers the new files before they appear, so an interrupted run can clean up
                SortedSet<String> union = new TreeSet<>(previous);
                union.addAll(owned);
                out.writeIfChanged(OutputIndex.FILE_NAME, OutputIndex.render(union));
            }
            List<Path> created = new ArrayList<>();
            try {
                for (OutputDirectory.Staged s : staged) {
                    if (s.isNew()) {
                        hook.accept(ProjectPaths.slashes(plan.outputDir().relativize(s.target())));
                        s.commit();
                        created.add(s.target());
                    }
                }
            } catch (IOException | RuntimeException e) {
                for (Path p : created) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
            for (OutputDirectory.Staged s : staged) {
                if (!s.isNew()) {
                    s.commit();
                }
                written++;
            }
        } finally {
            for (OutputDirectory.Staged s : staged) {
                s.discard();
            }
        }

        int deleted = 0;
        for (String stale : previous) {
            if (owned.contains(stale)) {
                continue;
            }
            switch (out.delete(stale)) {
                case DELETED:
                    deleted++;
                    if (log.isDebugEnabled()) {
                        log.debug("kagent: deleted " + stale + " (no longer generated)");
                    }
                    break;
                case LEFT_ALONE:
                    log.warn("kagent: " + stale + " is listed in " + OutputIndex.FILE_NAME
                            + " but is not a regular file inside the output directory; left alone");
                    break;
                default:
                    break;
            }
        }

        out.writeIfChanged(OutputIndex.FILE_NAME, plan.files().get(OutputIndex.FILE_NAME));
        return new Stats(written, unchanged, deleted);
    }

    /** The previous index's entries; empty when there is none. Unsafe entries are reported and ignored. */
    static SortedSet<String> readIndex(OutputDirectory out, Log log) throws IOException {
        OutputDirectory.Content c = out.read(OutputIndex.FILE_NAME);
        if (c.status() != OutputDirectory.Status.FILE) {
            return new TreeSet<>();
        }
        OutputIndex.Parsed parsed = OutputIndex.parse(c.bytes());
        for (String rejected : parsed.rejected()) {
            log.warn("kagent: ignoring entry '" + rejected + "' of " + OutputIndex.FILE_NAME
                    + ": not a relative path inside the output directory");
        }
        return new TreeSet<>(parsed.paths());
    }
}
