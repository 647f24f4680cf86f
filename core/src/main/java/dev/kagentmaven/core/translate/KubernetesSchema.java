package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kubernetes schema of the kinds the translator emits: the committed draft-07 document
 * {@code dev/kagentmaven/core/k8s-schema.json} (derived from client-java-api's model classes by the
 * test-scope {@code SchemaGenerator}, kept fresh by {@code SchemaStalenessTest}), compiled once by
 * {@link SchemaValidator}.
 *
 * <p>A top-level resource type is a definition with {@code apiVersion}, {@code kind} and
 * {@code metadata} properties; client-java names it {@code <Version><Kind>} ({@code V1Deployment} for
 * {@code apps/v1 Deployment}, {@code V1Secret} for {@code v1 Secret}), which is how an emitted object
 * finds its definition.
 *
 * <p>Immutable after construction; safe to share between threads.
 */
final class KubernetesSchema {
    static final String RESOURCE = "/dev/kagentmaven/core/k8s-schema.json";

    private final SchemaValidator validator;
    private final Set<String> resources;
    private final String provenance;

    private KubernetesSchema(String text) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("internal error: unreadable " + RESOURCE, e);
        }
        this.validator = SchemaValidator.compile(doc);
        Set<String> found = new TreeSet<>();
        for (Map.Entry<String, JsonNode> e : doc.path("definitions").properties()) {
            JsonNode props = e.getValue().path("properties");
            if (props.has("apiVersion") && props.has("kind") && props.has("metadata")) {
                found.add(e.getKey());
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("internal error: " + RESOURCE + " defines no resource types");
        }
        this.resources = Set.copyOf(found);
        this.provenance = doc.path("$comment").asText("");
    }

    /** The schema of the running library, loaded and compiled on first use. */
    static KubernetesSchema get() {
        return Holder.INSTANCE;
    }

    /** For tests: a schema compiled from other text. */
    static KubernetesSchema of(String text) {
        return new KubernetesSchema(text);
    }

    /** {@code apps/v1} + {@code Deployment} → {@code V1Deployment}. */
    static String definitionName(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        if (version.isEmpty() || kind.isEmpty()) {
            return "";
        }
        return Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
    }

    /** Whether there is a schema for the kind. */
    boolean knows(String apiVersion, String kind) {
        return resources.contains(definitionName(apiVersion, kind));
    }

    /**
     * Every violation of the object's kind schema, in evaluation order and without duplicates, as a
     * fresh mutable list; empty when valid. Messages never contain a value of a Secret's
     * {@code data} or {@code stringData}.
     */
    List<OutputValidation.Violation> validate(String apiVersion, String kind, JsonNode object) {
        String definition = definitionName(apiVersion, kind);
        if (!resources.contains(definition)) {
            throw new IllegalArgumentException("no schema for " + apiVersion + " " + kind);
        }
        return validator.validate(definition, object);
    }

    /** The resource-type definitions this schema validates, e.g. {@code V1Deployment}. */
    Set<String> resourceTypes() {
        return new TreeSet<>(resources);
    }

    /** The {@code $comment} of the document: which client-java-api it was derived from. */
    String provenance() {
        return provenance;
    }

    private static final class Holder {
        static final KubernetesSchema INSTANCE = new KubernetesSchema(read());

        private static String read() {
            try (InputStream in = KubernetesSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("internal error: missing resource " + RESOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("internal error: unreadable " + RESOURCE, e);
            }
        }
    }
}
