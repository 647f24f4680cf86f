package dev.kagentmaven.core.translate;

import static dev.kagentmaven.core.translate.TranslateFixture.OPENAI_MODEL;
import static dev.kagentmaven.core.translate.TranslateFixture.OPTIONS;
import static dev.kagentmaven.core.translate.TranslateFixture.agent;
import static dev.kagentmaven.core.translate.TranslateFixture.assertError;
import static dev.kagentmaven.core.translate.TranslateFixture.card;
import static dev.kagentmaven.core.translate.TranslateFixture.config;
import static dev.kagentmaven.core.translate.TranslateFixture.configMap;
import static dev.kagentmaven.core.translate.TranslateFixture.deployment;
import static dev.kagentmaven.core.translate.TranslateFixture.env;
import static dev.kagentmaven.core.translate.TranslateFixture.failing;
import static dev.kagentmaven.core.translate.TranslateFixture.kagentContainer;
import static dev.kagentmaven.core.translate.TranslateFixture.manifest;
import static dev.kagentmaven.core.translate.TranslateFixture.ok;
import static dev.kagentmaven.core.translate.TranslateFixture.secret;
import static dev.kagentmaven.core.translate.TranslateFixture.service;
import static dev.kagentmaven.core.translate.TranslateFixture.serviceAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.ManifestRenderer;
import dev.kagentmaven.core.Options;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emitted Kubernetes objects (agent-manifests.md §1–§8, §13). */
class ManifestsTest {
    private static final String SKILLS = """
            apiVersion: kagent.dev/v1alpha2
            kind: Agent
            metadata:
              name: a
              namespace: test
            spec:
              type: Declarative
              skills:
                refs:
                  - ghcr.io/org/skill:v1
              declarative:
                modelConfig: model
                systemMessage: Be helpful.
            %s""";

    private static Manifest one(Options options, String... docs) {
        return manifest(ok(options, docs), "a");
    }

    private static Manifest one(String... docs) {
        return one(OPTIONS, docs);
    }

    private static String byo(String deployment) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                spec:
                  type: BYO
                  description: A BYO agent
                  byo:
                    deployment:
                      image: example.com/agent:1
                %s""".formatted(deployment);
    }

    private static PodSpec pod(Manifest m) {
        return deployment(m).getSpec().getTemplate().getSpec();
    }

    private static List<String> kinds(Manifest m) {
        return m.objects().stream().map(HasMetadata::getKind).toList();
    }

    private static List<JsonNode> rendered(Manifest m) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        return yaml.readerFor(JsonNode.class).<JsonNode>readValues(ManifestRenderer.render(m)).readAll();
    }

    private static JsonNode renderedDeployment(Manifest m) throws IOException {
        return rendered(m).stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow();
    }

    private static List<String> pullSecrets(Manifest m) {
        List<LocalObjectReference> refs = pod(m).getImagePullSecrets();
        return refs == null ? List.of() : refs.stream().map(LocalObjectReference::getName).toList();
    }

    // ---------------------------------------------------------------- objects and defaults

    @Test
    void defaultObjectsAndDeployment() throws IOException {
        Manifest m = one(OPENAI_MODEL, agent("a"));
        assertEquals(List.of("Secret", "ServiceAccount", "Deployment", "Service"), kinds(m));
        Deployment d = deployment(m);
        assertNull(d.getSpec().getReplicas());
        assertEquals(Map.of("app", "kagent", "kagent", "a"), d.getSpec().getSelector().getMatchLabels());
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
        assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
        assertEquals(1, d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal());
        Container c = kagentContainer(m);
        assertEquals("ghcr.io/kagent-dev/kagent/app:dev", c.getImage());
        assertEquals("IfNotPresent", c.getImagePullPolicy());
        assertEquals(List.of("--host", "0.0.0.0", "--port", "8080", "--filepath", "/config"), c.getArgs());
        assertNull(c.getCommand() == null || c.getCommand().isEmpty() ? null : c.getCommand());
        assertEquals(8080, c.getPorts().get(0).getContainerPort());
        assertEquals("http", c.getPorts().get(0).getName());
        assertProbe(c.getReadinessProbe(), 15, 15, 15);
        assertNull(c.getSecurityContext());
        assertEquals("a", pod(m).getServiceAccountName());
        assertEquals(List.of(), pullSecrets(m));

        JsonNode dep = renderedDeployment(m);
        JsonNode res = dep.at("/spec/template/spec/containers/0/resources");
        assertEquals("2", res.at("/limits/cpu").textValue());
        assertEquals("1Gi", res.at("/limits/memory").textValue());
        assertEquals("100m", res.at("/requests/cpu").textValue());
        assertEquals("384Mi", res.at("/requests/memory").textValue());
        assertTrue(dep.at("/spec/template/metadata/annotations/kagent.dev~1config-hash").textValue().matches("[0-9]+"));

        ServicePort port = service(m).getSpec().getPorts().get(0);
        assertEquals("ClusterIP", service(m).getSpec().getType());
        assertEquals(Map.of("app", "kagent", "kagent", "a"), service(m).getSpec().getSelector());
        assertEquals("http", port.getName());
        assertEquals(8080, port.getPort());
        assertEquals(8080, port.getTargetPort().getIntVal());
        assertNull(port.getAppProtocol());
        for (HasMetadata o : m.objects()) {
            assertTrue(o.getMetadata().getOwnerReferences() == null || o.getMetadata().getOwnerReferences().isEmpty(),
                    "no owner references by default");
            assertNull(o.getMetadata().getAnnotations() == null || o.getMetadata().getAnnotations().isEmpty()
                    ? null : o.getKind());
        }
    }

    private static void assertProbe(Probe p, int delay, int timeout, int period) {
        assertEquals("/.well-known/agent-card.json", p.getHttpGet().getPath());
        assertEquals("http", p.getHttpGet().getPort().getStrVal());
        assertEquals(delay, p.getInitialDelaySeconds());
        assertEquals(timeout, p.getTimeoutSeconds());
        assertEquals(period, p.getPeriodSeconds());
        assertNull(p.getFailureThreshold());
        assertNull(p.getSuccessThreshold());
    }

    @Test
    void replicasOnlyWhenSet() {
        Manifest m = one(OPENAI_MODEL, agent("a", """
                    deployment:
                      replicas: 3
                """));
        assertEquals(3, deployment(m).getSpec().getReplicas());
        Manifest zero = one(OPENAI_MODEL, agent("a", """
                    deployment:
                      replicas: 0
                """));
        assertEquals(0, deployment(zero).getSpec().getReplicas());
    }

    // ---------------------------------------------------------------- image pull secrets

    @Test
    void controllerPullSecretIsAppendedForDeclarativeOnly() {
        Options ctrl = OPTIONS.toBuilder().imagePullSecret("ctrl").build();
        assertEquals(List.of("a", "b", "ctrl"), pullSecrets(one(ctrl, OPENAI_MODEL, agent("a", """
                    deployment:
                      imagePullSecrets:
                        - name: a
                        - name: b
                """))));
        assertEquals(List.of("ctrl", "a"), pullSecrets(one(ctrl, OPENAI_MODEL, agent("a", """
                    deployment:
                      imagePullSecrets:
                        - name: ctrl
                        - name: a
                """))));
        assertEquals(List.of("ctrl"), pullSecrets(one(ctrl, OPENAI_MODEL, agent("a"))));
        assertEquals(List.of("user"), pullSecrets(one(ctrl, byo("""
                      imagePullSecrets:
                        - name: user
                """))));
        assertEquals(List.of(), pullSecrets(one(ctrl, byo(""))));
    }

    // ---------------------------------------------------------------- labels and annotations

    @Test
    void labelMergeOrder() {
        Options labels = OPTIONS.toBuilder().defaultAgentPodLabels(Map.of("env", "prod",
                "app.kubernetes.io/name", "global", "global", "yes")).build();
        Manifest m = one(labels, OPENAI_MODEL, agent("a", """
                    deployment:
                      labels:
                        team: x
                        env: dev
                      serviceAccountConfig:
                        labels:
                          team: sa-team
                          sa: "yes"
                """));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("app", "kagent");
        expected.put("kagent", "a");
        expected.put("app.kubernetes.io/managed-by", "kagent");
        expected.put("app.kubernetes.io/part-of", "kagent");
        expected.put("app.kubernetes.io/name", "global");
        expected.put("env", "dev");
        expected.put("global", "yes");
        expected.put("team", "x");
        assertEquals(expected, secret(m).getMetadata().getLabels());
        assertEquals(expected, deployment(m).getMetadata().getLabels());
        assertEquals(expected, deployment(m).getSpec().getTemplate().getMetadata().getLabels());
        assertEquals(expected, service(m).getMetadata().getLabels());
        Map<String, String> sa = new LinkedHashMap<>(expected);
        sa.put("team", "sa-team");
        sa.put("sa", "yes");
        assertEquals(sa, serviceAccount(m).orElseThrow().getMetadata().getLabels());
        assertEquals(Map.of("app", "kagent", "kagent", "a"), deployment(m).getSpec().getSelector().getMatchLabels());
        assertEquals(Map.of("app", "kagent", "kagent", "a"), service(m).getSpec().getSelector());
    }

    @Test
    void annotationMergeOrder() {
        Manifest m = one(OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: a
                  namespace: test
                  labels:
                    not-propagated: "true"
                  annotations:
                    note: agent
                    shared: agent
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: Be helpful.
                    deployment:
                      deploymentAnnotations:
                        shared: dep
                        d: "1"
                      annotations:
                        pod: p
                        kagent.dev/config-hash: fake
                      serviceAccountConfig:
                        annotations:
                          shared: sa
                          sa: s
                """);
        assertEquals(Map.of("note", "agent", "shared", "agent"), secret(m).getMetadata().getAnnotations());
        assertEquals(Map.of("note", "agent", "shared", "agent"), service(m).getMetadata().getAnnotations());
        assertEquals(Map.of("note", "agent", "shared", "dep", "d", "1"), deployment(m).getMetadata().getAnnotations());
        assertEquals(Map.of("note", "agent", "shared", "sa", "sa", "s"),
                serviceAccount(m).orElseThrow().getMetadata().getAnnotations());
        Map<String, String> pod = deployment(m).getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("p", pod.get("pod"));
        assertEquals(2, pod.size());
        assertNotEquals("fake", pod.get("kagent.dev/config-hash"));
        assertTrue(pod.get("kagent.dev/config-hash").matches("[0-9]+"));
        assertFalse(secret(m).getMetadata().getLabels().containsKey("not-propagated"));
    }

    // ---------------------------------------------------------------- service accounts (§4)

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // deployment yaml | global default | emitted SA | pod serviceAccountName
        "'' | '' | true | a",
        "'      serviceAccountName: custom' | '' | false | custom",
        "'      serviceAccountName: a' | '' | true | a",
        "'      serviceAccountName: a' | global-sa | true | a",
        "'' | global-sa | false | global-sa",
        "'      serviceAccountName: custom' | global-sa | false | custom",
    })
    void serviceAccountRules(String deployment, String global, boolean emitted, String podSa) {
        Options o = OPTIONS.toBuilder().defaultServiceAccountName(global).build();
        Manifest m = one(o, OPENAI_MODEL, agent("a", "    deployment:\n      replicas: 1\n" + deployment));
        assertEquals(emitted, serviceAccount(m).isPresent());
        assertEquals(podSa, pod(m).getServiceAccountName());
        Manifest b = one(o, byo(deployment));
        assertEquals(emitted, serviceAccount(b).isPresent());
        assertEquals(podSa, pod(b).getServiceAccountName());
    }

    @Test
    void explicitEmptyServiceAccountName() throws IOException {
        Manifest m = one(OPTIONS.toBuilder().defaultServiceAccountName("global").build(), OPENAI_MODEL, agent("a", """
                    deployment:
                      serviceAccountName: ""
                """));
        assertFalse(serviceAccount(m).isPresent());
        assertEquals(List.of("Secret", "Deployment", "Service"), kinds(m));
        assertFalse(renderedDeployment(m).at("/spec/template/spec").has("serviceAccountName"));
    }

    // ---------------------------------------------------------------- runtimes and images

    @Test
    void goRuntimeImageProbeAndPullPolicy() {
        Options o = OPTIONS.toBuilder().imagePullPolicy("Always").goImagePullPolicy("Never").build();
        Manifest go = one(o, OPENAI_MODEL, agent("a", "    runtime: go\n"));
        assertEquals("ghcr.io/kagent-dev/kagent/golang-adk:dev", kagentContainer(go).getImage());
        assertEquals("Never", kagentContainer(go).getImagePullPolicy());
        assertProbe(kagentContainer(go).getReadinessProbe(), 1, 5, 1);
        Manifest py = one(o, OPENAI_MODEL, agent("a", "    runtime: python\n"));
        assertEquals("ghcr.io/kagent-dev/kagent/app:dev", kagentContainer(py).getImage());
        assertEquals("Always", kagentContainer(py).getImagePullPolicy());
        assertProbe(kagentContainer(py).getReadinessProbe(), 15, 15, 15);
        Manifest unknown = one(o, OPENAI_MODEL, agent("a", "    runtime: rust\n"));
        assertEquals("ghcr.io/kagent-dev/kagent/app:dev", kagentContainer(unknown).getImage());
        assertProbe(kagentContainer(unknown).getReadinessProbe(), 15, 15, 15);
    }

    @Test
    void imageOptionsAndAgentRegistry() {
        Options o = OPTIONS.toBuilder().imageRegistry("py.example.com").imageRepository("org/app").imageTag("1.2")
                .goImageRegistry("go.example.com").goImageRepository("kagent-golang-adk").goImageTag("9.9").build();
        assertEquals("py.example.com/org/app:1.2", kagentContainer(one(o, OPENAI_MODEL, agent("a"))).getImage());
        assertEquals("go.example.com/kagent-golang-adk:9.9",
                kagentContainer(one(o, OPENAI_MODEL, agent("a", "    runtime: go\n"))).getImage());
        assertEquals("mirror.local/kagent-golang-adk:9.9", kagentContainer(one(o, OPENAI_MODEL, agent("a", """
                    runtime: go
                    deployment:
                      imageRegistry: mirror.local
                      imagePullPolicy: Always
                """))).getImage());
        Options goTagDefault = Options.builder().imageTag("7.0").build();
        assertEquals("ghcr.io/kagent-dev/kagent/golang-adk:7.0",
                kagentContainer(one(goTagDefault, OPENAI_MODEL, agent("a", "    runtime: go\n"))).getImage());
    }

    @Test
    void agentPullPolicyWins() {
        Manifest m = one(OPENAI_MODEL, agent("a", """
                    deployment:
                      imagePullPolicy: Always
                """));
        assertEquals("Always", kagentContainer(m).getImagePullPolicy());
    }

    @Test
    void skillsWithoutRefsOnlyChangeTagAndSrt() {
        Manifest m = one(OPENAI_MODEL, SKILLS.replace("""
                    refs:
                      - ghcr.io/org/skill:v1
                """, "    refs: []\n").formatted(""));
        assertEquals("ghcr.io/kagent-dev/kagent/app:dev-full", kagentContainer(m).getImage());
        assertEquals("{\"filesystem\":{\"allowWrite\":[\".\",\"/tmp\"],\"denyRead\":[],\"denyWrite\":[]},\"network\":"
                + "{\"allowedDomains\":[],\"deniedDomains\":[]}}", secret(m).getStringData().get("srt-settings.json"));
        assertTrue(env(m).contains("KAGENT_SRT_SETTINGS_PATH=/config/srt-settings.json"));
        assertFalse(env(m).contains("KAGENT_SKILLS_FOLDER=/skills"));
        assertNull(kagentContainer(m).getSecurityContext());
        assertTrue(pod(m).getInitContainers() == null || pod(m).getInitContainers().isEmpty());
        assertFalse(configMap(m).isPresent());
    }

    // ---------------------------------------------------------------- BYO

    @Test
    void byoContainer() throws IOException {
        Options o = OPTIONS.toBuilder().imagePullPolicy("Always").goImagePullPolicy("Never").imagePullSecret("ctrl")
                .build();
        Manifest m = one(o, byo("""
                      cmd: /app/run
                      args: [--verbose, "8080"]
                      workingDir: /work
                """));
        Container c = kagentContainer(m);
        assertEquals("example.com/agent:1", c.getImage());
        assertEquals("Always", c.getImagePullPolicy());
        assertEquals(List.of("/app/run"), c.getCommand());
        assertEquals(List.of("--verbose", "8080"), c.getArgs());
        assertEquals("/work", c.getWorkingDir());
        assertProbe(c.getReadinessProbe(), 15, 15, 15);
        assertEquals(List.of("KAGENT_NAMESPACE<-field:metadata.namespace", "KAGENT_NAME=a",
                "KAGENT_URL=http://kagent-controller.kagent:8083"), env(m));
        assertEquals("{\"model\":null,\"description\":\"A BYO agent\",\"instruction\":\"\"}", config(m));
        assertEquals("kgateway.dev/a2a", service(m).getSpec().getPorts().get(0).getAppProtocol());
        assertFalse(secret(m).getStringData().containsKey("srt-settings.json"));
        JsonNode container = renderedDeployment(m).at("/spec/template/spec/containers/0");
        assertEquals("/app/run", container.at("/command/0").textValue());
        assertTrue(container.at("/args/1").isTextual(), "'8080' stays a string");
    }

    @Test
    void byoEmptyCmdArgsAndPullPolicy() throws IOException {
        Manifest m = one(byo("""
                      cmd: ""
                      args: []
                      imagePullPolicy: Never
                """));
        JsonNode container = renderedDeployment(m).at("/spec/template/spec/containers/0");
        assertFalse(container.has("command"));
        assertFalse(container.has("args"));
        assertFalse(container.has("workingDir"));
        assertEquals("Never", kagentContainer(m).getImagePullPolicy());
    }

    @Test
    void byoSandboxAddsSrtSettingsButNoNetworkConfig() {
        Manifest m = one(byo("") + """
                  sandbox:
                    network:
                      allowedDomains: [api.example.com, "*.corp"]
                """);
        assertEquals("{\"filesystem\":{\"allowWrite\":[\".\",\"/tmp\"],\"denyRead\":[],\"denyWrite\":[]},\"network\":"
                + "{\"allowedDomains\":[\"api.example.com\",\"*.corp\"],\"deniedDomains\":[]}}",
                secret(m).getStringData().get("srt-settings.json"));
        assertEquals("KAGENT_SRT_SETTINGS_PATH=/config/srt-settings.json", env(m).get(env(m).size() - 1));
        assertEquals("{\"model\":null,\"description\":\"A BYO agent\",\"instruction\":\"\"}", config(m));
    }

    // ---------------------------------------------------------------- containers, security, scheduling

    @Test
    void extraContainersAreAppendedVerbatim() throws IOException {
        Manifest m = one(OPENAI_MODEL, agent("a", """
                    deployment:
                      extraContainers:
                        - name: token-proxy
                          image: envoyproxy/envoy:v1.30.0
                          args: ["-c", "/etc/envoy/envoy.yaml"]
                          ports:
                            - name: admin
                              containerPort: 9901
                """));
        List<Container> containers = pod(m).getContainers();
        assertEquals(List.of("kagent", "token-proxy"), containers.stream().map(Container::getName).toList());
        JsonNode side = renderedDeployment(m).at("/spec/template/spec/containers/1");
        List<String> keys = new ArrayList<>();
        side.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("args", "image", "name", "ports", "resources"), keys.stream().sorted().toList());
        assertTrue(side.path("resources").isEmpty());
    }

    @Test
    void securityContextWithoutSkillsIsVerbatim() {
        Manifest m = one(OPENAI_MODEL, agent("a", """
                    deployment:
                      securityContext:
                        runAsUser: 1000
                        readOnlyRootFilesystem: false
                      podSecurityContext:
                        runAsNonRoot: true
                        fsGroup: 2000
                """));
        SecurityContext sc = kagentContainer(m).getSecurityContext();
        assertEquals(1000L, sc.getRunAsUser());
        assertEquals(Boolean.FALSE, sc.getReadOnlyRootFilesystem());
        assertNull(sc.getPrivileged());
        assertEquals(Boolean.TRUE, pod(m).getSecurityContext().getRunAsNonRoot());
        assertEquals(2000L, pod(m).getSecurityContext().getFsGroup());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // securityContext yaml | main privileged | main runAsUser | init has securityContext
        "'' | true | | false",
        "'      securityContext:\n        runAsUser: 1000' | true | 1000 | true",
        "'      securityContext:\n        privileged: false' | true | | true",
        "'      securityContext:\n        allowPrivilegeEscalation: false\n        runAsUser: 7' | | 7 | true",
        "'      securityContext:\n        allowPrivilegeEscalation: true' | true | | true",
    })
    void skillsMakeTheMainContainerPrivileged(String sc, Boolean privileged, Long runAsUser, boolean initSc) {
        Manifest m = one(OPENAI_MODEL, SKILLS.formatted("    deployment:\n" + sc + "\n      replicas: 1\n"));
        SecurityContext main = kagentContainer(m).getSecurityContext();
        assertEquals(privileged, main.getPrivileged());
        assertEquals(runAsUser, main.getRunAsUser());
        Container init = pod(m).getInitContainers().get(0);
        assertEquals("skills-init", init.getName());
        if (initSc) {
            assertNull(init.getSecurityContext().getPrivileged() == Boolean.TRUE ? "privileged" : null,
                    "the init container copy never gets privileged added");
            assertEquals(runAsUser, init.getSecurityContext().getRunAsUser());
        } else {
            assertNull(init.getSecurityContext());
        }
        assertEquals(List.of("Secret", "ServiceAccount", "ConfigMap", "Deployment", "Service"), kinds(m));
        var cm = configMap(m).orElseThrow();
        assertEquals("a-skills-init", cm.getMetadata().getName());
        assertTrue(cm.getMetadata().getLabels() == null || cm.getMetadata().getLabels().isEmpty());
        assertTrue(cm.getMetadata().getAnnotations() == null || cm.getMetadata().getAnnotations().isEmpty());
    }

    @Test
    void nodeSelectorMergesOverTheGlobalDefault() {
        Options o = OPTIONS.toBuilder().defaultAgentNodeSelector(Map.of("zone", "a", "disk", "ssd")).build();
        Manifest both = one(o, OPENAI_MODEL, agent("a", """
                    deployment:
                      nodeSelector:
                        zone: b
                        gpu: "true"
                """));
        assertEquals(Map.of("disk", "ssd", "gpu", "true", "zone", "b"), pod(both).getNodeSelector());
        assertEquals(Map.of("disk", "ssd", "zone", "a"), pod(one(o, OPENAI_MODEL, agent("a"))).getNodeSelector());
        Map<String, String> none = pod(one(OPENAI_MODEL, agent("a"))).getNodeSelector();
        assertTrue(none == null || none.isEmpty());
        assertEquals(Map.of("x", "y"), pod(one(OPENAI_MODEL, agent("a", """
                    deployment:
                      nodeSelector:
                        x: "y"
                """))).getNodeSelector());
    }

    // ---------------------------------------------------------------- env

    @Test
    void envOrderWithOtelUiUrlControllerAndSkills() {
        Options o = OPTIONS.toBuilder().otelEnv(Map.of("OTEL_B", "2", "OTEL_A", "1", "NOT_OTEL", "x"))
                .uiUrl("http://ui.kagent:8080").controllerName("ctl").controllerNamespace("sys").build();
        Manifest m = one(o, OPENAI_MODEL, SKILLS.formatted("""
                    deployment:
                      env:
                        - name: USER_VAR
                          value: u
                        - name: EMPTY
                          value: ""
                      envFrom:
                        - configMapRef:
                            name: extra
                """));
        assertEquals(List.of("USER_VAR=u", "EMPTY=", "OPENAI_API_KEY<-secret:openai-secret/api-key", "OTEL_A=1",
                "OTEL_B=2", "KAGENT_NAMESPACE<-field:metadata.namespace", "KAGENT_NAME=a",
                "KAGENT_URL=http://ctl.sys:8083", "KAGENT_UI_URL=http://ui.kagent:8080", "KAGENT_SKILLS_FOLDER=/skills",
                "KAGENT_SRT_SETTINGS_PATH=/config/srt-settings.json"), env(m));
        assertEquals("extra", kagentContainer(m).getEnvFrom().get(0).getConfigMapRef().getName());
    }

    @Test
    void renderedEnvDropsEmptyValuesButKeepsSecretKey() throws IOException {
        Manifest m = one("""
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: model
                  namespace: test
                spec:
                  provider: GeminiVertexAI
                  model: gemini
                  geminiVertexAI:
                    projectID: ""
                """, """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: emb
                  namespace: test
                spec:
                  provider: Gemini
                  model: text-embedding-004
                """, agent("a", "    memory:\n      modelConfig: emb\n"));
        JsonNode env = renderedDeployment(m).at("/spec/template/spec/containers/0/env");
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree("[{\"name\":\"GOOGLE_CLOUD_PROJECT\"},{\"name\":\"GOOGLE_CLOUD_LOCATION\"},"
                + "{\"name\":\"GOOGLE_GENAI_USE_VERTEXAI\",\"value\":\"true\"},{\"name\":\"GOOGLE_API_KEY\","
                + "\"valueFrom\":{\"secretKeyRef\":{\"key\":\"\"}}}]"),
                json.valueToTree(List.of(env.get(0), env.get(1), env.get(2), env.get(3))));
    }

    @Test
    void bindHost() {
        Manifest m = one(OPTIONS.toBuilder().defaultAgentBindHost("::").build(), OPENAI_MODEL, agent("a"));
        assertEquals(List.of("--host", "::", "--port", "8080", "--filepath", "/config"), kagentContainer(m).getArgs());
    }

    // ---------------------------------------------------------------- service

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | ", "'    a2aConfig: {}' | kgateway.dev/a2a",
        "'    a2aConfig:\n      skills: []' | kgateway.dev/a2a"})
    void serviceAppProtocol(String extra, String appProtocol) {
        Manifest m = one(OPENAI_MODEL, agent("a", extra + "\n"));
        assertEquals(appProtocol, service(m).getSpec().getPorts().get(0).getAppProtocol());
    }

    // ---------------------------------------------------------------- owner references

    @Test
    void ownerReferencesNeedTheAgentUid() {
        Options o = OPTIONS.toBuilder().emitOwnerReferences(true).build();
        String withUid = SKILLS.formatted("").replace("  namespace: test\n", "  namespace: test\n  uid: 1234-abcd\n");
        Manifest m = one(o, OPENAI_MODEL, withUid);
        assertEquals(5, m.objects().size());
        for (HasMetadata obj : m.objects()) {
            List<OwnerReference> refs = obj.getMetadata().getOwnerReferences();
            assertEquals(1, refs.size(), obj.getKind());
            OwnerReference r = refs.get(0);
            assertEquals("kagent.dev/v1alpha2", r.getApiVersion());
            assertEquals("Agent", r.getKind());
            assertEquals("a", r.getName());
            assertEquals("1234-abcd", r.getUid());
            assertEquals(Boolean.TRUE, r.getController());
            assertEquals(Boolean.TRUE, r.getBlockOwnerDeletion());
        }
        assertError(failing(o, OPENAI_MODEL, agent("a")), "metadata.uid");
    }

    // ---------------------------------------------------------------- agent card

    @Test
    void agentCardFromSpec() {
        Manifest m = manifest(ok(OPENAI_MODEL, """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: my-agent
                  namespace: test
                spec:
                  type: Declarative
                  description: Does <things> & more
                  documentationUrl: https://docs.example.com
                  iconUrl: https://icons.example.com/a.png
                  version: "1.2"
                  provider:
                    organization: Org
                    url: https://org.example.com
                  declarative:
                    modelConfig: model
                    systemMessage: Be helpful.
                    a2aConfig:
                      skills:
                        - id: s1
                          name: S1
                          examples: [e1]
                          inputModes: [text]
                          outputModes: [json]
                          tags: [t]
                        - name: S2
                          description: x
                        - name: S3
                          tags: []
                """), "my-agent");
        assertEquals("{\"supportedInterfaces\":[{\"url\":\"http://my-agent.test:8080\",\"protocolBinding\":\"JSONRPC\","
                + "\"protocolVersion\":\"1.0\"}],\"capabilities\":{\"extensions\":[{\"description\":\"Human in the loop"
                + " for tool approval, ask user, and nested subagents\",\"uri\":\"https://kagent.dev/extensions/hitl/v1\"}],"
                + "\"streaming\":true},\"defaultInputModes\":[\"text\"],\"defaultOutputModes\":[\"text\"],"
                + "\"description\":\"Does \\u003cthings\\u003e \\u0026 more\",\"documentationUrl\":"
                + "\"https://docs.example.com\",\"iconUrl\":\"https://icons.example.com/a.png\",\"name\":\"my_agent\","
                + "\"provider\":{\"organization\":\"Org\",\"url\":\"https://org.example.com\"},\"skills\":["
                + "{\"description\":\"\",\"examples\":[\"e1\"],\"id\":\"s1\",\"inputModes\":[\"text\"],\"name\":\"S1\","
                + "\"outputModes\":[\"json\"],\"tags\":[\"t\"]},{\"description\":\"x\",\"id\":\"\",\"name\":\"S2\","
                + "\"tags\":null},{\"description\":\"\",\"id\":\"\",\"name\":\"S3\",\"tags\":[]}],\"version\":\"1.2\"}",
                card(m));
    }

    @Test
    void byoCardHasNoSkills() {
        Manifest m = one(byo(""));
        assertTrue(card(m).contains(",\"name\":\"a\",\"skills\":[],\"version\":\"\"}"), card(m));
        assertTrue(card(m).contains("\"description\":\"A BYO agent\""), card(m));
    }
}
