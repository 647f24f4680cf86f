package dev.kagentmaven.plugin;

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
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6: Secret values (data, stringData, an API key, a header value and a system prompt read from
 * Secrets) and config.json payloads never appear in any log line at any level, nor in any failure
 * message, across both goals and their success, drift and input-error paths. Every planted value
 * contains {@code PLANTED}; the test scans everything the goals logged (debug included) and threw.
 */
class SecretsInLogsTest {
    private static final String MARKER = "PLANTED";

    @RegisterExtension
    final TestResources5 resources = new TestResources5();

    @RegisterExtension
    final TestMavenRuntime5 maven = new TestMavenRuntime5();

    private final List<String> captured = new ArrayList<>();

    /** Runs a goal with debug logging on; returns the failure message, or null on success. */
    private String run(File basedir, String goal, String... kv) throws Exception {
        MavenProject project = maven.readMavenProject(basedir);
        MavenSession session = maven.newMavenSession(project);
        Properties user = new Properties();
        user.setProperty("kagent.outputDirectory", "manifests");
        for (int i = 0; i < kv.length; i += 2) {
            user.setProperty(kv[i], kv[i + 1]);
        }
        session.getUserProperties().putAll(user);
        MojoExecution execution = maven.newMojoExecution(goal);
        Mojo mojo = maven.lookupConfiguredMojo(session, execution);
        MojoHarness.CapturingLog log = new MojoHarness.CapturingLog(true);
        mojo.setLog(log);
        String failure = null;
        try {
            mojo.execute();
        } catch (Exception e) {
            failure = e.getMessage() + (e.getCause() == null ? "" : " / " + e.getCause());
            captured.add(failure);
        }
        captured.addAll(log.lines);
        return failure;
    }

    private void assertNothingLeaked() {
        for (String line : captured) {
            assertFalse(line.contains(MARKER), () -> "secret value leaked: " + line);
        }
    }

    @Test
    void successDriftAndWarningPathsLogNoSecret() throws Exception {
        File basedir = resources.getBasedir("secrets");
        assertTrue(run(basedir, "generate") == null);
        Path file = basedir.toPath().resolve("manifests/team/secret-agent.yaml");
        String rendered = Files.readString(file);
        // the secrets really are in the output (so the scan below is meaningful)
        assertTrue(rendered.contains("PLANTED-SYSTEM-PROMPT") && rendered.contains("PLANTED-HEADER-VALUE"));
        assertTrue(run(basedir, "check") == null);

        Files.writeString(file, rendered.replace("PLANTED-SYSTEM-PROMPT", "PLANTED-SYSTEM-PROMPT-EDITED"));
        String drift = run(basedir, "check");
        assertTrue(drift != null && drift.contains("secret-agent.yaml"), drift);
        assertTrue(run(basedir, "check", "kagent.check.failOnDrift", "false") == null);
        assertTrue(captured.stream().anyMatch(l -> l.startsWith("[warn]") && l.contains("secret-agent.yaml")));
        assertTrue(run(basedir, "generate") == null);
        assertNothingLeaked();
    }

    @Test
    void inputErrorPathsLogNoSecret() throws Exception {
        File basedir = resources.getBasedir("secrets");
        String tpl = Base64.getEncoder().encodeToString("{{ .PLANTEDFIELD }} {{ include \"PLANTED/x\" }}"
                .getBytes(StandardCharsets.UTF_8));
        Files.writeString(basedir.toPath().resolve("src/main/kagent/broken.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: broken, namespace: team}
                data:
                  number: 12
                  not-base64: PLANTED-NOT-BASE64!
                  template: %s
                stringData:
                  list: [PLANTED-IN-A-LIST]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: prompts, namespace: team}
                data: {a: b}
                ---
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: templated, namespace: team}
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessageFrom: {type: Secret, name: broken, key: template}
                    promptTemplate:
                      dataSources: [{kind: ConfigMap, name: prompts}]
                """.formatted(tpl));
        String generate = run(basedir, "generate");
        assertTrue(generate != null && generate.contains("broken.yaml"), generate);
        String check = run(basedir, "check");
        assertTrue(check != null && check.contains("broken.yaml"), check);
        assertNothingLeaked();
    }
}
