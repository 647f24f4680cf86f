package dev.kagentmaven.plugin;

import static io.takari.maven.testing.TestMavenRuntime.newParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.takari.maven.testing.TestMavenRuntime5;
import io.takari.maven.testing.TestResources5;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@code kagent:generate} in-JVM against the projects in {@code src/test/projects}. */
class GenerateMojoTest {

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    @RegisterExtension
    final TestMavenRuntime5 maven = new TestMavenRuntime5();

    @Test
    void skipWritesNothing() throws Exception {
        File basedir = resources.getBasedir("basic");
        CapturingLog log = run(basedir, new Properties(), newParameter("skip", "true"));
        assertEquals(List.of("[info] kagent:generate skipped"), log.lines);
        assertFalse(new File(basedir, "target").exists(), "nothing may be written when skipped");
    }

    @Test
    void skipPropertyIsCheckedBeforeAnything() throws Exception {
        File basedir = resources.getBasedir("no-input"); // would fail if the input directory were looked at
        Properties user = new Properties();
        user.setProperty("kagent.skip", "true");
        user.setProperty("kagent.tlsClientSecretCa", "bogus");
        CapturingLog log = run(basedir, user);
        assertEquals(List.of("[info] kagent:generate skipped"), log.lines);
    }

    @Test
    void missingInputDirectoryFails() throws Exception {
        File basedir = resources.getBasedir("no-input");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> run(basedir, new Properties()));
        assertTrue(e.getMessage().contains("input directory src/main/kagent does not exist"), e.getMessage());
        assertFalse(new File(basedir, "target/kagent").exists());
    }

    @Test
    void badTlsClientSecretCaFails() throws Exception {
        File basedir = resources.getBasedir("basic");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> run(basedir, new Properties(), newParameter("tlsClientSecretCa", "sometimes")));
        assertTrue(e.getMessage().contains("tlsClientSecretCa must be one of auto, always, never"), e.getMessage());
    }

    @Test
    void relativeDirectoriesResolveAgainstBasedir() throws Exception {
        File basedir = resources.getBasedir("relative");
        Properties user = new Properties();
        user.setProperty("kagent.inputDirectory", "agents");
        user.setProperty("kagent.outputDirectory", "manifests");
        user.setProperty("kagent.agents", "test/basic-agent, test/basic-agent");
        user.setProperty("kagent.tlsClientSecretCa", "ALWAYS");
        CapturingLog log = run(basedir, user);
        assertTrue(log.lines.get(log.lines.size() - 1).startsWith("[info] kagent: 1 input file, "), log.lines.toString());
        assertTrue(log.lines.get(log.lines.size() - 1).endsWith(" in manifests"), log.lines.toString());
    }

    @Test
    void mapParametersAcceptPomConfiguration() throws Exception {
        File basedir = resources.getBasedir("basic");
        Xpp3Dom labels = new Xpp3Dom("defaultAgentPodLabels");
        labels.addChild(newParameter("team", "platform"));
        Xpp3Dom otel = new Xpp3Dom("otelEnv");
        otel.addChild(newParameter("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
        CapturingLog log = run(basedir, new Properties(), labels, otel, newParameter("imageTag", "dev"));
        assertTrue(log.lines.get(log.lines.size() - 1).startsWith("[info] kagent: 1 input file, "), log.lines.toString());
    }

    /**
     * Expected to fail until the translator is implemented: the stub returns no agents.
     */
    @Test
    void basicAgentIsRendered() throws Exception {
        File basedir = resources.getBasedir("basic");
        CapturingLog log = run(basedir, new Properties());
        assertEquals("[info] kagent: 1 input file, 1 agent rendered, 1 file written (0 unchanged) in target/kagent",
                log.lines.get(log.lines.size() - 1));
        Path out = basedir.toPath().resolve("target/kagent/test/basic-agent.yaml");
        assertTrue(Files.isRegularFile(out), "missing " + out);
        String yaml = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("kind: Deployment"), yaml);

        long mtime = Files.getLastModifiedTime(out).toMillis();
        CapturingLog again = run(basedir, new Properties());
        assertEquals("[info] kagent: 1 input file, 1 agent rendered, 0 files written (1 unchanged) in target/kagent",
                again.lines.get(again.lines.size() - 1));
        assertEquals(mtime, Files.getLastModifiedTime(out).toMillis(), "unchanged output must not be rewritten");
    }

    /** Configures the mojo like Maven would (user properties + execution parameters), then runs it with a capturing log. */
    private CapturingLog run(File basedir, Properties userProperties, Xpp3Dom... parameters) throws Exception {
        MavenProject project = maven.readMavenProject(basedir);
        MavenSession session = maven.newMavenSession(project);
        session.getUserProperties().putAll(userProperties);
        MojoExecution execution = maven.newMojoExecution("generate", parameters);
        Mojo mojo = maven.lookupConfiguredMojo(session, execution);
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.execute();
        return log;
    }

    /** Records info/warn/error lines (debug is dropped) as {@code [level] message}. */
    static final class CapturingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

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
            return false;
        }
    }
}
