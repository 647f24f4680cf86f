package dev.kagentmaven.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File operations confined to one output directory, addressed by {@code /}-separated relative
 * paths. Nothing here follows a symbolic link out of the directory: reads report such files as
 * {@link Status#OUTSIDE} or {@link Status#NOT_A_FILE}, writes and deletes refuse them. Writes are
 * atomic (temporary file in the same directory, then a rename) and skipped when the bytes are
 * already there, so unchanged files keep their modification time.
 */
final class OutputDirectory {

    /** What {@link #read} found at a relative path. */
    enum Status {
        /** nothing there */
        MISSING,
        /** a regular file (not a symbolic link); its bytes are in {@link Content#bytes()} */
        FILE,
        /** a symbolic link, directory or other non-regular file */
        NOT_A_FILE,
        /** a parent directory is a symbolic link leading outside the output directory */
        OUTSIDE
    }

    /** Result of {@link #read}. */
    record Content(Status status, byte[] bytes) {
    }

    /** What {@link #delete} did. */
    enum Deletion { DELETED, ABSENT, LEFT_ALONE }

    private final Path root;
    /** Directories {@link #ensureParent} has created or checked in this run; one writer thread only. */
    private final Set<Path> checkedDirectories = new HashSet<>();

    /** @param root the output directory, absolute and normalized; need not exist */
    OutputDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The absolute path of a relative one (not checked against links). */
    Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    /** Reads a file without following a symbolic link out of the directory. */
    Content read(String relative) throws IOException {
        Path target = checkedTarget(relative);
        Path parent = target.getParent();
        if (!Files.exists(root) || !Files.exists(parent)) {
            return new Content(Status.MISSING, null);
        }
        if (!inside(parent)) {
            return new Content(Status.OUTSIDE, null);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Content(Status.MISSING, null);
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Content(Status.NOT_A_FILE, null);
        }
        return new Content(Status.FILE, Files.readAllBytes(target));
    }

    /**
     * Writes {@code content} to {@code relative} unless the file already holds exactly these bytes.
     *
     * @return {@code true} when the file was (re)written
     */
    boolean writeIfChanged(String relative, byte[] content) throws IOException {
        Staged staged = stage(relative, content);
        if (staged == null) {
            return false;
        }
        try {
            staged.commit();
        } finally {
            staged.discard();
        }
        return true;
    }

    /**
     * A file waiting to be put into place. Replacing an existing file: the new content already sits in
     * a temporary file beside it and {@link #commit} renames it over the target (atomic where the file
     * system allows it). A new file (nothing at the target when staged): {@link #commit} creates it
     * and writes the content, one open and no rename, since there is no earlier content to protect.
     */
    static final class Staged {
        private final Path tmp;
        private final Path target;
        private final byte[] content;

        private Staged(Path tmp, Path target, byte[] content) {
            this.tmp = tmp;
            this.target = target;
            this.content = content;
        }

        /** Whether the target did not exist when this was staged. */
        boolean isNew() {
            return tmp == null;
        }

        Path target() {
            return target;
        }

        /**
         * Puts the content into place. A new file is created exclusively (it fails if something
         * appeared at the target meanwhile) and removed again if writing it fails.
         */
        void commit() throws IOException {
            if (tmp == null) {
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    out.write(content);
                } catch (FileAlreadyExistsException e) {
                    throw e; // not ours: leave whatever appeared there alone
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(target);
                    throw e;
                }
                return;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Removes the temporary file if it is still there. */
        void discard() throws IOException {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Prepares writing {@code content} to {@code relative} without touching the target: for an
     * existing file the content goes to a temporary file beside it; a missing file is only checked
     * (its parent directories are created). {@code null} when the target already holds exactly these bytes.
     */
    Staged stage(String relative, byte[] content) throws IOException {
        Path target = checkedTarget(relative);
        Path dir = ensureParent(target);
        BasicFileAttributes existing = attributes(target);
        if (existing != null && existing.isDirectory()) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        if (existing == null) {
            return new Staged(null, target, content);
        }
        boolean regular = existing.isRegularFile();
        if (regular && existing.size() == content.length && Arrays.equals(Files.readAllBytes(target), content)) {
            return null;
        }
        Path tmp = createTemporary(dir, target.getFileName().toString(), content);
        try {
            if (regular) {
                keepPermissions(target, tmp);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Staged(tmp, target, null);
    }

    /** The attributes of {@code path} itself (a link is not followed), or {@code null} when nothing is there. */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Deletes a regular file the plugin owns, then the directories above it that became empty (never
     * the output directory itself). Symbolic links, directories and files behind a link leading
     * outside are left alone.
     */
    Deletion delete(String relative) throws IOException {
        Content c = read(relative);
        if (c.status() == Status.MISSING) {
            return Deletion.ABSENT;
        }
        if (c.status() != Status.FILE) {
            return Deletion.LEFT_ALONE;
        }
        Path target = resolve(relative);
        Files.delete(target);
        for (Path dir = target.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root);
                dir = dir.getParent()) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
        return Deletion.DELETED;
    }

    /**
     * A new file {@code .<name>.<random>.tmp} in {@code dir} holding {@code content}, created and
     * written through one open file. Unlike {@link Files#createTempFile} it gets the default
     * permissions (umask), not owner-only ones, because it becomes the manifest.
     */
    private static Path createTemporary(Path dir, String name, byte[] content) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            OutputStream stream;
            try {
                stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
                continue;
            }
            try (OutputStream out = stream) {
                out.write(content);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        }
    }

    /** Gives the replacement the permissions of the regular file it replaces (POSIX file systems only). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(tmp, perms);
        }
    }

    /** The target path of a relative one, after checking that it is a safe relative path. */
    private Path checkedTarget(String relative) throws IOException {
        Path target = resolve(relative);
        if (!OutputIndex.isSafe(relative) && !relative.equals(OutputIndex.FILE_NAME)
                || !target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to touch '" + relative + "': not a path inside " + root);
        }
        return target;
    }

    /**
     * Creates the output directory and the parent directories of {@code target} one by one, refusing
     * links that lead outside. A directory checked once is remembered for the life of this object
     * (one run), so writing thousands of files into a few namespace directories checks each once.
     */
    private Path ensureParent(Path target) throws IOException {
        Path parent = target.getParent();
        if (checkedDirectories.contains(parent)) {
            return parent;
        }
        Files.createDirectories(root);
        Path dir = root;
        Path rel = root.relativize(parent);
        for (Path element : rel) {
            if (element.toString().isEmpty()) {
                continue;
            }
            dir = dir.resolve(element);
            if (checkedDirectories.contains(dir)) {
                continue;
            }
            if (Files.isSymbolicLink(dir)) {
                if (!inside(dir)) {
                    throw new IOException("refusing to write " + target + ": " + dir
                            + " is a symbolic link leading outside the output directory " + root);
                }
            } else if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot write " + target + ": " + dir + " is not a directory");
            }
            checkedDirectories.add(dir);
        }
        checkedDirectories.add(parent);
        return parent;
    }

    /** Whether an existing path resolves (all links followed) to a location inside the output directory. */
    private boolean inside(Path existing) throws IOException {
        Path realRoot = root.toRealPath();
        return existing.toRealPath().startsWith(realRoot);
    }
}
