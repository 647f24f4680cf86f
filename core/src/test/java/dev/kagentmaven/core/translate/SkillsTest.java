package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.kagentmaven.core.translate.SkillsFixtures.GIT_SKILLS_AGENT;
import static dev.kagentmaven.core.translate.SkillsFixtures.GIT_SKILLS_CONFIG;
import static dev.kagentmaven.core.translate.SkillsFixtures.GIT_SKILLS_INIT;
import static dev.kagentmaven.core.translate.SkillsFixtures.GIT_SKILLS_INIT_GO_ORDER;
import static dev.kagentmaven.core.translate.SkillsFixtures.GIT_SKILLS_VOLUMES;
import static dev.kagentmaven.core.translate.SkillsFixtures.GIT_SKILLS_VOLUMES_GO_ORDER;
import static dev.kagentmaven.core.translate.SkillsFixtures.JSON;
import static dev.kagentmaven.core.translate.SkillsFixtures.OPTIONS;
import static dev.kagentmaven.core.translate.SkillsFixtures.SKILLS_AGENT;
import static dev.kagentmaven.core.translate.SkillsFixtures.SKILLS_CONFIG;
import static dev.kagentmaven.core.translate.SkillsFixtures.SKILLS_INIT;
import static dev.kagentmaven.core.translate.SkillsFixtures.SKILLS_VOLUMES;
import static dev.kagentmaven.core.translate.SkillsFixtures.agent;
import static dev.kagentmaven.core.translate.SkillsFixtures.assertError;
import static dev.kagentmaven.core.translate.SkillsFixtures.assertNoProblems;
import static dev.kagentmaven.core.translate.SkillsFixtures.assertNoRefs;
import static dev.kagentmaven.core.translate.SkillsFixtures.declarative;
import static dev.kagentmaven.core.translate.SkillsFixtures.json;
import static dev.kagentmaven.core.translate.SkillsFixtures.messages;
import static dev.kagentmaven.core.translate.SkillsFixtures.plan;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.model.Node;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Skills}: golden fragments of kagent's skills cases, kagent's unit-test vectors and error messages. */
class SkillsTest {
    @Test
    void goldenGitSkills() throws Exception {
        Node agent = agent(GIT_SKILLS_AGENT);
        Skills.Plan plan = Skills.plan(agent, OPTIONS);
        assertNoProblems(agent);
        assertTrue(plan.present());
        assertTrue(plan.hasRefs());
        assertEquals(GIT_SKILLS_CONFIG, JSON.writeValueAsString(plan.initConfig()));
        assertEquals(GIT_SKILLS_INIT, plan.initContainer());
        assertEquals(GIT_SKILLS_VOLUMES, JSON.valueToTree(plan.volumes()));
        assertEquals(List.of("oci-skill", "k8s-skill", "another-skill", "private-skill"), plan.skillNames());
    }

    @Test
    void goldenSkills() throws Exception {
        Node agent = agent(SKILLS_AGENT);
        Skills.Plan plan = Skills.plan(agent, OPTIONS);
        assertNoProblems(agent);
        assertEquals(SKILLS_CONFIG, JSON.writeValueAsString(plan.initConfig()));
        assertEquals(SKILLS_INIT, plan.initContainer());
        assertEquals(SKILLS_VOLUMES, JSON.valueToTree(plan.volumes()));
        assertEquals(List.of("foo"), plan.skillNames());
    }

    @Test
    void emitsGoFieldOrder() throws Exception {
        Skills.Plan plan = Skills.plan(agent(GIT_SKILLS_AGENT), OPTIONS);
        assertEquals(GIT_SKILLS_INIT_GO_ORDER, JSON.writeValueAsString(plan.initContainer()));
        assertEquals(GIT_SKILLS_VOLUMES_GO_ORDER, JSON.writeValueAsString(plan.volumes()));
    }

    // ---- presence ----

    @Test
    void noSkills() {
        Skills.Plan plan = plan(declarative(""));
        assertFalse(plan.present());
        assertNoRefs(plan);
        assertTrue(plan.skillNames().isEmpty());
    }

    @Test
    void skillsWithoutRefs() {
        Skills.Plan plan = plan(declarative("  skills:\n    refs: []\n    insecureSkipVerify: true\n"));
        assertTrue(plan.present());
        assertNoRefs(plan);
    }

    // ---- config.json rules ----

    @Test
    void gitRefDefaultsAndFullClone() throws Exception {
        Skills.Plan plan = plan(declarative("""
                  skills:
                    gitRefs:
                      - url: https://github.com/org/my-skills.git
                      - url: https://github.com/org/other
                        ref: ABC123DEF456ABC123DEF456ABC123DEF456ABC1
                      - url: https://github.com/org/third
                        ref: abc123def456abc123def456abc123def456abc
                      - url: https://github.com/org/mono.git
                        path: skills/k8s/
                """));
        assertEquals("{\"gitRefs\":[{\"url\":\"https://github.com/org/my-skills.git\",\"ref\":\"main\",\"dest\":\"/skills/my-skills\"},"
                + "{\"url\":\"https://github.com/org/other\",\"ref\":\"ABC123DEF456ABC123DEF456ABC123DEF456ABC1\","
                + "\"dest\":\"/skills/other\",\"full\":true},"
                + "{\"url\":\"https://github.com/org/third\",\"ref\":\"abc123def456abc123def456abc123def456abc\",\"dest\":\"/skills/third\"},"
                + "{\"url\":\"https://github.com/org/mono.git\",\"ref\":\"main\",\"dest\":\"/skills/k8s\",\"subPath\":\"skills/k8s\"}]}",
                JSON.writeValueAsString(plan.initConfig()));
    }

    @ParameterizedTest
    @MethodSource("dev.kagentmaven.core.translate.SkillsFixtures#gitNameVectors")
    void gitNames(String url, String path, String name, String want) {
        assertEquals(want, SkillsNames.gitName(url, path, name));
    }

    @ParameterizedTest
    @MethodSource("dev.kagentmaven.core.translate.SkillsFixtures#ociNameVectors")
    void ociNames(String ref, String want) {
        assertEquals(want, SkillsNames.ociName(ref));
    }

    @ParameterizedTest
    @MethodSource("dev.kagentmaven.core.translate.SkillsFixtures#s3NameVectors")
    void s3Names(String uri, String name, String want) {
        assertEquals(want, SkillsNames.s3Name(uri, name));
    }

    @Test
    void s3Refs() throws Exception {
        Skills.Plan plan = plan(declarative("""
                  skills:
                    s3Refs:
                      - uri: s3://bucket/team/runbook
                        region: eu-west-1
                      - uri: s3://bucket/bundles/ops.zip
                        name: ops-skill
                    initContainer:
                      env:
                        - name: AWS_ACCESS_KEY_ID
                          valueFrom:
                            secretKeyRef:
                              name: s3-creds
                              key: access-key-id
                        - name: AWS_REGION
                          value: us-east-1
                """));
        assertEquals("{\"s3Refs\":[{\"uri\":\"s3://bucket/team/runbook\",\"dest\":\"/skills/runbook\",\"region\":\"eu-west-1\"},"
                + "{\"uri\":\"s3://bucket/bundles/ops.zip\",\"dest\":\"/skills/ops-skill\"}]}",
                JSON.writeValueAsString(plan.initConfig()));
        assertEquals(json("""
                [{"name":"AWS_ACCESS_KEY_ID","valueFrom":{"secretKeyRef":{"name":"s3-creds","key":"access-key-id"}}},
                 {"name":"AWS_REGION","value":"us-east-1"}]"""), plan.initContainer().get("env"));
        assertEquals(List.of("runbook", "ops-skill"), plan.skillNames());
    }

    @Test
    void insecureOciAndPullSecrets() throws Exception {
        Skills.Plan plan = plan(declarative("""
                  skills:
                    insecureSkipVerify: true
                    refs:
                      - docker.artifactory.example.com/org/skill-a:v1
                      - acr.azurecr.io/org/skill-b:v2
                    imagePullSecrets:
                      - name: artifactory-creds
                      - name: acr-creds
                """));
        assertEquals("{\"ociRefs\":[{\"image\":\"docker.artifactory.example.com/org/skill-a:v1\",\"dest\":\"/skills/skill-a\"},"
                + "{\"image\":\"acr.azurecr.io/org/skill-b:v2\",\"dest\":\"/skills/skill-b\"}],\"insecureOci\":true,"
                + "\"imagePullSecrets\":[\"artifactory-creds\",\"acr-creds\"]}", JSON.writeValueAsString(plan.initConfig()));
        assertEquals(json("""
                [{"name":"kagent-skills","emptyDir":{}},
                 {"name":"skills-init-config","configMap":{"name":"a-skills-init"}},
                 {"name":"pull-secret-artifactory-creds","secret":{"secretName":"artifactory-creds"}},
                 {"name":"pull-secret-acr-creds","secret":{"secretName":"acr-creds"}}]"""), JSON.valueToTree(plan.volumes()));
        assertEquals(json("""
                [{"name":"kagent-skills","mountPath":"/skills"},
                 {"name":"skills-init-config","readOnly":true,"mountPath":"/etc/kagent/skills-init"},
                 {"name":"pull-secret-artifactory-creds","readOnly":true,"mountPath":"/docker-secrets/artifactory-creds"},
                 {"name":"pull-secret-acr-creds","readOnly":true,"mountPath":"/docker-secrets/acr-creds"}]"""),
                plan.initContainer().get("volumeMounts"));
    }

    @Test
    void sshHostsOnlyWithAuthSortedAndDeduped() throws Exception {
        String refs = """
                    gitRefs:
                      - url: https://github.com/org/https-repo
                      - url: git@github.com:org/scp-repo.git
                      - url: ssh://git@gitea-ssh.gitea:22/gitops/ssh-repo.git
                        name: ssh-repo
                      - url: ssh://git@github.com:22/org/another.git
                      - url: ssh://git@gitea-ssh.gitea:2222/gitops/x.git
                      - url: git+ssh://git@example.com:2222/org/y.git
                      - url: ssh://git@host$(whoami)/org/z.git
                """;
        Skills.Plan plan = plan(declarative("  skills:\n    gitAuthSecretRef:\n      name: ssh-secret\n" + refs));
        assertEquals(json("""
                [{"host":"example.com","port":"2222"},{"host":"gitea-ssh.gitea"},
                 {"host":"gitea-ssh.gitea","port":"2222"},{"host":"github.com"}]"""), plan.initConfig().get("sshHosts"));
        Skills.Plan noAuth = plan(declarative("  skills:\n" + refs));
        assertFalse(noAuth.initConfig().has("sshHosts"));
        assertFalse(noAuth.initConfig().has("authMountPath"));
    }

    @ParameterizedTest
    @MethodSource("dev.kagentmaven.core.translate.SkillsFixtures#sshHostVectors")
    void sshHost(String url, String want) {
        SkillsUrl.SshHost h = SkillsUrl.sshHost(url);
        assertEquals(want, h == null ? "" : h.host() + (h.port().isEmpty() ? "" : ":" + h.port()));
    }

    // ---- errors ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "skill-a | {gitRefs: [{url: 'https://github.com/org/skill-a'}, {url: 'https://github.com/other/skill-a'}]}",
        "skill | {refs: ['ghcr.io/org/skill:v1', 'ghcr.io/other/skill:v2']}",
        "my-skill | {refs: ['ghcr.io/org/my-skill:v1'], gitRefs: [{url: 'https://github.com/org/my-skill'}]}",
        "runbook | {gitRefs: [{url: 'https://github.com/org/runbook'}], s3Refs: [{uri: 's3://bucket/team/runbook'}]}",
    })
    void duplicateNames(String name, String skills) {
        assertError("failed to build skills init container: duplicate skill directory name \"" + name + "\"",
                "  skills: " + skills.replace('\'', '"') + "\n");
    }

    @Test
    void explicitNamesAvoidCollision() {
        assertTrue(plan(declarative("  skills: {gitRefs: [{url: \"https://github.com/org/skill-a\", name: unique-a},"
                + " {url: \"https://github.com/org/skill-a\", ref: v2, name: unique-b}]}\n")).hasRefs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "git skill \"https://github.com/org/repo\": skill name \"../escape\" must match ^[A-Za-z0-9._-]+$"
            + " | {gitRefs: [{url: \"https://github.com/org/repo\", name: \"../escape\"}]}",
        "git skill \"https://github.com/org/repo\": skill name \"skill\\nrm\" must match ^[A-Za-z0-9._-]+$"
            + " | {gitRefs: [{url: \"https://github.com/org/repo\", name: \"skill\\nrm\"}]}",
        "oci skill \"ghcr.io/org/skill;id\": skill name \"skill;id\" must match ^[A-Za-z0-9._-]+$"
            + " | {refs: [\"ghcr.io/org/skill;id\"]}",
        "oci skill \"ghcr.io/org/..\": skill name \"..\" is not a valid directory name | {refs: [\"ghcr.io/org/..\"]}",
        "s3 skill \"s3://bucket/x/.zip\": skill name is empty | {s3Refs: [{uri: \"s3://bucket/x/.zip\"}]}",
        "git skill \"https://github.com/\": skill name \"/\" must match ^[A-Za-z0-9._-]+$"
            + " | {gitRefs: [{url: \"https://github.com/\"}]}",
    })
    void invalidNames(String message, String skills) {
        assertError("failed to build skills init container: " + message, "  skills: " + skills + "\n");
    }

    @ParameterizedTest
    @CsvSource({"/etc/passwd", "../escape", "a/../../escape", "..", "../"})
    void badSubPath(String path) {
        String subPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        assertError("failed to build skills init container: skill subPath must be a relative path without '..' "
                + "segments, got \"" + subPath + "\"",
                "  skills:\n    gitRefs:\n      - {url: \"https://github.com/org/repo\", path: \"" + path + "\"}\n");
    }

    @ParameterizedTest
    @CsvSource({"a/../b", "a/b/..", "my.skill/v1.0", "skills/k8s", "subdir"})
    void acceptedSubPath(String path) {
        assertTrue(SkillsNames.isLocal(path));
    }

    @Test
    void invalidConfigMapName() {
        Node agent = agent(declarative("  skills:\n    refs: [foo]\n").replace("name: a\n", "name: Bad_Name\n"));
        Skills.Plan plan = Skills.plan(agent, OPTIONS);
        assertFalse(plan.hasRefs());
        assertEquals(List.of("failed to build skills init container: derived skills-init ConfigMap name "
                + "\"Bad_Name-skills-init\" is invalid: a lowercase RFC 1123 subdomain must consist of lower case "
                + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
                + "'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
                + "[a-z0-9])?)*')"), messages(agent));
        String longName = "a".repeat(242);
        Node tooLong = agent(declarative("  skills:\n    refs: [foo]\n").replace("name: a\n", "name: " + longName + "\n"));
        Skills.Plan p2 = Skills.plan(tooLong, OPTIONS);
        assertFalse(p2.hasRefs());
        assertEquals(List.of("failed to build skills init container: derived skills-init ConfigMap name \"" + longName
                + "-skills-init\" is invalid: must be no more than 253 characters"), messages(tooLong));
    }

    @Test
    void errorLocatedAtOffendingEntry() {
        Node agent = agent(declarative("""
                  skills:
                    gitRefs:
                      - url: https://github.com/org/ok
                      - url: https://github.com/org/bad
                        path: /abs
                """));
        Skills.plan(agent, OPTIONS);
        List<Diagnostic> ds = agent.problems().list();
        assertEquals(1, ds.size());
        assertEquals("skills", ds.get(0).code());
        assertEquals("/spec/skills/gitRefs/1/path", ds.get(0).origin().path());
    }

    // ---- init container ----

    @Test
    void securityContextCopiedWithoutPrivilegedAddition() {
        String skills = "  skills:\n    refs: [foo]\n";
        Skills.Plan decl = plan(declarative(skills).replace("    modelConfig: m\n", """
                    modelConfig: m
                    deployment:
                      securityContext:
                        runAsNonRoot: true
                        readOnlyRootFilesystem: false
                """));
        assertEquals(json("{\"runAsNonRoot\":true,\"readOnlyRootFilesystem\":false}"),
                decl.initContainer().get("securityContext"));
        Skills.Plan byo = plan("""
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                spec:
                  type: BYO
                  skills:
                    refs: [foo]
                  byo:
                    deployment:
                      image: x
                      securityContext:
                        allowPrivilegeEscalation: false
                """);
        assertEquals(json("{\"allowPrivilegeEscalation\":false}"), byo.initContainer().get("securityContext"));
        assertFalse(plan(declarative(skills)).initContainer().has("securityContext"));
    }

    @Test
    void customResourcesImageAndEmptyEnv() {
        Options options = Options.builder().skillsInitImageRegistry("custom-registry")
                .skillsInitImageRepository("skills-init").skillsInitImageTag("latest").build();
        Node agent = agent(declarative("""
                  skills:
                    refs: [foo]
                    initContainer:
                      env: []
                      resources:
                        requests:
                          cpu: 100m
                """));
        Skills.Plan plan = Skills.plan(agent, options);
        assertEquals("custom-registry/skills-init:latest", plan.initContainer().get("image").asText());
        assertEquals(json("{\"requests\":{\"cpu\":\"100m\"}}"), plan.initContainer().get("resources"));
        assertFalse(plan.initContainer().has("env"));
        assertFalse(plan.initContainer().has("imagePullPolicy"));
    }

    @Test
    void authSecretVolume() {
        Skills.Plan plan = plan(declarative("""
                  skills:
                    gitAuthSecretRef:
                      name: gitea-ssh-credentials
                    gitRefs:
                      - url: ssh://git@gitea-ssh.gitea:22/gitops/ssh-skills-repo.git
                        name: ssh-skill
                """));
        assertEquals(json("{\"name\":\"git-auth\",\"secret\":{\"secretName\":\"gitea-ssh-credentials\"}}"),
                plan.volumes().get(2));
        assertEquals("{\"authMountPath\":\"/git-auth\",\"gitRefs\":[{\"url\":\"ssh://git@gitea-ssh.gitea:22/gitops/"
                + "ssh-skills-repo.git\",\"ref\":\"main\",\"dest\":\"/skills/ssh-skill\"}],\"sshHosts\":[{\"host\":"
                + "\"gitea-ssh.gitea\"}]}", plan.initConfig().toString());
    }

    @Test
    void skillNamesOrderOciGitS3() {
        Skills.Plan plan = plan(declarative("""
                  skills:
                    s3Refs: [{uri: "s3://b/c.zip"}]
                    gitRefs: [{url: "https://h/o/g.git"}]
                    refs: ["r/o:1"]
                """));
        assertEquals(List.of("o", "g", "c"), plan.skillNames());
    }

    @Test
    void quoteLikeGo() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\x00\\u00a0é\uD83D\uDE00\\U000e0001\"",
                SkillsNames.quote("a\"b\\c\n\t\0\u00a0é\uD83D\uDE00\uDB40\uDC01"));
    }

}
