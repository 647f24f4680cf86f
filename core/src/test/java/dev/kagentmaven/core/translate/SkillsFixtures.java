package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.io.Document;
import dev.kagentmaven.core.io.YamlDocuments;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Inputs and assertions shared by {@link SkillsTest}. */
final class SkillsFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Options OPTIONS = Options.builder().imageTag("dev").build();

    private SkillsFixtures() {
    }

    // ---- golden cases (fragments copied by hand from kagent's testdata outputs) ----

    static final String GIT_SKILLS_AGENT = """
            apiVersion: kagent.dev/v1alpha2
            kind: Agent
            metadata:
              name: git-skills-agent
              namespace: test
            spec:
              skills:
                refs:
                  - ghcr.io/org/oci-skill:v1.0
                gitAuthSecretRef:
                  name: github-token
                gitRefs:
                  - url: https://github.com/org/my-skills
                    ref: v2.0.0
                    path: skills/k8s
                    name: k8s-skill
                  - url: https://github.com/org/another-skill
                    ref: abc123def456abc123def456abc123def456abc1
                  - url: https://github.com/org/private-skill
                    ref: main
              type: Declarative
              declarative:
                description: An agent with git-based skills
                systemMessage: You are a helpful assistant with skills from git.
                modelConfig: basic-model
                tools: []
            """;

    static final String SKILLS_AGENT = """
            apiVersion: kagent.dev/v1alpha2
            kind: Agent
            metadata:
              name: skills-agent
              namespace: test
            spec:
              skills:
                refs:
                  - foo:latest
              type: Declarative
              declarative:
                description: A basic test agent
                systemMessage: You are a helpful assistant.
                modelConfig: basic-model
                deployment:
                  resources:
                    requests:
                      cpu: 200m
                      memory: 684Mi
                    limits:
                      cpu: 3000m
                      memory: 2Gi
                tools: []
            """;

    /** Golden {@code data["config.json"]} of agent_with_git_skills. */
    static final String GIT_SKILLS_CONFIG = "{\"authMountPath\":\"/git-auth\",\"gitRefs\":[{\"url\":\"https://github.com/org/my-skills\","
            + "\"ref\":\"v2.0.0\",\"dest\":\"/skills/k8s-skill\",\"subPath\":\"skills/k8s\"},"
            + "{\"url\":\"https://github.com/org/another-skill\",\"ref\":\"abc123def456abc123def456abc123def456abc1\","
            + "\"dest\":\"/skills/another-skill\",\"full\":true},{\"url\":\"https://github.com/org/private-skill\","
            + "\"ref\":\"main\",\"dest\":\"/skills/private-skill\"}],\"ociRefs\":[{\"image\":\"ghcr.io/org/oci-skill:v1.0\","
            + "\"dest\":\"/skills/oci-skill\"}]}";

    /** Golden init container of agent_with_git_skills, except limits.cpu: golden "2" is "2000m" before canonicalisation. */
    static final JsonNode GIT_SKILLS_INIT = json("""
            {"image":"ghcr.io/kagent-dev/kagent/skills-init:dev","name":"skills-init",
             "resources":{"limits":{"cpu":"2000m","memory":"1Gi"},"requests":{"cpu":"100m","memory":"384Mi"}},
             "volumeMounts":[{"mountPath":"/skills","name":"kagent-skills"},
               {"mountPath":"/etc/kagent/skills-init","name":"skills-init-config","readOnly":true},
               {"mountPath":"/git-auth","name":"git-auth","readOnly":true}]}""");

    /** Golden pod volumes of agent_with_git_skills minus "config" (first) and "kagent-token" (last). */
    static final JsonNode GIT_SKILLS_VOLUMES = json("""
            [{"emptyDir":{},"name":"kagent-skills"},
             {"configMap":{"name":"git-skills-agent-skills-init"},"name":"skills-init-config"},
             {"name":"git-auth","secret":{"secretName":"github-token"}}]""");

    /** The same init container with keys in Go's struct order (name, image, resources, volumeMounts). */
    static final String GIT_SKILLS_INIT_GO_ORDER = "{\"name\":\"skills-init\",\"image\":\"ghcr.io/kagent-dev/kagent/skills-init:dev\","
            + "\"resources\":{\"limits\":{\"cpu\":\"2000m\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"100m\","
            + "\"memory\":\"384Mi\"}},\"volumeMounts\":[{\"name\":\"kagent-skills\",\"mountPath\":\"/skills\"},"
            + "{\"name\":\"skills-init-config\",\"readOnly\":true,\"mountPath\":\"/etc/kagent/skills-init\"},"
            + "{\"name\":\"git-auth\",\"readOnly\":true,\"mountPath\":\"/git-auth\"}]}";

    /** The same volumes with keys in Go's struct order. */
    static final String GIT_SKILLS_VOLUMES_GO_ORDER = "[{\"name\":\"kagent-skills\",\"emptyDir\":{}},"
            + "{\"name\":\"skills-init-config\",\"configMap\":{\"name\":\"git-skills-agent-skills-init\"}},"
            + "{\"name\":\"git-auth\",\"secret\":{\"secretName\":\"github-token\"}}]";

    /** Golden {@code data["config.json"]} of agent_with_skills. */
    static final String SKILLS_CONFIG = "{\"ociRefs\":[{\"image\":\"foo:latest\",\"dest\":\"/skills/foo\"}]}";

    /** Golden init container of agent_with_skills (limits.cpu as above). */
    static final JsonNode SKILLS_INIT = json("""
            {"image":"ghcr.io/kagent-dev/kagent/skills-init:dev","name":"skills-init",
             "resources":{"limits":{"cpu":"2000m","memory":"1Gi"},"requests":{"cpu":"100m","memory":"384Mi"}},
             "volumeMounts":[{"mountPath":"/skills","name":"kagent-skills"},
               {"mountPath":"/etc/kagent/skills-init","name":"skills-init-config","readOnly":true}]}""");

    /** Golden pod volumes of agent_with_skills minus "config" and "kagent-token". */
    static final JsonNode SKILLS_VOLUMES = json("""
            [{"emptyDir":{},"name":"kagent-skills"},
             {"configMap":{"name":"skills-agent-skills-init"},"name":"skills-init-config"}]""");

    static String declarative(String skills) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: Declarative
                """ + skills + """
                  declarative:
                    systemMessage: hi
                    modelConfig: m
                """;
    }

    static Node agent(String yaml) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Document> docs = YamlDocuments.read(Source.ofString("agent.yaml", yaml), diagnostics);
        assertTrue(diagnostics.isEmpty(), () -> diagnostics.toString());
        assertEquals(1, docs.size());
        return Node.root(docs.get(0), new Problems());
    }

    static Skills.Plan plan(String yaml) {
        Node agent = agent(yaml);
        Skills.Plan plan = Skills.plan(agent, OPTIONS);
        assertNoProblems(agent);
        return plan;
    }

    static void assertError(String message, String skills) {
        Node agent = agent(declarative(skills));
        Skills.Plan plan = Skills.plan(agent, OPTIONS);
        assertEquals(List.of(message), messages(agent));
        assertTrue(plan.present());
        assertNoRefs(plan);
    }

    /** No skills-init artefacts. */
    static void assertNoRefs(Skills.Plan plan) {
        assertFalse(plan.hasRefs());
        assertNull(plan.initConfig());
        assertNull(plan.initContainer());
        assertTrue(plan.volumes().isEmpty());
    }

    static List<String> messages(Node agent) {
        return agent.problems().list().stream().map(Diagnostic::message).toList();
    }

    static void assertNoProblems(Node agent) {
        assertTrue(agent.problems().list().isEmpty(), () -> agent.problems().list().toString());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- kagent's unit-test vectors (skills_unit_test.go) plus a few edge cases ----

    /** url, path, name → gitSkillName. */
    static Stream<Arguments> gitNameVectors() {
        return Stream.of(
                arguments("https://github.com/org/repo.git", "", "custom", "custom"),
                arguments("https://github.com/org/my-repo.git", "", "", "my-repo"),
                arguments("https://github.com/org/my-repo", "", "", "my-repo"),
                arguments("https://github.com/org/repo.git?token=abc", "", "", "repo"),
                arguments("https://github.com/org/repo.git#readme", "", "", "repo"),
                arguments("https://github.com/org/repo?foo=bar#baz", "", "", "repo"),
                arguments("git@github.com:org/repo.git", "", "", "repo"),
                arguments("https://github.com/reponame/myskills.git", "someskills/skill1", "", "skill1"),
                arguments("https://github.com/reponame/myskills.git", "/someskills/skill1/", "", "skill1"),
                arguments("https://github.com/reponame/myskills.git", "someskills/skill1", "custom", "custom"),
                arguments("https://github.com/reponame/myskills", "", "", "myskills"),
                arguments("https://github.com", "", "", "github.com"),
                arguments("https://host/org/a%2Fb.git", "", "", "b"),
                arguments("ssh://git@host:2222/x/y.git", "", "  spaced\u00a0", "spaced"));
    }

    /** image ref → ociSkillName. */
    static Stream<Arguments> ociNameVectors() {
        return Stream.of(
                arguments("skill:latest", "skill"), arguments("ghcr.io/org/skill:v1", "skill"),
                arguments("localhost:5000/skill", "skill"), arguments("localhost:5000/foo", "foo"),
                arguments("localhost:5000/skill:v1", "skill"), arguments("registry.example.com:8080/org/skill:v1", "skill"),
                arguments("ghcr.io/org/skill@sha256:abc123", "skill"), arguments("ghcr.io/org/skill:v1@sha256:abc", "skill"),
                arguments("registry.io/a/b/c/skill:latest", "skill"), arguments("ghcr.io/org/skill", "skill"));
    }

    /** uri, name → s3SkillName. */
    static Stream<Arguments> s3NameVectors() {
        return Stream.of(
                arguments("s3://bucket/path/skill", "custom", "custom"),
                arguments("s3://bucket/team/kebab-maker", "", "kebab-maker"),
                arguments("s3://bucket/bundles/ops.zip", "", "ops"), arguments("s3://bucket/bundles/ops.tgz", "", "ops"),
                arguments("s3://bucket/bundles/ops.tar.gz", "", "ops"), arguments("s3://bucket/bundles/Ops.TAR.GZ", "", "Ops"),
                arguments("s3://bucket/bundles/ops.Zip", "", "ops"), arguments("s3://bucket/team/runbook/", "", "runbook"),
                arguments("s3://bucket/bundles/ops.gz", "", "ops.gz"));
    }

    /** git url → "host[:port]" of gitSSHHost, "" when not an SSH host. */
    static Stream<Arguments> sshHostVectors() {
        return Stream.of(
                arguments("https://github.com/org/repo.git", ""),
                arguments("git@github.com:org/repo.git", "github.com"),
                arguments("ssh://git@gitea-ssh.gitea:2222/gitops/repo.git", "gitea-ssh.gitea:2222"),
                arguments("ssh://git@gitea-ssh.gitea/gitops/repo.git", "gitea-ssh.gitea"),
                arguments("git+ssh://git@example.com:2222/org/repo.git", "example.com:2222"),
                arguments("ssh://git@gitea-ssh.gitea:22/gitops/repo.git", "gitea-ssh.gitea"),
                arguments("SSH://git@Host.Example:2200/x", "Host.Example:2200"),
                arguments("not-a-git-url", ""),
                arguments("git@foo$(id):repo.git", ""),
                arguments("git@bad\";id;echo \":repo.git", ""),
                arguments("ssh://git@host$(whoami)/org/repo.git", ""),
                arguments("ssh://git@`id`.evil.com/org/repo.git", ""),
                arguments("ssh://git@a:1:2/x", ""),
                arguments("file:///srv/repo.git", ""),
                arguments("host.example:repo", "host.example"));
    }
}
