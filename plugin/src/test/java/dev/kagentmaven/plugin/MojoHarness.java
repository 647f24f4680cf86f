package dev.kagentmaven.plugin;

import io.takari.maven.testing.TestMavenRuntime5;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Runs a goal in-JVM the way Maven would (user properties + execution parameters), with a capturing log. */
final class MojoHarness {

    private final TestMavenRuntime5 maven;

    MojoHarness(TestMavenRuntime5 maven) {
        this.maven = maven;
    }

    /** One execution: the project it ran on and what it logged. */
    record Run(MavenProject project, CapturingLog log) {
        String lastLine() {
            return log.lines.get(log.lines.size() - 1);
        }
    }

    Run run(File basedir, String goal, Properties userProperties, Xpp3Dom... parameters) throws Exception {
        MavenProject project = maven.readMavenProject(basedir);
        return run(project, goal, userProperties, parameters);
    }

    Run run(MavenProject project, String goal, Properties userProperties, Xpp3Dom... parameters) throws Exception {
        MavenSession session = maven.newMavenSession(project);
        session.getUserProperties().putAll(userProperties);
        MojoExecution execution = maven.newMojoExecution(goal, parameters);
        Mojo mojo = maven.lookupConfiguredMojo(session, execution);
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.execute();
        return new Run(project, log);
    }

    static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** Every regular file below {@code dir} by {@code /}-separated relative path, with its bytes. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(ProjectPaths.slashes(dir.relativize(p)), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** Every regular file below {@code dir} with its modification time. */
    static Map<String, FileTime> mtimes(Path dir) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    times.put(ProjectPaths.slashes(dir.relativize(p)), Files.getLastModifiedTime(p));
                }
            }
        }
        return times;
    }

    /** Records debug/info/warn/error lines as {@code [level] message}; debug only when asked for. */
    static final class CapturingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();
        private final boolean debug;

        CapturingLog() {
            this(false);
        }

        CapturingLog(boolean debug) {
            this.debug = debug;
        }

        @Override
        public void debug(CharSequence content) {
            if (debug) {
                lines.add("[debug] " + content);
            }
        }

        @Override
        public void info(CharSequence content) {
            lines.add("[info] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[warn] " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("[error] " + content);
        }

        @Override
        public boolean isDebugEnabled() {
            return debug;
        }

        String all() {
            return String.join("\n", lines);
        }
    }
}
