package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test oracle: output validation as it was before {@link SchemaValidator} — the committed schema
 * compiled by networknt json-schema-validator with the configuration production used, its errors
 * described by {@link OutputValidationMessages} and de-duplicated the same way.
 */
final class NetworkntOracle {
    /** Identifier of the document inside the registry; {@code .invalid} never resolves, nothing is fetched. */
    private static final String IRI = "https://kagent-maven.invalid/k8s-schema.json";

    private final Map<String, Schema> resources;

    NetworkntOracle(String text) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT)
                .formatAssertionsEnabled(true)
                .typeLoose(false)
                .failFast(false)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(config).schemas(Map.of(IRI, text)));
        Map<String, Schema> found = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("definitions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode props = e.getValue().path("properties");
            if (props.has("apiVersion") && props.has("kind") && props.has("metadata")) {
                Schema s = registry.getSchema(SchemaLocation.of(IRI + "#/definitions/" + e.getKey()));
                s.initializeValidators();
                found.put(e.getKey(), s);
            }
        }
        this.resources = Map.copyOf(found);
    }

    static NetworkntOracle committed() {
        try (InputStream in = NetworkntOracle.class.getResourceAsStream(KubernetesSchema.RESOURCE)) {
            return new NetworkntOracle(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw networknt errors of {@code tree} against the definition. */
    List<Error> errors(String definition, JsonNode tree) {
        Schema s = resources.get(definition);
        if (s == null) {
            throw new IllegalArgumentException("no schema for " + definition);
        }
        return s.validate(tree);
    }

    /** What {@code OutputValidation.check} returned for a known kind before the switch. */
    List<OutputValidation.Violation> check(JsonNode tree) {
        return check(KubernetesSchema.definitionName(tree.path("apiVersion").asText(""),
                tree.path("kind").asText("")), tree);
    }

    /** The same against a given definition (the tree's own apiVersion and kind may be mutated). */
    List<OutputValidation.Violation> check(String definition, JsonNode tree) {
        return answer(definition, tree).violations();
    }

    /** The violations and how many networknt errors they came from (more when some were duplicates). */
    Answer answer(String definition, JsonNode tree) {
        OutputValidationMessages messages = new OutputValidationMessages(tree);
        List<OutputValidation.Violation> out = new ArrayList<>();
        List<Error> errors = errors(definition, tree);
        for (Error e : errors) {
            OutputValidation.Violation v = messages.describe(e);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return new Answer(out, errors.size());
    }

    record Answer(List<OutputValidation.Violation> violations, int errors) {
    }
}
