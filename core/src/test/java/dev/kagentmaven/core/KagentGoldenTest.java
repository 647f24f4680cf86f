package dev.kagentmaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * kagent's own golden cases (src/test/resources/kagent-golden, see its README): every manifest object
 * must equal kagent's output exactly — config.json and agent-card.json bytes and the config hash
 * included — except the owner references, which are off by default. Our YAML is read back with a
 * YAML 1.1 loader (as kubectl and the conformance runner do), so a quoting mistake fails here too.
 */
class KagentGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = new YAMLMapper();

    static Stream<String> cases() throws IOException {
        try (InputStream in = KagentGoldenTest.class.getResourceAsStream("/kagent-golden/cases.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersExactlyWhatKagentRenders(String name) throws IOException {
        JsonNode input = YAML.readTree(resource("/kagent-golden/inputs/" + name + ".yaml"));
        JsonNode expected = JSON.readTree(resource("/kagent-golden/outputs/" + name + ".json"));
        String ns = input.path("namespace").asText();
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        list.set("items", input.path("objects"));
        Options options = Options.builder()
                .imageTag("dev")
                .agents(List.of(ns + "/" + input.path("targetObject").asText()))
                .proxyUrl(input.path("proxyURL").asText(""))
                .defaultServiceAccountName(input.path("defaultServiceAccountName").asText(""))
                .build();
        Result result = Translator.translate(List.of(Source.ofString("objects.json", JSON.writeValueAsString(list))),
                options);

        assertFalse(result.hasErrors(), () -> "errors: " + result.errors());
        assertEquals(1, result.manifests().size());
        String yaml = ManifestRenderer.render(result.manifests().get(0));
        assertFalse(yaml.contains("\r"));
        assertTrue(yaml.endsWith("\n"));
        List<Object> actual = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(actual::add);
        List<Object> wanted = new ArrayList<>();
        for (JsonNode o : expected.path("manifest")) {
            wanted.add(JSON.convertValue(comparable((ObjectNode) o.deepCopy()), Map.class));
        }
        assertEquals(JSON.writeValueAsString(wanted), JSON.writeValueAsString(actual));
        // the public fabric8 objects describe exactly what is written
        assertEquals(yaml, ManifestRenderer.render(result.manifests().get(0).objects()));
    }

    /** kagent's golden objects as an applyable manifest: no owner references, no status, typed ConfigMap. */
    private static ObjectNode comparable(ObjectNode o) {
        o.remove("status");
        ((ObjectNode) o.path("metadata")).remove("ownerReferences");
        if (!o.has("kind") && o.has("data")) {
            ObjectNode typed = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            typed.setAll(o);
            return typed;
        }
        return o;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = KagentGoldenTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
