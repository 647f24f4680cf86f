package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.ManifestRenderer;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Inputs (data files under {@code mcpserver-tls/}) and assertion helpers for {@link McpServerTlsTest}. */
final class McpServerTlsFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Options DEFAULTS = Options.builder().build();
    static final String PROXY = "http://proxy.kagent.svc.cluster.local:8080";
    static final String HASH_ANNOTATION = "kagent.dev/config-hash";

    /** The rendered objects of the single agent of a successful case. */
    record Rendered(Result result, String yaml, String config, String configHash, JsonNode podSpec) {

        JsonNode volumes() {
            return podSpec.path("volumes");
        }

        JsonNode mounts() {
            return podSpec.path("containers").path(0).path("volumeMounts");
        }

        List<String> volumeNames() {
            List<String> out = new ArrayList<>();
            volumes().forEach(v -> out.add(v.path("name").asText()));
            return out;
        }

        JsonNode httpTools() {
            try {
                return JSON.readTree(config).path("http_tools");
            } catch (JsonProcessingException e) {
                throw new AssertionError("config.json is not JSON: " + config, e);
            }
        }
    }

    private McpServerTlsFixtures() {
    }

    static Source source(String caseName) {
        String path = "/mcpserver-tls/" + caseName + ".yaml";
        try (InputStream in = McpServerTlsFixtures.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return new Source("mcpserver-tls/" + caseName + ".yaml", in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Result run(String caseName, Options options) {
        return Translator.translate(List.of(source(caseName)), options);
    }

    /** Translates a case that must succeed with exactly one agent manifest. */
    static Rendered ok(String caseName, Options options) {
        Result r = run(caseName, options);
        assertTrue(r.errors().isEmpty(), () -> caseName + ": unexpected errors " + r.errors());
        assertEquals(1, r.manifests().size(), caseName + ": one agent manifest");
        Manifest m = r.manifests().get(0);
        Secret config = null;
        Deployment deployment = null;
        for (HasMetadata o : m.objects()) {
            if (o instanceof Secret s) {
                config = s;
            } else if (o instanceof Deployment d) {
                deployment = d;
            }
        }
        assertNotNull(config, "config Secret");
        assertNotNull(deployment, "Deployment");
        String yaml = ManifestRenderer.render(m);
        return new Rendered(r, yaml, config.getStringData().get("config.json"),
                deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(HASH_ANNOTATION),
                renderedPodSpec(yaml));
    }

    static Rendered ok(String caseName) {
        return ok(caseName, DEFAULTS);
    }

    /** The pod spec of the Deployment document of the rendered YAML (what is written to disk). */
    private static JsonNode renderedPodSpec(String yaml) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc.path("kind").asText().equals("Deployment")) {
                    return doc.path("spec").path("template").path("spec");
                }
            }
        } catch (IOException e) {
            throw new AssertionError("rendered YAML does not parse", e);
        }
        return fail("no Deployment in the rendered YAML");
    }

    /** A case that must fail: no manifests, an error with {@code code} whose message contains {@code text}. */
    static Diagnostic error(String caseName, Options options, String code, String text) {
        Result r = run(caseName, options);
        assertTrue(r.manifests().isEmpty(), caseName + ": an error run renders nothing");
        Diagnostic d = r.errors().stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(caseName + ": no " + code + " among " + r.errors()));
        assertTrue(d.message().contains(text), () -> "message of " + code + " was: " + d.message());
        assertTrue(d.origin().line() > 0, () -> code + " has no line: " + d.origin());
        assertEquals("mcpserver-tls/" + caseName + ".yaml", d.origin().source());
        return d;
    }

    static Diagnostic error(String caseName, String code, String text) {
        return error(caseName, DEFAULTS, code, text);
    }

    /** Each entry of {@code http_tools} is exactly {@code entries[i]}, byte for byte inside config.json. */
    static void assertHttpTools(Rendered r, String... entries) {
        JsonNode tools = r.httpTools();
        assertEquals(entries.length, tools.size(), () -> "http_tools: " + tools);
        for (int i = 0; i < entries.length; i++) {
            String want = entries[i];
            assertTrue(r.config().contains(want), () -> "config.json lacks " + want + "\nconfig.json: " + r.config());
            assertEquals(json(want), tools.get(i), "http_tools[" + i + "]");
        }
    }

    /** The W-coded diagnostics of a run, as a sorted list of codes (duplicates kept). */
    static List<String> warningCodes(Result r) {
        return r.warnings().stream().map(Diagnostic::code).filter(c -> c.matches("W[0-9]+")).sorted().toList();
    }

    /** The one warning with {@code code}; checks its message contains every text and it has a line. */
    static Diagnostic warning(Result r, String code, String... texts) {
        List<Diagnostic> found = r.warnings().stream().filter(w -> w.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> code + " warnings: " + r.warnings());
        Diagnostic d = found.get(0);
        for (String t : texts) {
            assertTrue(d.message().contains(t), () -> code + " message was: " + d.message() + "\nexpected: " + t);
        }
        assertTrue(d.origin().line() > 0, () -> code + " has no line: " + d.origin());
        return d;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad expected JSON: " + text, e);
        }
    }

    /** Parses a YAML flow/block text written in a test (volume and mount lists). */
    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad expected YAML: " + text, e);
        }
    }
}
