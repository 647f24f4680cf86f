package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The kagent/kmcp type table (kagent-go-types.json, loaded together with the Kubernetes table), the
 * sized integer types, the plain-words rejections and the "did you mean" lookup used by the input checks.
 */
class GoShapeKagentTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private final GoShape shape = GoShape.kubernetes();
    private final List<String> problems = new ArrayList<>();
    private final GoShape.Problems recorder = new GoShape.Problems() {
        @Override
        public void unknownField(String path, String field) {
            throw new AssertionError("the normalizer calls the three-argument form");
        }

        @Override
        public void unknownField(String path, String field, boolean inKubernetesType) {
            problems.add("unknown " + path + " " + field + (inKubernetesType ? " (k8s)" : ""));
        }

        @Override
        public void invalid(String path, String message) {
            throw new AssertionError("the normalizer calls the three-argument form");
        }

        @Override
        public void invalid(String path, String message, GoShape.Rejection rejection) {
            problems.add("invalid " + path + " " + rejection.message(path) + (rejection.inKubernetesType() ? " (k8s)" : "")
                    + " | " + message);
        }
    };

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bothTablesAreOneLookup() {
        for (String t : List.of("v1alpha2.Agent", "v1alpha2.ModelConfig", "v1alpha2.RemoteMCPServer", "kmcp.MCPServer",
                "v1alpha2.SharedDeploymentSpec", "v1.Container", "meta.ObjectMeta")) {
            assertTrue(shape.hasType(t), t);
        }
    }

    @Test
    void anAgentDecodesWithItsKubernetesFragments() {
        JsonNode out = shape.normalize("v1alpha2.Agent", yaml("""
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: a, namespace: ns}
                spec:
                  type: Declarative
                  declarative:
                    systemMessage: hi
                    systemMesage: typo
                    deployment:
                      replicas: 2
                      env: [{name: A, value: b, bogus: 1}]
                """), recorder);
        assertEquals(List.of("unknown /spec/declarative systemMesage",
                "unknown /spec/declarative/deployment/env/0 bogus (k8s)"), problems);
        assertEquals(2, out.path("spec").path("declarative").path("deployment").path("replicas").intValue());
        assertEquals("b", out.path("spec").path("declarative").path("deployment").path("env").path(0).path("value").asText());
    }

    @Test
    void sizedIntegersAreRangeChecked() {
        shape.normalize("kmcp.MCPServer", yaml("spec: {deployment: {port: 65535, replicas: 2147483648}, "
                + "httpTransport: {targetPort: -1}}"), recorder);
        shape.normalize("kmcp.MCPServer", yaml("spec: {deployment: {port: 65536}}"), recorder);
        assertEquals(List.of(
                "invalid /spec/deployment/replicas replicas: expected an integer from -2147483648 to 2147483647 but found a"
                        + " number outside that range | json: cannot unmarshal number 2147483648 into Go value of type int32",
                "invalid /spec/httpTransport/targetPort targetPort: expected an integer from 0 to 4294967295 but found a"
                        + " number outside that range | json: cannot unmarshal number -1 into Go value of type uint32",
                "invalid /spec/deployment/port port: expected an integer from 0 to 65535 but found a number outside that"
                        + " range | json: cannot unmarshal number 65536 into Go value of type uint16"), problems);
        problems.clear();
        shape.normalize("v1.ContainerPort", yaml("{containerPort: 2147483648}"), recorder);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).endsWith("(k8s) | json: cannot unmarshal number 2147483648 into Go value of type int32"),
                problems.get(0));
    }

    @Test
    void rejectionsNameTheKindsButNeverQuoteStrings() {
        shape.normalize("v1alpha2.ModelConfig", yaml("spec: {model: [a], openAI: {maxTokens: 'sk-secret'}, "
                + "defaultHeaders: 'x', tls: {disableVerify: 'yes'}}"), recorder);
        assertEquals(List.of(
                "invalid /spec/model model: expected a string but found a list | json: cannot unmarshal array into Go value"
                        + " of type string",
                "invalid /spec/defaultHeaders defaultHeaders: expected a map of strings but found a string | json: cannot"
                        + " unmarshal string into Go value of type map[string]",
                "invalid /spec/openAI/maxTokens maxTokens: expected an integer but found a string | json: cannot unmarshal"
                        + " string into Go value of type int",
                "invalid /spec/tls/disableVerify disableVerify: expected a boolean but found a string | json: cannot"
                        + " unmarshal string into Go value of type bool"), problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains("sk-secret")));
    }

    @Test
    void hugeNumbersAreCutInGoMessages() {
        shape.normalize("v1.ContainerPort", yaml("{containerPort: " + "9".repeat(5000) + "}"), recorder);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).length() < 300, problems.get(0));
    }

    @Test
    void closestFieldSuggestsTyposAndCaseSlips() {
        assertEquals(Optional.of("systemMessage"), shape.closestField("v1alpha2.Agent", "/spec/declarative", "systemMesage"));
        assertEquals(Optional.of("baseUrl"), shape.closestField("v1alpha2.ModelConfig", "/spec/anthropic", "baseURL"));
        assertEquals(Optional.of("image"), shape.closestField("kmcp.MCPServer", "/spec/deployment", "imgae"));
        assertEquals(Optional.of("mountPath"),
                shape.closestField("v1alpha2.Agent", "/spec/declarative/deployment/volumeMounts/0", "mountpath"));
        assertEquals(Optional.of("toolNames"), shape.closestField("v1alpha2.Agent", "/spec/declarative/tools/3/mcpServer",
                "toolnames"));
        assertEquals(Optional.empty(), shape.closestField("v1alpha2.Agent", "/spec/declarative", "description"));
        assertEquals(Optional.empty(), shape.closestField("v1alpha2.Agent", "/spec/nope/deeper", "x"));
        assertEquals(Optional.empty(), shape.closestField("v1alpha2.Agent", "/spec/declarative", "x".repeat(100)));
    }
}
