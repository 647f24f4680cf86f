package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoFloat;
import dev.kagentmaven.core.go.GoJson;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import java.util.HexFormat;
import java.util.Map;

/**
 * ModelConfig → model object of config.json plus its pod env/volumes and status secret hash
 * (agent-config.md §3.2, §5.2; agent-manifests.md §6.7, §6.8).
 */
final class ModelTranslation {

    /** Result of translating one ModelConfig. */
    record Model(String type, ObjectNode json, DeploymentData data, byte[] secretHash) {
    }

    private final Context ctx;

    ModelTranslation(Context ctx) {
        this.ctx = ctx;
    }

    /** Translates ModelConfig {@code namespace/name}, referenced at {@code ref}. */
    Model translate(String namespace, String name, Node ref) {
        if (name.isEmpty()) {
            throw new TranslationException("not-found", Context.resource(Kind.MODEL_CONFIG)
                    + " \"\" not found (no ModelConfig named)", ref.origin());
        }
        Node mc = ctx.require(Kind.MODEL_CONFIG, namespace, name, ref);
        Node spec = mc.obj("spec");
        byte[] hash = secretHash(mc);
        DeploymentData data = new DeploymentData();
        TlsPaths.addCaVolume(data, spec.obj("tls"));
        String provider = spec.str("provider");
        Providers p = new Providers(ctx, namespace, spec, data);
        ObjectNode json = switch (provider) {
            case "OpenAI" -> p.openAi();
            case "Anthropic" -> p.anthropic();
            case "AzureOpenAI" -> p.azureOpenAi();
            case "GeminiVertexAI" -> p.geminiVertexAi();
            case "AnthropicVertexAI" -> p.anthropicVertexAi();
            case "Ollama" -> p.ollama();
            case "Gemini" -> p.gemini();
            case "Bedrock" -> p.bedrock();
            case "SAPAICore" -> p.sapAiCore();
            case "Foundry" -> p.foundry();
            default -> throw new TranslationException("model-provider",
                    "unsupported model provider: " + provider, spec.origin("provider"));
        };
        return new Model(json.get("type").asText(), json, data, hash);
    }

    private static byte[] secretHash(Node mc) {
        String hex = mc.obj("status").str("secretHash");
        if (hex.isEmpty()) {
            return new byte[0];
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new TranslationException("secret-hash", "failed to decode secret hash: " + e.getMessage(),
                    mc.obj("status").origin("secretHash"));
        }
    }

    /** Common model prefix: type, model, headers?, tls_*, api_key_passthrough? (BaseModel). */
    static ObjectNode base(String type, String model, Node spec, boolean passthroughKey) {
        ObjectNode o = Json.obj();
        o.put("type", type);
        o.put("model", model);
        Map<String, String> headers = spec.strMap("defaultHeaders");
        if (!headers.isEmpty()) {
            o.set("headers", Json.stringMap(headers));
        }
        TlsPaths.putFields(o, spec.obj("tls"));
        if (passthroughKey && spec.bool("apiKeyPassthrough")) {
            o.put("api_key_passthrough", true);
        }
        return o;
    }

    /** Go's ParseStringToFloat64: empty or unparsable → absent. */
    static void putParsedFloat(ObjectNode o, String key, Node block, String field) {
        String s = block.str(field);
        if (s.isEmpty()) {
            return;
        }
        try {
            o.put(key, GoFloat.parse(s));
        } catch (NumberFormatException e) {
            // kagent drops values strconv.ParseFloat rejects
        }
    }

    /** Integer that kagent copies only when > 0. */
    static void putPositive(ObjectNode o, String key, Node block, String field) {
        long v = block.integer(field);
        if (v > 0) {
            o.put(key, v);
        }
    }

    /** Integer pointer copied as-is when present (explicit 0 kept). */
    static void putPointer(ObjectNode o, String key, Node block, String field) {
        block.optInt(field).ifPresent(v -> o.put(key, v));
    }

    /** memory.embedding from a translated model (Go's ModelToEmbeddingConfig). */
    static ObjectNode embedding(Model m) {
        ObjectNode e = Json.obj();
        e.put("provider", m.type());
        e.put("model", m.json().path("model").asText());
        boolean baseUrl = switch (m.type()) {
            case "openai", "anthropic", "sap_ai_core" -> true;
            default -> false;
        };
        boolean azure = m.type().equals("azure_openai") || m.type().equals("foundry");
        copyNonEmpty(m.json(), e, "base_url", baseUrl);
        copyNonEmpty(m.json(), e, "endpoint", azure);
        copyNonEmpty(m.json(), e, "deployment", azure);
        copyNonEmpty(m.json(), e, "api_version", azure);
        return e;
    }

    private static void copyNonEmpty(JsonNode from, ObjectNode to, String key, boolean applies) {
        String v = from.path(key).asText("");
        if (applies && !v.isEmpty()) {
            to.put(key, v);
        }
    }

    /** Re-serialises Bedrock's free-form JSON as Go's map[string]any would (agent-config.md §2.5). */
    static JsonNode goAny(JsonNode raw) {
        return GoJson.reencodeAsGoAny(raw);
    }
}
