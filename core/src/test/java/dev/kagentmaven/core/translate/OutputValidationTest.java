package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Severity;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import dev.kagentmaven.core.model.Problems;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output validation (issue 6): every object rendered for kagent's golden inputs is valid against the
 * derived Kubernetes schema; broken objects are reported precisely, all at once, without Secret data;
 * {@code failOnValidationError=false} downgrades to warnings; and one real input the translator
 * faithfully turns into an object the API server would reject is caught.
 */
class OutputValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String MARKER = "SECRET-MARKER-7f3a";

    static Stream<String> cases() throws IOException {
        return new String(resource("/kagent-golden/cases.txt"), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList().stream();
    }

    // ---- golden inputs: everything the translator emits for them is schema-valid -------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyGoldenObjectValidatesClean(String name) throws IOException {
        Result result = translateGolden(name, Options.builder());
        assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.code().equals(OutputValidation.CODE)),
                () -> "schema diagnostics: " + result.diagnostics());
        assertEquals(1, result.manifests().size());
        for (HasMetadata o : result.manifests().get(0).objects()) {
            assertEquals(List.of(), OutputValidation.check(KubernetesSchema.get(), Render.canonical(o)),
                    o.getKind() + " " + o.getMetadata().getName());
        }
    }

    @Test
    void goldenInputsCoverEveryEmittedKind() throws IOException {
        Set<String> kinds = new TreeSet<>();
        for (String name : cases().toList()) {
            for (HasMetadata o : translateGolden(name, Options.builder()).manifests().get(0).objects()) {
                kinds.add(KubernetesSchema.definitionName(o.getApiVersion(), o.getKind()));
            }
        }
        assertEquals(Set.of("V1ConfigMap", "V1Deployment", "V1Secret", "V1Service", "V1ServiceAccount"), kinds);
        assertEquals(kinds, KubernetesSchema.get().resourceTypes());
        assertTrue(KubernetesSchema.get().provenance().contains("client-java-api"));
    }

    // ---- crafted trees: precise messages, every violation at once ------------------------------------

    @Test
    void unknownFieldIsReportedAtTheField() throws IOException {
        ObjectNode dep = golden("basic_agent", "Deployment");
        container(dep).put("bogusField", "x");
        assertEquals(List.of(v("/spec/template/spec/containers/0/bogusField",
                "unknown field (not in the Kubernetes schema of V1Container)")), check(dep));
    }

    @Test
    void missingRequiredContainerName() throws IOException {
        ObjectNode dep = golden("basic_agent", "Deployment");
        container(dep).remove("name");
        assertEquals(List.of(v("/spec/template/spec/containers/0/name", "required field is missing (V1Container)")),
                check(dep));
    }

    @Test
    void portAsObjectIsAWrongType() throws IOException {
        ObjectNode svc = golden("basic_agent", "Service");
        ((ObjectNode) svc.at("/spec/ports/0")).putObject("port").put("number", 8080);
        assertEquals(List.of(v("/spec/ports/0/port", "object found, integer expected")), check(svc));
    }

    @Test
    void badQuantities() throws IOException {
        ObjectNode dep = golden("basic_agent", "Deployment");
        ((ObjectNode) container(dep).at("/resources/limits")).put("cpu", true);
        ((ObjectNode) container(dep).at("/resources/requests")).put("memory", "2 Gi");
        assertEquals(List.of(
                v("/spec/template/spec/containers/0/resources/limits/cpu",
                        "boolean found, string or number expected (a Kubernetes quantity)"),
                v("/spec/template/spec/containers/0/resources/requests/memory",
                        "not a Kubernetes quantity (e.g. 500m, 1.5, 2Gi)")), check(dep));
    }

    /** fabric8 6.14's bundled schema rejects these (its Quantity and IntOrString are objects). */
    @Test
    void validQuantitiesAndIntOrStringsAreAccepted() throws IOException {
        ObjectNode dep = golden("basic_agent", "Deployment");
        ObjectNode limits = (ObjectNode) container(dep).at("/resources/limits");
        limits.put("cpu", "500m").put("memory", "1.5Gi").put("ephemeral-storage", 2).put("nvidia.com/gpu", 1.5);
        ObjectNode svc = golden("basic_agent", "Service");
        ((ObjectNode) svc.at("/spec/ports/0")).put("port", 8080).put("targetPort", "http");
        assertEquals(List.of(), check(dep));
        assertEquals(List.of(), check(svc));
        ((ObjectNode) svc.at("/spec/ports/0")).put("targetPort", 8080);
        assertEquals(List.of(), check(svc));
    }

    @Test
    void everyViolationIsReportedAtOnce() throws IOException {
        ObjectNode dep = golden("basic_agent", "Deployment");
        container(dep).remove("name");
        container(dep).put("bogusField", 1);
        ((ObjectNode) container(dep).at("/ports/0")).put("containerPort", "8080");
        ((ObjectNode) dep.at("/spec")).put("replicas", 3_000_000_000L);
        ((ObjectNode) dep.at("/metadata/labels")).put("app.kubernetes.io/name", 5);
        ((ObjectNode) dep.at("/metadata")).put("creationTimestamp", "yesterday");
        List<OutputValidation.Violation> got = check(dep);
        assertEquals(List.of(
                v("/metadata/creationTimestamp", "not a valid date-time"),
                v("/metadata/labels/app.kubernetes.io~1name", "integer found, string expected"),
                v("/spec/replicas", "must be at most 2147483647"),
                v("/spec/template/spec/containers/0/bogusField",
                        "unknown field (not in the Kubernetes schema of V1Container)"),
                v("/spec/template/spec/containers/0/name", "required field is missing (V1Container)"),
                v("/spec/template/spec/containers/0/ports/0/containerPort", "string found, integer expected")),
                got.stream().sorted((a, b) -> a.pointer().compareTo(b.pointer())).toList());
    }

    @Test
    void nullIsNotAValue() throws IOException {
        ObjectNode dep = golden("basic_agent", "Deployment");
        ((ObjectNode) dep.at("/spec/template/spec")).putNull("containers");
        assertEquals(List.of(v("/spec/template/spec/containers", "null found, array expected")), check(dep));
    }

    @Test
    void unknownKindHasNoSchema() {
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        assertEquals(List.of(v("", "no Kubernetes schema for apiVersion \"v1\" kind \"Pod\"")), check(pod));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSchema.get().validate("v1", "Pod", pod));
    }

    @Test
    void definitionNamesFollowClientJava() {
        assertEquals("V1Deployment", KubernetesSchema.definitionName("apps/v1", "Deployment"));
        assertEquals("V1Secret", KubernetesSchema.definitionName("v1", "Secret"));
        assertEquals("", KubernetesSchema.definitionName("", "Secret"));
    }

    // ---- Secret data never reaches a message ---------------------------------------------------------

    @Test
    void secretValuesNeverAppearInMessages() throws IOException {
        ObjectNode secret = golden("basic_agent", "Secret");
        ObjectNode stringData = (ObjectNode) secret.path("stringData");
        stringData.putObject("nested").put(MARKER, MARKER);
        stringData.put("plain", 42);
        ObjectNode data = secret.putObject("data");
        data.put("not-base64", MARKER + "%%");
        data.put("number", 7);
        secret.put("immutable", MARKER);
        ((ObjectNode) secret.path("metadata")).put("creationTimestamp", MARKER);
        List<OutputValidation.Violation> got = check(secret);
        assertEquals(6, got.size(), got::toString);
        for (OutputValidation.Violation x : got) {
            assertFalse(x.display().contains(MARKER), x::display);
        }
        assertTrue(got.contains(v("/data/not-base64", "not valid base64")), got::toString);
        assertTrue(got.contains(v("/stringData/nested", "object found, string expected")), got::toString);
    }

    @Test
    void aSecretValueThatWouldBeQuotedIsWithheld() throws IOException {
        // a Secret whose value equals a field name the message has to quote
        ObjectNode secret = golden("basic_agent", "Secret");
        ((ObjectNode) secret.path("stringData")).put("k", "bogusField");
        ((ObjectNode) secret.path("metadata")).put("bogusField", "x");
        List<OutputValidation.Violation> got = check(secret);
        assertEquals(1, got.size());
        assertFalse(got.get(0).display().contains("bogusField"), got.get(0)::display);
        assertTrue(got.get(0).message().contains("details withheld"), got.get(0)::display);
    }

    @Test
    void aSecretThatCannotBeRenderedKeepsItsDataOutOfTheMessage() {
        ObjectNode s = Json.obj();
        s.put("apiVersion", "v1");
        s.put("kind", "Secret");
        s.set("metadata", Json.obj().put("name", "s").put("namespace", "ns"));
        s.set("data", Json.obj().put("k", MARKER + "!!not base64!!"));
        s.put("unexpected", MARKER);
        Problems problems = new Problems();
        Draft d = new Draft(Manifest.Kind.AGENT, "ns", "a", List.of(s));
        OutputValidation.validate(d, OutputValidation.trees(d), Options.builder().build(), problems);
        List<Diagnostic> ds = problems.list();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals(Severity.ERROR, ds.get(0).severity());
        assertEquals("Secret ns/s: cannot be rendered (details withheld: Secret data)", ds.get(0).message());
        assertEquals(new Origin("ns/a.yaml", 1, 0, 0, ""), ds.get(0).origin());
    }

    // ---- end to end through the Translator -----------------------------------------------------------

    /**
     * An Agent whose required node affinity has no terms: Go's encoder writes the nil slice as
     * {@code nodeSelectorTerms: null}, which the translator reproduces faithfully and the API server
     * rejects. Without output validation this run would succeed and write the manifest.
     */
    @Test
    void anInputTheTranslatorTurnsIntoAnInvalidObjectFailsTheRun() throws IOException {
        Result result = translateWithEmptyNodeAffinity(Options.builder());
        assertTrue(result.hasErrors());
        assertEquals(List.of(), result.manifests());
        List<Diagnostic> schema = result.diagnostics().stream()
                .filter(d -> d.code().equals(OutputValidation.CODE)).toList();
        String pointer = "/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                + "/nodeSelectorTerms";
        assertEquals(List.of(Diagnostic.error(OutputValidation.CODE,
                        "Deployment test/basic-agent: " + pointer + ": null found, array expected",
                        new Origin("test/basic-agent.yaml", 3, 0, 0, pointer))), schema);
        assertEquals("test/basic-agent.yaml (document 3) at " + pointer, schema.get(0).origin().toString());
    }

    @Test
    void failOnValidationErrorFalseTurnsErrorsIntoWarnings() throws IOException {
        Result result = translateWithEmptyNodeAffinity(Options.builder().failOnValidationError(false));
        assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
        assertEquals(1, result.manifests().size());
        List<Diagnostic> warnings = result.warnings().stream()
                .filter(d -> d.code().equals(OutputValidation.CODE)).toList();
        assertEquals(1, warnings.size(), result.diagnostics()::toString);
        assertTrue(warnings.get(0).message().endsWith("nodeSelectorTerms: null found, array expected"));
    }

    @Test
    void validatingConcurrentlyGivesTheSameAnswers() throws Exception {
        List<JsonNode> trees = new ArrayList<>();
        for (String name : cases().toList()) {
            for (HasMetadata o : translateGolden(name, Options.builder()).manifests().get(0).objects()) {
                trees.add(Render.canonical(o));
            }
        }
        ObjectNode bad = golden("basic_agent", "Deployment");
        container(bad).remove("name");
        trees.add(bad);
        Map<Integer, List<OutputValidation.Violation>> expected = new java.util.HashMap<>();
        for (int i = 0; i < trees.size(); i++) {
            expected.put(i, check(trees.get(i)));
        }
        Map<Integer, List<OutputValidation.Violation>> parallel = java.util.stream.IntStream
                .range(0, trees.size() * 8).parallel().boxed()
                .collect(Collectors.toConcurrentMap(i -> i, i -> check(trees.get(i % trees.size())),
                        (a, b) -> a));
        parallel.forEach((i, got) -> assertEquals(expected.get(i % trees.size()), got));
        assertEquals(1, expected.get(trees.size() - 1).size());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Result translateWithEmptyNodeAffinity(Options.Builder options) throws IOException {
        JsonNode input = YAML.readTree(resource("/kagent-golden/inputs/basic_agent.yaml"));
        for (JsonNode o : input.path("objects")) {
            if (o.path("kind").asText().equals("Agent")) {
                ((ObjectNode) o.at("/spec/declarative/deployment")).putObject("affinity").putObject("nodeAffinity")
                        .putObject("requiredDuringSchedulingIgnoredDuringExecution");
            }
        }
        return translate(input, options);
    }

    private static Result translateGolden(String name, Options.Builder options) throws IOException {
        return translate(YAML.readTree(resource("/kagent-golden/inputs/" + name + ".yaml")), options);
    }

    private static Result translate(JsonNode input, Options.Builder options) throws IOException {
        String ns = input.path("namespace").asText();
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        list.set("items", input.path("objects"));
        Options o = options.imageTag("dev")
                .agents(List.of(ns + "/" + input.path("targetObject").asText()))
                .proxyUrl(input.path("proxyURL").asText(""))
                .defaultServiceAccountName(input.path("defaultServiceAccountName").asText(""))
                .build();
        return Translator.translate(List.of(Source.ofString("objects.json", JSON.writeValueAsString(list))), o);
    }

    /** The canonical tree of the golden case's object of that kind, as a mutable copy. */
    private static ObjectNode golden(String name, String kind) throws IOException {
        for (HasMetadata o : translateGolden(name, Options.builder()).manifests().get(0).objects()) {
            if (o.getKind().equals(kind)) {
                return (ObjectNode) Render.canonical(o).deepCopy();
            }
        }
        throw new AssertionError("no " + kind + " in " + name);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    private static List<OutputValidation.Violation> check(JsonNode tree) {
        return OutputValidation.check(KubernetesSchema.get(), tree);
    }

    private static OutputValidation.Violation v(String pointer, String message) {
        return new OutputValidation.Violation(pointer, message);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = OutputValidationTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
