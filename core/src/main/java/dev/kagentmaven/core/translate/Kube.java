package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Conversions between Go-shaped JSON trees and fabric8 model objects (the core's public object type). */
final class Kube {
    /** Configured once, never reconfigured: safe to share between threads. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Reads the translator's own YAML back; configured once, safe to share between threads. */
    private static final ObjectMapper YAML = new YAMLMapper();

    private Kube() {
    }

    static HasMetadata toModel(JsonNode tree) {
        Class<? extends HasMetadata> type = switch (tree.path("kind").asText()) {
            case "Secret" -> Secret.class;
            case "ServiceAccount" -> ServiceAccount.class;
            case "ConfigMap" -> ConfigMap.class;
            case "Deployment" -> Deployment.class;
            case "Service" -> Service.class;
            default -> throw new IllegalArgumentException("unexpected kind " + tree.path("kind").asText());
        };
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("internal error: cannot map " + type.getSimpleName(), e);
        }
    }

    /** The documents of a YAML stream written by the translator (every document a mapping). */
    static List<JsonNode> readYaml(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    out.add(doc);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("internal error: cannot read rendered YAML", e);
        }
        return out;
    }

    static JsonNode toTree(HasMetadata object) {
        return MAPPER.valueToTree(object);
    }

    /** The Go type name used by GoShape for a kind. */
    static String goType(String apiVersion, String kind) {
        return apiVersion.equals("apps/v1") ? "apps/v1." + kind : "v1." + kind;
    }
}
