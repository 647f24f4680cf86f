package dev.kagentmaven.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code k8s-schema.json} must be exactly what {@link SchemaGenerator} derives from the
 * client-java-api on the test classpath. When this fails after a dependency bump, regenerate with
 * {@code mvn -q -B -ntp test -Dtest=SchemaStalenessTest -Dk8s.schema.write=true} (from {@code core/})
 * and commit the result.
 */
class SchemaStalenessTest {

    @Test
    void committedSchemaIsWhatTheGeneratorDerives() throws IOException {
        String generated = SchemaGenerator.generate();
        if (Boolean.getBoolean("k8s.schema.write")) {
            Path out = Path.of(SchemaGenerator.RESOURCE_PATH);
            Files.writeString(out, generated, StandardCharsets.UTF_8);
        }
        String committed;
        if (Boolean.getBoolean("k8s.schema.write")) {
            committed = Files.readString(Path.of(SchemaGenerator.RESOURCE_PATH), StandardCharsets.UTF_8);
        } else {
            try (InputStream in = SchemaStalenessTest.class.getResourceAsStream(SchemaGenerator.CLASSPATH_NAME)) {
                assertNotNull(in, "missing resource " + SchemaGenerator.CLASSPATH_NAME);
                committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertEquals(generated, committed, "k8s-schema.json is stale: regenerate it with"
                + " -Dtest=SchemaStalenessTest -Dk8s.schema.write=true and commit it");
    }

    @Test
    void generationIsDeterministicAndPortable() {
        String a = SchemaGenerator.generate();
        assertEquals(a, SchemaGenerator.generate());
        assertFalse(a.contains("\r"));
        assertTrue(a.endsWith("}\n"));
    }

    @Test
    void containsTheEmittedKindsAndOnlyReachableDefinitions() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SchemaGenerator.generate());
        JsonNode defs = schema.path("definitions");
        for (Class<?> root : SchemaGenerator.ROOTS) {
            assertTrue(defs.has(root.getSimpleName()), root.getSimpleName());
        }
        // strictness as derived from the model classes
        JsonNode container = defs.path("V1Container");
        assertEquals(false, container.path("additionalProperties").asBoolean(true));
        assertEquals("name", container.path("required").path(0).asText());
        assertEquals("#/definitions/Quantity",
                defs.path("V1ResourceRequirements").path("properties").path("limits").path("additionalProperties")
                        .path("$ref").asText());
        assertEquals("#/definitions/IntOrString",
                defs.path("V1ServicePort").path("properties").path("targetPort").path("$ref").asText());
        // nothing unreachable from the roots (e.g. Pod, Job, CRD types)
        assertFalse(defs.has("V1Pod"));
        assertFalse(defs.has("V1Job"));
        assertFalse(defs.has("V1CustomResourceDefinition"));
    }
}
