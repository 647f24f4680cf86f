package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoJsonException;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.Secrets;
import java.util.Map;
import java.util.Optional;

/** One method per ModelConfig provider: JSON keys in Go struct order, env vars in kagent's order (agent-config.md §3.2, §5.2). */
final class Providers {
    private final Context ctx;
    private final String namespace;
    private final Node spec;
    private final DeploymentData data;

    Providers(Context ctx, String namespace, Node spec, DeploymentData data) {
        this.ctx = ctx;
        this.namespace = namespace;
        this.spec = spec;
        this.data = data;
    }

    private boolean passthrough() {
        return spec.bool("apiKeyPassthrough");
    }

    private String secret() {
        return spec.str("apiKeySecret");
    }

    private String secretKey() {
        return spec.str("apiKeySecretKey");
    }

    private void keyEnv(String name) {
        if (!passthrough() && !secret().isEmpty()) {
            data.env.add(Json.secretEnv(name, secret(), secretKey()));
        }
    }

    private Node required(String field, String message) {
        Node block = spec.obj(field);
        if (!block.present()) {
            throw new TranslationException("model-config", message, spec.origin());
        }
        return block;
    }

    ObjectNode openAi() {
        Node oa = spec.obj("openAI");
        boolean tokenExchange = oa.obj("tokenExchange").present();
        if (!passthrough() && !tokenExchange && !secret().isEmpty()) {
            data.env.add(Json.secretEnv("OPENAI_API_KEY", secret(), secretKey()));
        }
        ObjectNode o = ModelTranslation.base("openai", spec.str("model"), spec, true);
        o.put("base_url", oa.str("baseUrl"));
        ModelTranslation.putParsedFloat(o, "frequency_penalty", oa, "frequencyPenalty");
        ModelTranslation.putPositive(o, "max_tokens", oa, "maxTokens");
        ModelTranslation.putPositive(o, "max_completion_tokens", oa, "maxCompletionTokens");
        ModelTranslation.putPointer(o, "n", oa, "n");
        ModelTranslation.putParsedFloat(o, "presence_penalty", oa, "presencePenalty");
        oa.optStr("reasoningEffort").ifPresent(v -> o.put("reasoning_effort", v));
        ModelTranslation.putPointer(o, "seed", oa, "seed");
        ModelTranslation.putParsedFloat(o, "temperature", oa, "temperature");
        ModelTranslation.putPointer(o, "timeout", oa, "timeout");
        ModelTranslation.putParsedFloat(o, "top_p", oa, "topP");
        String apiFormat = oa.str("apiFormat");
        if (!apiFormat.isEmpty()) {
            o.put("api_format", apiFormat);
        }
        tokenExchange(o, oa.obj("tokenExchange"));
        if (!oa.str("organization").isEmpty()) {
            data.env.add(Json.env("OPENAI_ORGANIZATION", oa.str("organization")));
        }
        return o;
    }

    /** GDCH token exchange: service-account file mounted from the API-key Secret. */
    private void tokenExchange(ObjectNode o, Node te) {
        if (!te.present() || !te.str("type").equals("GDCHServiceAccount")) {
            return;
        }
        Node gdch = te.obj("gdchServiceAccount");
        if (!gdch.present()) {
            return;
        }
        ObjectNode sa = Json.obj();
        sa.put("service_account_path", "/gdch-creds/" + secretKey());
        sa.put("audience", gdch.str("audience"));
        ObjectNode t = Json.obj();
        t.put("type", te.str("type"));
        t.set("gdch_service_account", sa);
        o.set("token_exchange", t);
        data.volumes.add(Json.secretVolume("gdch-creds", secret(), TlsPaths.READ_ONLY_MODE));
        data.mounts.add(Json.mount("gdch-creds", "/gdch-creds", true));
    }

    ObjectNode anthropic() {
        keyEnv("ANTHROPIC_API_KEY");
        Node an = spec.obj("anthropic");
        ObjectNode o = ModelTranslation.base("anthropic", spec.str("model"), spec, true);
        String baseUrl = an.str("baseUrl");
        if (!baseUrl.isEmpty()) {
            o.put("base_url", baseUrl);
        }
        ModelTranslation.putPositive(o, "max_tokens", an, "maxTokens");
        ModelTranslation.putParsedFloat(o, "temperature", an, "temperature");
        ModelTranslation.putParsedFloat(o, "top_p", an, "topP");
        ModelTranslation.putPositive(o, "top_k", an, "topK");
        return o;
    }

    ObjectNode azureOpenAi() {
        Node az = required("azureOpenAI", "AzureOpenAI model config is required");
        keyEnv("AZURE_OPENAI_API_KEY");
        envIfSet("AZURE_AD_TOKEN", az.str("azureAdToken"));
        envIfSet("OPENAI_API_VERSION", az.str("apiVersion"));
        envIfSet("AZURE_OPENAI_ENDPOINT", az.str("azureEndpoint"));
        ObjectNode o = ModelTranslation.base("azure_openai", az.str("azureDeployment"), spec, true);
        putIfSet(o, "endpoint", az.str("azureEndpoint"));
        putIfSet(o, "deployment", az.str("azureDeployment"));
        putIfSet(o, "api_version", az.str("apiVersion"));
        ModelTranslation.putPointer(o, "max_tokens", az, "maxTokens");
        ModelTranslation.putParsedFloat(o, "temperature", az, "temperature");
        ModelTranslation.putParsedFloat(o, "top_p", az, "topP");
        return o;
    }

    ObjectNode geminiVertexAi() {
        Node g = required("geminiVertexAI", "GeminiVertexAI model config is required");
        data.env.add(Json.env("GOOGLE_CLOUD_PROJECT", g.str("projectID")));
        data.env.add(Json.env("GOOGLE_CLOUD_LOCATION", g.str("location")));
        data.env.add(Json.env("GOOGLE_GENAI_USE_VERTEXAI", "true"));
        googleCreds();
        ObjectNode o = ModelTranslation.base("gemini_vertex_ai", spec.str("model"), spec, true);
        ModelTranslation.putPositive(o, "max_output_tokens", g, "maxOutputTokens");
        return o;
    }

    ObjectNode anthropicVertexAi() {
        Node a = required("anthropicVertexAI", "AnthropicVertexAI model config is required");
        data.env.add(Json.env("GOOGLE_CLOUD_PROJECT", a.str("projectID")));
        data.env.add(Json.env("GOOGLE_CLOUD_LOCATION", a.str("location")));
        googleCreds();
        return ModelTranslation.base("gemini_anthropic", spec.str("model"), spec, true);
    }

    private void googleCreds() {
        if (secret().isEmpty()) {
            return;
        }
        data.env.add(Json.env("GOOGLE_APPLICATION_CREDENTIALS", "/creds/" + secretKey()));
        data.volumes.add(Json.secretVolume("google-creds", secret(), null));
        data.mounts.add(Json.mount("google-creds", "/creds", false));
    }

    ObjectNode ollama() {
        Node ol = required("ollama", "ollama model config is required");
        String host = ol.str("host");
        if (!host.startsWith("http://") && !host.startsWith("https://")) {
            host = "http://" + host;
        }
        data.env.add(Json.env("OLLAMA_API_BASE", host));
        ObjectNode o = ModelTranslation.base("ollama", spec.str("model"), spec, true);
        Map<String, String> options = ol.strMap("options");
        if (!options.isEmpty()) {
            o.set("options", Json.stringMap(options));
        }
        return o;
    }

    ObjectNode gemini() {
        data.env.add(Json.secretEnv("GOOGLE_API_KEY", secret(), secretKey()));
        ObjectNode o = ModelTranslation.base("gemini", spec.str("model"), spec, false);
        ModelTranslation.putPositive(o, "max_output_tokens", spec.obj("gemini"), "maxOutputTokens");
        return o;
    }

    ObjectNode bedrock() {
        Node b = required("bedrock", "bedrock model config is required");
        data.env.add(Json.env("AWS_REGION", b.str("region")));
        if (!passthrough() && !secret().isEmpty()) {
            Map<String, String> keys = credentials("failed to get Bedrock credentials secret");
            if (keys.containsKey("AWS_BEARER_TOKEN_BEDROCK")) {
                data.env.add(Json.secretEnv("AWS_BEARER_TOKEN_BEDROCK", secret(), "AWS_BEARER_TOKEN_BEDROCK"));
            } else {
                data.env.add(Json.secretEnv("AWS_ACCESS_KEY_ID", secret(), "AWS_ACCESS_KEY_ID"));
                data.env.add(Json.secretEnv("AWS_SECRET_ACCESS_KEY", secret(), "AWS_SECRET_ACCESS_KEY"));
                if (keys.containsKey("AWS_SESSION_TOKEN")) {
                    data.env.add(Json.secretEnv("AWS_SESSION_TOKEN", secret(), "AWS_SESSION_TOKEN"));
                }
            }
        }
        ObjectNode o = ModelTranslation.base("bedrock", spec.str("model"), spec, true);
        putIfSet(o, "region", b.str("region"));
        additionalFields(o, b.child("additionalModelRequestFields"));
        if (b.bool("promptCaching")) {
            o.put("prompt_caching", true);
        }
        putIfSet(o, "cache_ttl", b.str("cacheTTL"));
        Node g = b.obj("guardrail");
        if (g.present()) {
            ObjectNode go = Json.obj();
            go.put("identifier", g.str("identifier"));
            go.put("version", g.str("version"));
            putIfSet(go, "trace", g.str("trace"));
            o.set("guardrail", go);
        }
        ModelTranslation.putPointer(o, "read_timeout", b, "readTimeout");
        ModelTranslation.putPointer(o, "connect_timeout", b, "connectTimeout");
        return o;
    }

    private void additionalFields(ObjectNode o, Node raw) {
        if (!raw.present()) {
            return;
        }
        JsonNode v = raw.json();
        if (!v.isObject()) {
            throw new TranslationException("bedrock-fields", "failed to unmarshal bedrock additionalModelRequestFields:"
                    + " json: cannot unmarshal " + goKind(v) + " into Go value of type map[string]interface {}",
                    raw.origin());
        }
        if (!v.isEmpty()) {
            try {
                o.set("additional_model_request_fields", ModelTranslation.goAny(v));
            } catch (GoJsonException e) {
                throw new TranslationException("bedrock-fields", "failed to unmarshal bedrock"
                        + " additionalModelRequestFields: " + e.getMessage(), raw.origin());
            }
        }
    }

    private static String goKind(JsonNode v) {
        if (v.isArray()) {
            return "array";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        return v.isBoolean() ? "bool" : "value";
    }

    private Map<String, String> credentials(String wrap) {
        Optional<Node> s = ctx.find(Kind.SECRET, namespace, secret());
        if (s.isEmpty()) {
            throw Context.notFound(Kind.SECRET, namespace, secret(), spec.child("apiKeySecret")).wrap(wrap);
        }
        return Secrets.data(s.get());
    }

    ObjectNode sapAiCore() {
        Node sap = required("sapAICore", "sapAICore model config is required");
        if (!passthrough() && !secret().isEmpty()) {
            credentials("failed to get SAP AI Core credentials secret");
            data.env.add(Json.secretEnv("SAP_AI_CORE_CLIENT_ID", secret(), "client_id"));
            data.env.add(Json.secretEnv("SAP_AI_CORE_CLIENT_SECRET", secret(), "client_secret"));
        }
        ObjectNode o = ModelTranslation.base("sap_ai_core", spec.str("model"), spec, true);
        o.put("base_url", sap.str("baseUrl"));
        putIfSet(o, "resource_group", sap.str("resourceGroup"));
        putIfSet(o, "auth_url", sap.str("authUrl"));
        return o;
    }

    ObjectNode foundry() {
        Node f = required("foundry", "foundry model config is required");
        String endpoint = foundryEndpoint(f);
        if (endpoint.isEmpty()) {
            throw new TranslationException("foundry-endpoint", "foundry endpoint could not be resolved: set"
                    + " foundry.endpoint or a foundry.endpointFrom whose ConfigMap key exists", f.origin());
        }
        keyEnv("FOUNDRY_API_KEY");
        data.env.add(Json.env("FOUNDRY_ENDPOINT", endpoint));
        data.env.add(Json.env("FOUNDRY_DEPLOYMENT", f.str("deployment")));
        data.env.add(Json.env("FOUNDRY_API_VERSION", f.str("apiVersion")));
        ObjectNode o = ModelTranslation.base("foundry", spec.str("model"), spec, true);
        o.put("endpoint", endpoint);
        o.put("deployment", f.str("deployment"));
        o.put("api_version", f.str("apiVersion"));
        return o;
    }

    private String foundryEndpoint(Node f) {
        if (!f.str("endpoint").isEmpty()) {
            return f.str("endpoint");
        }
        Node from = f.obj("endpointFrom");
        if (!from.present()) {
            return "";
        }
        String cmName = from.str("name");
        Optional<Node> cm = ctx.find(Kind.CONFIG_MAP, namespace, cmName);
        if (cm.isEmpty()) {
            throw Context.notFound(Kind.CONFIG_MAP, namespace, cmName, from)
                    .wrap("failed to get Foundry endpoint config map " + cmName);
        }
        Map<String, String> values = cm.get().strMap("data");
        String key = from.str("key");
        if (!values.containsKey(key)) {
            if (from.bool("optional")) {
                return "";
            }
            throw new TranslationException("foundry-endpoint", "the Foundry endpoint config map " + cmName
                    + " does not contain key \"" + key + "\"", from.origin("key"));
        }
        return values.get(key);
    }

    private void envIfSet(String name, String value) {
        if (!value.isEmpty()) {
            data.env.add(Json.env(name, value));
        }
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (!value.isEmpty()) {
            o.put(key, value);
        }
    }
}
