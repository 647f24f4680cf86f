package dev.kagentmaven.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.takari.maven.testing.executor.MavenExecutionResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the ITs. */
final class ItSupport {

    private ItSupport() {
    }

    /** {@code examples/} of the repository (failsafe passes it; the module directory is the fallback's base). */
    static Path examples() {
        return Path.of(System.getProperty("kagent.examples.dir", "../examples")).toAbsolutePath().normalize();
    }

    /** Copies the bundled example's inputs ({@code examples/gitops/src/main/kagent}) into {@code basedir/src/main/kagent}. */
    static void copyExampleInputs(File basedir) throws IOException {
        Path from = examples().resolve("gitops/src/main/kagent");
        Path to = basedir.toPath().resolve("src/main/kagent");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static String log(MavenExecutionResult result) {
        return String.join("\n", result.getLog());
    }

    /** The build succeeded, logged no error and no thread-safety or plugin-validation warning. */
    static MavenExecutionResult assertCleanSuccess(MavenExecutionResult result) throws Exception {
        result.assertErrorFreeLog();
        String log = log(result);
        assertTrue(log.contains("BUILD SUCCESS"), log);
        for (String bad : List.of("threadSafe", "thread-safe", "Plugin validation issues")) {
            assertFalse(log.contains(bad), "unexpected '" + bad + "' in the log:\n" + log);
        }
        return result;
    }

    static MavenExecutionResult assertFailure(MavenExecutionResult result, String... texts) {
        String log = log(result);
        assertTrue(log.contains("BUILD FAILURE"), log);
        for (String t : texts) {
            assertTrue(log.contains(t), "missing '" + t + "' in the log:\n" + log);
        }
        return result;
    }

    static void assertLogContains(MavenExecutionResult result, String... texts) {
        String log = log(result);
        for (String t : texts) {
            assertTrue(log.contains(t), "missing '" + t + "' in the log:\n" + log);
        }
    }

    static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " does not contain " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
