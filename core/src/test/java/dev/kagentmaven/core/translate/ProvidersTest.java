package dev.kagentmaven.core.translate;

import static dev.kagentmaven.core.translate.TranslateFixture.agent;
import static dev.kagentmaven.core.translate.TranslateFixture.assertError;
import static dev.kagentmaven.core.translate.TranslateFixture.config;
import static dev.kagentmaven.core.translate.TranslateFixture.configWithModel;
import static dev.kagentmaven.core.translate.TranslateFixture.failing;
import static dev.kagentmaven.core.translate.TranslateFixture.kagentContainer;
import static dev.kagentmaven.core.translate.TranslateFixture.manifest;
import static dev.kagentmaven.core.translate.TranslateFixture.modelEnv;
import static dev.kagentmaven.core.translate.TranslateFixture.mounts;
import static dev.kagentmaven.core.translate.TranslateFixture.ok;
import static dev.kagentmaven.core.translate.TranslateFixture.volumes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per ModelConfig provider: exact config.json {@code model} bytes, env vars, volumes
 * (agent-config.md §3.2, §5.2; agent-manifests.md §6.7, §6.8). Expectations are derived from the
 * spec and kagent's translateModel, not from our output.
 */
class ProvidersTest {

    /** A ModelConfig {@code test/model} with the given spec body (indented 2 spaces). */
    static String model(String specBody) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: model
                  namespace: test
                spec:
                %s""".formatted(specBody);
    }

    static String secret(String name, String... keys) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: test
                data:
                """.formatted(name));
        for (String k : keys) {
            sb.append("  ").append(k).append(": dmFsdWU=\n"); // "value"
        }
        if (keys.length == 0) {
            sb.append("  unrelated: dmFsdWU=\n");
        }
        return sb.toString();
    }

    private static Manifest translate(String... docs) {
        Result r = ok(docs);
        return manifest(r, "a");
    }

    private static void assertModel(Manifest m, String expectedModel) {
        assertEquals(configWithModel(expectedModel), config(m));
    }

    // ---------------------------------------------------------------- OpenAI

    @Test
    void openAiEveryOptionalField() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: gpt-4o
                  apiKeySecret: openai-secret
                  apiKeySecretKey: api-key
                  defaultHeaders:
                    X-B: b
                    X-A: a
                  openAI:
                    baseUrl: https://api.example.com/v1
                    organization: org-123
                    temperature: "0.7"
                    maxTokens: 100
                    maxCompletionTokens: 200
                    topP: "0.9"
                    frequencyPenalty: "0.5"
                    presencePenalty: "-0.25"
                    seed: 42
                    n: 2
                    timeout: 60
                    reasoningEffort: high
                    apiFormat: responses
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"gpt-4o\",\"headers\":{\"X-A\":\"a\",\"X-B\":\"b\"},"
                + "\"base_url\":\"https://api.example.com/v1\",\"frequency_penalty\":0.5,\"max_tokens\":100,"
                + "\"max_completion_tokens\":200,\"n\":2,\"presence_penalty\":-0.25,\"reasoning_effort\":\"high\","
                + "\"seed\":42,\"temperature\":0.7,\"timeout\":60,\"top_p\":0.9,\"api_format\":\"responses\"}");
        assertEquals(List.of("OPENAI_API_KEY<-secret:openai-secret/api-key", "OPENAI_ORGANIZATION=org-123"),
                modelEnv(m));
        assertEquals(List.of("config:secret=a", "kagent-token:projected"), volumes(m));
    }

    @Test
    void openAiExplicitZeroPointersAndEmptyReasoningEffort() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: gpt-4o
                  openAI:
                    maxTokens: 0
                    maxCompletionTokens: 0
                    seed: 0
                    n: 0
                    timeout: 0
                    reasoningEffort: ""
                    apiFormat: ""
                    temperature: ""
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"gpt-4o\",\"base_url\":\"\",\"n\":0,\"reasoning_effort\":\"\","
                + "\"seed\":0,\"timeout\":0}");
        assertEquals(List.of(), modelEnv(m));
    }

    @Test
    void openAiWithoutBlockOrSecret() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: gpt-4o-mini
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"gpt-4o-mini\",\"base_url\":\"\"}");
        assertEquals(List.of(), modelEnv(m));
    }

    @Test
    void openAiPassthroughHasNoKeyEnvButKeepsOrganization() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: gpt-4o
                  apiKeySecret: openai-secret
                  apiKeySecretKey: api-key
                  apiKeyPassthrough: true
                  openAI:
                    organization: org-1
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"gpt-4o\",\"api_key_passthrough\":true,\"base_url\":\"\"}");
        assertEquals(List.of("OPENAI_ORGANIZATION=org-1"), modelEnv(m));
    }

    @Test
    void openAiTokenExchangeGdch() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: gdch-model
                  apiKeySecret: gdch-sa
                  apiKeySecretKey: sa.json
                  openAI:
                    baseUrl: https://gdch.example.com
                    tokenExchange:
                      type: GDCHServiceAccount
                      gdchServiceAccount:
                        audience: https://aud.example.com
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"gdch-model\",\"base_url\":\"https://gdch.example.com\","
                + "\"token_exchange\":{\"type\":\"GDCHServiceAccount\",\"gdch_service_account\":"
                + "{\"service_account_path\":\"/gdch-creds/sa.json\",\"audience\":\"https://aud.example.com\"}}}");
        // token exchange replaces the API-key env var
        assertEquals(List.of(), modelEnv(m));
        assertEquals(List.of("config:secret=a", "gdch-creds:secret=gdch-sa,mode=292", "kagent-token:projected"),
                volumes(m));
        assertEquals(List.of("config:/config", "gdch-creds:/gdch-creds:ro", "kagent-token:/var/run/secrets/tokens"),
                mounts(m));
    }

    @Test
    void openAiTokenExchangeWithoutGdchBlockOnlyDropsTheKeyEnv() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: gpt-4o
                  apiKeySecret: gdch-sa
                  apiKeySecretKey: sa.json
                  openAI:
                    tokenExchange:
                      type: GDCHServiceAccount
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"gpt-4o\",\"base_url\":\"\"}");
        assertEquals(List.of(), modelEnv(m));
        assertEquals(List.of("config:secret=a", "kagent-token:projected"), volumes(m));
    }

    // ---------------------------------------------------------------- AzureOpenAI

    @Test
    void azureOpenAiModelIsTheDeploymentAndEnvOrder() {
        Manifest m = translate(agent("a"), model("""
                  provider: AzureOpenAI
                  model: ignored-model
                  apiKeySecret: azure-secret
                  apiKeySecretKey: key
                  azureOpenAI:
                    azureEndpoint: https://x.openai.azure.com
                    apiVersion: "2024-06-01"
                    azureDeployment: my-deployment
                    azureAdToken: ad-token
                    temperature: "0.2"
                    topP: "1"
                    maxTokens: 0
                """));
        assertModel(m, "{\"type\":\"azure_openai\",\"model\":\"my-deployment\",\"endpoint\":\"https://x.openai.azure.com\","
                + "\"deployment\":\"my-deployment\",\"api_version\":\"2024-06-01\",\"max_tokens\":0,\"temperature\":0.2,"
                + "\"top_p\":1}");
        assertEquals(List.of("AZURE_OPENAI_API_KEY<-secret:azure-secret/key", "AZURE_AD_TOKEN=ad-token",
                "OPENAI_API_VERSION=2024-06-01", "AZURE_OPENAI_ENDPOINT=https://x.openai.azure.com"), modelEnv(m));
    }

    @Test
    void azureOpenAiMinimal() {
        Manifest m = translate(agent("a"), model("""
                  provider: AzureOpenAI
                  model: gpt
                  apiKeyPassthrough: true
                  apiKeySecret: azure-secret
                  azureOpenAI:
                    azureEndpoint: ""
                """));
        assertModel(m, "{\"type\":\"azure_openai\",\"model\":\"\",\"api_key_passthrough\":true}");
        assertEquals(List.of(), modelEnv(m));
    }

    // ---------------------------------------------------------------- Anthropic

    @Test
    void anthropicAllFields() {
        Manifest m = translate(agent("a"), model("""
                  provider: Anthropic
                  model: claude-3-sonnet-20240229
                  apiKeySecret: anthropic-secret
                  apiKeySecretKey: key
                  anthropic:
                    baseUrl: https://anthropic.internal
                    maxTokens: 4096
                    temperature: "0.3"
                    topP: "0.9"
                    topK: 40
                """));
        assertModel(m, "{\"type\":\"anthropic\",\"model\":\"claude-3-sonnet-20240229\","
                + "\"base_url\":\"https://anthropic.internal\",\"max_tokens\":4096,\"temperature\":0.3,\"top_p\":0.9,"
                + "\"top_k\":40}");
        assertEquals(List.of("ANTHROPIC_API_KEY<-secret:anthropic-secret/key"), modelEnv(m));
    }

    @Test
    void anthropicZeroIntegersAndMissingBlock() {
        Manifest zero = translate(agent("a"), model("""
                  provider: Anthropic
                  model: claude
                  anthropic:
                    maxTokens: 0
                    topK: 0
                """));
        assertModel(zero, "{\"type\":\"anthropic\",\"model\":\"claude\"}");
        Manifest none = translate(agent("a"), model("""
                  provider: Anthropic
                  model: claude
                """));
        assertModel(none, "{\"type\":\"anthropic\",\"model\":\"claude\"}");
        assertEquals(List.of(), modelEnv(none));
    }

    // ---------------------------------------------------------------- Vertex AI

    @Test
    void geminiVertexAiEnvCredentialsAndMaxOutputTokens() {
        Manifest m = translate(agent("a"), model("""
                  provider: GeminiVertexAI
                  model: gemini-2.0-flash
                  apiKeySecret: gcp-creds
                  apiKeySecretKey: creds.json
                  geminiVertexAI:
                    projectID: my-project
                    location: us-central1
                    maxOutputTokens: 512
                    temperature: "0.5"
                    topK: "3"
                    candidateCount: 2
                    responseMimeType: application/json
                """));
        assertModel(m, "{\"type\":\"gemini_vertex_ai\",\"model\":\"gemini-2.0-flash\",\"max_output_tokens\":512}");
        assertEquals(List.of("GOOGLE_CLOUD_PROJECT=my-project", "GOOGLE_CLOUD_LOCATION=us-central1",
                "GOOGLE_GENAI_USE_VERTEXAI=true", "GOOGLE_APPLICATION_CREDENTIALS=/creds/creds.json"), modelEnv(m));
        assertEquals(List.of("config:secret=a", "google-creds:secret=gcp-creds", "kagent-token:projected"),
                volumes(m));
        assertEquals(List.of("config:/config", "google-creds:/creds", "kagent-token:/var/run/secrets/tokens"),
                mounts(m));
    }

    @Test
    void geminiVertexAiPassthroughKeepsCredentialFile() {
        Manifest m = translate(agent("a"), model("""
                  provider: GeminiVertexAI
                  model: gemini
                  apiKeyPassthrough: true
                  apiKeySecret: gcp-creds
                  apiKeySecretKey: creds.json
                  geminiVertexAI:
                    projectID: p
                    location: l
                    maxOutputTokens: 0
                """));
        assertModel(m, "{\"type\":\"gemini_vertex_ai\",\"model\":\"gemini\",\"api_key_passthrough\":true}");
        assertEquals(List.of("GOOGLE_CLOUD_PROJECT=p", "GOOGLE_CLOUD_LOCATION=l", "GOOGLE_GENAI_USE_VERTEXAI=true",
                "GOOGLE_APPLICATION_CREDENTIALS=/creds/creds.json"), modelEnv(m));
    }

    @Test
    void anthropicVertexAiWithoutSecret() {
        Manifest m = translate(agent("a"), model("""
                  provider: AnthropicVertexAI
                  model: claude-sonnet@2024
                  anthropicVertexAI:
                    projectID: proj
                    location: europe-west1
                    maxTokens: 1000
                    temperature: "0.1"
                """));
        assertModel(m, "{\"type\":\"gemini_anthropic\",\"model\":\"claude-sonnet@2024\"}");
        assertEquals(List.of("GOOGLE_CLOUD_PROJECT=proj", "GOOGLE_CLOUD_LOCATION=europe-west1"), modelEnv(m));
        assertEquals(List.of("config:secret=a", "kagent-token:projected"), volumes(m));
    }

    @Test
    void anthropicVertexAiWithSecret() {
        Manifest m = translate(agent("a"), model("""
                  provider: AnthropicVertexAI
                  model: claude
                  apiKeySecret: gcp
                  apiKeySecretKey: sa.json
                  anthropicVertexAI:
                    projectID: proj
                    location: loc
                """));
        assertEquals(List.of("GOOGLE_CLOUD_PROJECT=proj", "GOOGLE_CLOUD_LOCATION=loc",
                "GOOGLE_APPLICATION_CREDENTIALS=/creds/sa.json"), modelEnv(m));
        assertEquals(List.of("config:secret=a", "google-creds:secret=gcp", "kagent-token:projected"), volumes(m));
    }

    // ---------------------------------------------------------------- Ollama

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ollama.ollama:11434 | http://ollama.ollama:11434",
        "http://ollama:11434 | http://ollama:11434",
        "https://ollama.example.com | https://ollama.example.com",
        "HTTP://upper | http://HTTP://upper",
        "'' | http://",
    })
    void ollamaHostPrefixing(String host, String expected) {
        Manifest m = translate(agent("a"), model("""
                  provider: Ollama
                  model: llama3.2
                  ollama:
                    host: "%s"
                """.formatted(host)));
        assertEquals(List.of("OLLAMA_API_BASE=" + expected), modelEnv(m));
    }

    @Test
    void ollamaOptionsAreSortedStrings() {
        Manifest m = translate(agent("a"), model("""
                  provider: Ollama
                  model: llama3.2:latest
                  apiKeySecret: ignored
                  apiKeySecretKey: ignored
                  defaultHeaders:
                    User-Agent: kagent/1.0
                  ollama:
                    host: localhost:11434
                    options:
                      top_p: "0.9"
                      num_ctx: "2048"
                      temperature: "0.8"
                """));
        assertModel(m, "{\"type\":\"ollama\",\"model\":\"llama3.2:latest\",\"headers\":{\"User-Agent\":\"kagent/1.0\"},"
                + "\"options\":{\"num_ctx\":\"2048\",\"temperature\":\"0.8\",\"top_p\":\"0.9\"}}");
        assertEquals(List.of("OLLAMA_API_BASE=http://localhost:11434"), modelEnv(m));
    }

    // ---------------------------------------------------------------- Gemini

    @Test
    void geminiAlwaysHasGoogleApiKeyAndNoPassthroughKey() {
        Manifest m = translate(agent("a"), model("""
                  provider: Gemini
                  model: gemini-1.5-pro
                  apiKeySecret: gemini-secret
                  apiKeySecretKey: key
                  apiKeyPassthrough: true
                  gemini:
                    maxOutputTokens: 100
                """));
        assertModel(m, "{\"type\":\"gemini\",\"model\":\"gemini-1.5-pro\",\"max_output_tokens\":100}");
        assertEquals(List.of("GOOGLE_API_KEY<-secret:gemini-secret/key"), modelEnv(m));
    }

    @Test
    void geminiWithoutSecretStillEmitsKeyRef() {
        Manifest m = translate(agent("a"), model("""
                  provider: Gemini
                  model: gemini
                """));
        assertModel(m, "{\"type\":\"gemini\",\"model\":\"gemini\"}");
        assertEquals(List.of("GOOGLE_API_KEY<-secret:/"), modelEnv(m));
    }

    // ---------------------------------------------------------------- Bedrock

    @Test
    void bedrockAccessKeysWithSessionToken() {
        Manifest m = translate(agent("a"), secret("aws", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN"), model("""
                  provider: Bedrock
                  model: us.anthropic.claude-sonnet-4-20250514-v1:0
                  apiKeySecret: aws
                  apiKeySecretKey: whatever
                  bedrock:
                    region: us-east-1
                """));
        assertModel(m, "{\"type\":\"bedrock\",\"model\":\"us.anthropic.claude-sonnet-4-20250514-v1:0\","
                + "\"region\":\"us-east-1\"}");
        assertEquals(List.of("AWS_REGION=us-east-1", "AWS_ACCESS_KEY_ID<-secret:aws/AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY<-secret:aws/AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN<-secret:aws/AWS_SESSION_TOKEN"), modelEnv(m));
    }

    @Test
    void bedrockAccessKeysAreReferencedEvenWhenTheSecretLacksThem() {
        Manifest m = translate(agent("a"), secret("aws"), model("""
                  provider: Bedrock
                  model: m
                  apiKeySecret: aws
                  bedrock:
                    region: eu-west-1
                """));
        assertEquals(List.of("AWS_REGION=eu-west-1", "AWS_ACCESS_KEY_ID<-secret:aws/AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY<-secret:aws/AWS_SECRET_ACCESS_KEY"), modelEnv(m));
    }

    @Test
    void bedrockBearerTokenWins() {
        Manifest m = translate(agent("a"), secret("aws", "AWS_BEARER_TOKEN_BEDROCK", "AWS_ACCESS_KEY_ID",
                "AWS_SESSION_TOKEN"), model("""
                  provider: Bedrock
                  model: m
                  apiKeySecret: aws
                  bedrock:
                    region: us-west-2
                """));
        assertEquals(List.of("AWS_REGION=us-west-2",
                "AWS_BEARER_TOKEN_BEDROCK<-secret:aws/AWS_BEARER_TOKEN_BEDROCK"), modelEnv(m));
    }

    @Test
    void bedrockSecretStringDataCountsAsKeys() {
        Manifest m = translate(agent("a"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: aws
                  namespace: test
                stringData:
                  AWS_BEARER_TOKEN_BEDROCK: token
                """, model("""
                  provider: Bedrock
                  model: m
                  apiKeySecret: aws
                  bedrock:
                    region: r
                """));
        assertEquals(List.of("AWS_REGION=r", "AWS_BEARER_TOKEN_BEDROCK<-secret:aws/AWS_BEARER_TOKEN_BEDROCK"),
                modelEnv(m));
    }

    @Test
    void bedrockPassthroughNeedsNoSecret() {
        Manifest m = translate(agent("a"), model("""
                  provider: Bedrock
                  model: m
                  apiKeyPassthrough: true
                  apiKeySecret: not-there
                  bedrock:
                    region: ""
                """));
        assertModel(m, "{\"type\":\"bedrock\",\"model\":\"m\",\"api_key_passthrough\":true}");
        assertEquals(List.of("AWS_REGION="), modelEnv(m));
    }

    @Test
    void bedrockAllJsonFields() {
        Manifest m = translate(agent("a"), model("""
                  provider: Bedrock
                  model: anthropic.claude
                  bedrock:
                    region: us-west-2
                    additionalModelRequestFields:
                      z: 1.50
                      a:
                        y: true
                        b: [1, 2.0, "s", null]
                      big: 12345678901234567890
                      m: 1e-7
                    promptCaching: true
                    cacheTTL: 1h
                    guardrail:
                      identifier: gr-1
                      version: "1"
                      trace: enabled
                    readTimeout: 300
                    connectTimeout: 0
                """));
        assertModel(m, "{\"type\":\"bedrock\",\"model\":\"anthropic.claude\",\"region\":\"us-west-2\","
                + "\"additional_model_request_fields\":{\"a\":{\"b\":[1,2,\"s\",null],\"y\":true},"
                + "\"big\":12345678901234567000,\"m\":1e-7,\"z\":1.5},\"prompt_caching\":true,\"cache_ttl\":\"1h\","
                + "\"guardrail\":{\"identifier\":\"gr-1\",\"version\":\"1\",\"trace\":\"enabled\"},"
                + "\"read_timeout\":300,\"connect_timeout\":0}");
    }

    @Test
    void bedrockOmittedFields() {
        Manifest m = translate(agent("a"), model("""
                  provider: Bedrock
                  model: m
                  bedrock:
                    region: r
                    additionalModelRequestFields: {}
                    promptCaching: false
                    cacheTTL: ""
                    guardrail:
                      identifier: g
                      version: DRAFT
                """));
        assertModel(m, "{\"type\":\"bedrock\",\"model\":\"m\",\"region\":\"r\","
                + "\"guardrail\":{\"identifier\":\"g\",\"version\":\"DRAFT\"}}");
        Manifest nul = translate(agent("a"), model("""
                  provider: Bedrock
                  model: m
                  bedrock:
                    region: r
                    additionalModelRequestFields: null
                """));
        assertModel(nul, "{\"type\":\"bedrock\",\"model\":\"m\",\"region\":\"r\"}");
    }

    @Test
    void bedrockMissingCredentialsSecret() {
        var errors = failing(agent("a"), model("""
                  provider: Bedrock
                  model: m
                  apiKeySecret: aws
                  bedrock:
                    region: r
                """));
        assertError(errors, "failed to get Bedrock credentials secret: secrets \"aws\" not found");
    }

    // ---------------------------------------------------------------- SAP AI Core

    @Test
    void sapAiCoreAllFields() {
        Manifest m = translate(agent("a"), secret("sap", "client_id", "client_secret"), model("""
                  provider: SAPAICore
                  model: gpt-4o
                  apiKeySecret: sap
                  apiKeySecretKey: ignored
                  sapAICore:
                    baseUrl: https://api.ai.sap
                    resourceGroup: rg
                    authUrl: https://auth.sap
                """));
        assertModel(m, "{\"type\":\"sap_ai_core\",\"model\":\"gpt-4o\",\"base_url\":\"https://api.ai.sap\","
                + "\"resource_group\":\"rg\",\"auth_url\":\"https://auth.sap\"}");
        assertEquals(List.of("SAP_AI_CORE_CLIENT_ID<-secret:sap/client_id",
                "SAP_AI_CORE_CLIENT_SECRET<-secret:sap/client_secret"), modelEnv(m));
    }

    @Test
    void sapAiCoreBaseUrlAlwaysEmittedAndSecretKeysNotChecked() {
        Manifest m = translate(agent("a"), secret("sap"), model("""
                  provider: SAPAICore
                  model: s
                  apiKeySecret: sap
                  sapAICore: {}
                """));
        assertModel(m, "{\"type\":\"sap_ai_core\",\"model\":\"s\",\"base_url\":\"\"}");
        assertEquals(List.of("SAP_AI_CORE_CLIENT_ID<-secret:sap/client_id",
                "SAP_AI_CORE_CLIENT_SECRET<-secret:sap/client_secret"), modelEnv(m));
    }

    @Test
    void sapAiCoreMissingCredentialsSecret() {
        var errors = failing(agent("a"), model("""
                  provider: SAPAICore
                  model: s
                  apiKeySecret: sap
                  sapAICore:
                    baseUrl: https://x
                """));
        assertError(errors, "failed to get SAP AI Core credentials secret: secrets \"sap\" not found");
    }

    // ---------------------------------------------------------------- Foundry

    static String goAgent() {
        return agent("a", "    runtime: go\n");
    }

    @Test
    void foundryInlineEndpoint() {
        Manifest m = translate(goAgent(), model("""
                  provider: Foundry
                  model: gpt-4o
                  apiKeySecret: foundry
                  apiKeySecretKey: key
                  foundry:
                    endpoint: https://f.services.ai.azure.com
                    deployment: dep
                    apiVersion: "2024-10-21"
                    endpointFrom:
                      name: ignored-cm
                      key: endpoint
                """));
        assertModel(m, "{\"type\":\"foundry\",\"model\":\"gpt-4o\",\"endpoint\":\"https://f.services.ai.azure.com\","
                + "\"deployment\":\"dep\",\"api_version\":\"2024-10-21\"}");
        assertEquals(List.of("FOUNDRY_API_KEY<-secret:foundry/key", "FOUNDRY_ENDPOINT=https://f.services.ai.azure.com",
                "FOUNDRY_DEPLOYMENT=dep", "FOUNDRY_API_VERSION=2024-10-21"), modelEnv(m));
        assertEquals("ghcr.io/kagent-dev/kagent/golang-adk:dev", kagentContainer(m).getImage());
    }

    @Test
    void foundryEndpointFromConfigMapAndEmptyStrings() {
        Manifest m = translate(goAgent(), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: foundry-cm
                  namespace: test
                data:
                  endpoint: https://from-cm.example.com
                """, model("""
                  provider: Foundry
                  model: f
                  apiKeyPassthrough: true
                  apiKeySecret: foundry
                  foundry:
                    endpointFrom:
                      name: foundry-cm
                      key: endpoint
                """));
        assertModel(m, "{\"type\":\"foundry\",\"model\":\"f\",\"api_key_passthrough\":true,"
                + "\"endpoint\":\"https://from-cm.example.com\",\"deployment\":\"\",\"api_version\":\"\"}");
        assertEquals(List.of("FOUNDRY_ENDPOINT=https://from-cm.example.com", "FOUNDRY_DEPLOYMENT=",
                "FOUNDRY_API_VERSION="), modelEnv(m));
    }

    @Test
    void foundryOptionalMissingKeyLeavesEndpointUnresolved() {
        var errors = failing(goAgent(), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: foundry-cm
                  namespace: test
                data:
                  other: x
                """, model("""
                  provider: Foundry
                  model: f
                  foundry:
                    deployment: d
                    endpointFrom:
                      name: foundry-cm
                      key: endpoint
                      optional: true
                """));
        assertError(errors, "foundry endpoint could not be resolved: set foundry.endpoint or a foundry.endpointFrom"
                + " whose ConfigMap key exists");
    }

    @Test
    void foundryMissingKeyAndMissingConfigMap() {
        String cm = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: foundry-cm
                  namespace: test
                data:
                  other: x
                """;
        String mc = model("""
                  provider: Foundry
                  model: f
                  foundry:
                    endpointFrom:
                      name: foundry-cm
                      key: endpoint
                """);
        assertError(failing(goAgent(), cm, mc),
                "the Foundry endpoint config map foundry-cm does not contain key \"endpoint\"");
        assertError(failing(goAgent(), mc),
                "failed to get Foundry endpoint config map foundry-cm: configmaps \"foundry-cm\" not found");
    }

    @Test
    void foundryRequiresGoRuntime() {
        String mc = model("""
                  provider: Foundry
                  model: f
                  foundry:
                    endpoint: https://f
                """);
        assertError(failing(agent("a"), mc), "the Foundry model provider requires declarative runtime \"go\"");
        assertError(failing(agent("a", "    runtime: python\n"), mc),
                "the Foundry model provider requires declarative runtime \"go\"");
    }

    // ---------------------------------------------------------------- floats

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.7 | 0.7",
        "1e-7 | 1e-7",
        ".5 | 0.5",
        "+1.5 | 1.5",
        "-0 | -0",
        "0x1p-2 | 0.25",
        "1_000 | 1000",
        "1e21 | 1e+21",
        "100000000000000000000 | 100000000000000000000",
        "0.000001 | 0.000001",
        "0.0000025 | 0.0000025",
        "5e-324 | 5e-324",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
    })
    void parsedFloats(String input, String json) {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: m
                  openAI:
                    temperature: "%s"
                """.formatted(input)));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"m\",\"base_url\":\"\",\"temperature\":" + json + "}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "' 0.5'", "'0.5 '", "1.2.3", "1e400", "0x", "_1"})
    void unparsableFloatsAreOmitted(String input) {
        Manifest m = translate(agent("a"), model("""
                  provider: Anthropic
                  model: m
                  anthropic:
                    topP: "%s"
                """.formatted(input)));
        assertModel(m, "{\"type\":\"anthropic\",\"model\":\"m\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"NaN | NaN", "nan | NaN", "Inf | +Inf", "+Infinity | +Inf", "-inf | -Inf"})
    void nonFiniteFloatsFailTheBuild(String input, String printed) {
        var errors = failing(agent("a"), model("""
                  provider: OpenAI
                  model: m
                  openAI:
                    temperature: "%s"
                """.formatted(input)));
        assertError(errors, "json: unsupported value: " + printed);
    }

    @Test
    void nanInAnEmbeddingModelIsNeverMarshalled() {
        // ModelToEmbeddingConfig drops sampling settings, so Go's json.Marshal never sees the NaN
        Result r = ok(agent("a", """
                    memory:
                      modelConfig: emb
                """), model("""
                  provider: OpenAI
                  model: gpt-4o
                """), """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: emb
                  namespace: test
                spec:
                  provider: OpenAI
                  model: text-embedding-3-small
                  openAI:
                    temperature: "NaN"
                """);
        assertEquals("{\"model\":{\"type\":\"openai\",\"model\":\"gpt-4o\",\"base_url\":\"\"},\"description\":\"\","
                + "\"instruction\":\"Be helpful.\",\"stream\":false,\"memory\":{\"embedding\":{\"provider\":\"openai\","
                + "\"model\":\"text-embedding-3-small\"}}}", config(r));
    }

    // ---------------------------------------------------------------- model TLS (§6.2)

    @Test
    void tlsCaCertificateVolumeComesBeforeProviderVolumes() {
        Manifest m = translate(agent("a"), model("""
                  provider: OpenAI
                  model: m
                  apiKeySecret: gdch
                  apiKeySecretKey: sa.json
                  tls:
                    caCertSecretRef: corp.ca
                    caCertSecretKey: ca.crt
                  openAI:
                    tokenExchange:
                      type: GDCHServiceAccount
                      gdchServiceAccount:
                        audience: aud
                """));
        assertModel(m, "{\"type\":\"openai\",\"model\":\"m\",\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/897dad31/ca.crt\",\"tls_disable_system_cas\":false,"
                + "\"base_url\":\"\",\"token_exchange\":{\"type\":\"GDCHServiceAccount\",\"gdch_service_account\":"
                + "{\"service_account_path\":\"/gdch-creds/sa.json\",\"audience\":\"aud\"}}}");
        assertEquals(List.of("config:secret=a", "tls-ca-897dad31:secret=corp.ca,mode=292",
                "gdch-creds:secret=gdch,mode=292", "kagent-token:projected"), volumes(m));
        assertEquals(List.of("config:/config", "tls-ca-897dad31:/etc/ssl/certs/custom/897dad31:ro",
                "gdch-creds:/gdch-creds:ro", "kagent-token:/var/run/secrets/tokens"), mounts(m));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "corp-ca | ca.crt | corp-ca | /etc/ssl/certs/custom/corp-ca/ca.crt",
        "corp.ca | ca.crt | 897dad31 | /etc/ssl/certs/custom/897dad31/ca.crt",
        "mcp.example.com-tls | ca.crt | b2645842 | /etc/ssl/certs/custom/b2645842/ca.crt",
        "my.cert.bundle | ca.crt | eee77980 | /etc/ssl/certs/custom/eee77980/ca.crt",
        "Corp-CA | ca.crt | 966dbfee | /etc/ssl/certs/custom/966dbfee/ca.crt",
        "ca- | ca.crt | a4a26e87 | /etc/ssl/certs/custom/a4a26e87/ca.crt",
        "a-very-long-secret-name-that-just-exceeds-the-volume-limit-x | ca.crt | c5d20657"
                + " | /etc/ssl/certs/custom/c5d20657/ca.crt",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | ca.crt"
                + " | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                + " | /etc/ssl/certs/custom/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ca.crt",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | ca.crt | f13b2d72"
                + " | /etc/ssl/certs/custom/f13b2d72/ca.crt",
        "corp-ca | sub/../bundle.pem | corp-ca | /etc/ssl/certs/custom/corp-ca/bundle.pem",
        "corp-ca | .. | corp-ca | /etc/ssl/certs/custom",
    })
    void tlsCaPathNaming(String secretName, String key, String id, String certPath) {
        Manifest m = translate(agent("a"), model("""
                  provider: Anthropic
                  model: m
                  tls:
                    caCertSecretRef: "%s"
                    caCertSecretKey: "%s"
                """.formatted(secretName, key)));
        assertModel(m, "{\"type\":\"anthropic\",\"model\":\"m\",\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"" + certPath + "\",\"tls_disable_system_cas\":false}");
        assertEquals(List.of("config:secret=a", "tls-ca-" + id + ":secret=" + secretName + ",mode=292",
                "kagent-token:projected"), volumes(m));
        assertEquals(List.of("config:/config", "tls-ca-" + id + ":/etc/ssl/certs/custom/" + id + ":ro",
                "kagent-token:/var/run/secrets/tokens"), mounts(m));
    }

    @Test
    void tlsDisableVerifyOnlyHasNoPathAndNoVolume() {
        Manifest m = translate(agent("a"), model("""
                  provider: Anthropic
                  model: m
                  apiKeyPassthrough: true
                  tls:
                    disableVerify: true
                """));
        assertModel(m, "{\"type\":\"anthropic\",\"model\":\"m\",\"tls_insecure_skip_verify\":true,"
                + "\"tls_disable_system_cas\":false,\"api_key_passthrough\":true}");
        assertEquals(List.of("config:secret=a", "kagent-token:projected"), volumes(m));
    }

    @Test
    void tlsEmptyBlockEmitsNothing() {
        Manifest m = translate(agent("a"), model("""
                  provider: Gemini
                  model: g
                  tls:
                    disableVerify: false
                    caCertSecretRef: ""
                """));
        assertModel(m, "{\"type\":\"gemini\",\"model\":\"g\"}");
    }

    @Test
    void tlsRefWithoutKeyHasNoPathAndNoVolume() {
        Manifest m = translate(agent("a"), model("""
                  provider: Ollama
                  model: o
                  tls:
                    caCertSecretRef: corp-ca
                    disableSystemCAs: true
                  ollama:
                    host: h
                """));
        assertModel(m, "{\"type\":\"ollama\",\"model\":\"o\",\"tls_insecure_skip_verify\":false,"
                + "\"tls_disable_system_cas\":true}");
        assertEquals(List.of("config:secret=a", "kagent-token:projected"), volumes(m));
    }

    @Test
    void tlsSharedSecretBetweenChatAndEmbeddingModelsMountsOnce() {
        Result r = ok(agent("a", """
                    memory:
                      modelConfig: emb
                """), model("""
                  provider: OpenAI
                  model: chat
                  tls:
                    caCertSecretRef: corp-ca
                    caCertSecretKey: ca.crt
                """), """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: emb
                  namespace: test
                spec:
                  provider: GeminiVertexAI
                  model: text-embedding-005
                  apiKeySecret: gcp
                  apiKeySecretKey: k.json
                  tls:
                    caCertSecretRef: corp-ca
                    caCertSecretKey: bundle.pem
                  geminiVertexAI:
                    projectID: p
                    location: l
                """);
        Manifest m = manifest(r, "a");
        assertEquals(List.of("config:secret=a", "tls-ca-corp-ca:secret=corp-ca,mode=292", "google-creds:secret=gcp",
                "kagent-token:projected"), volumes(m));
        assertEquals(List.of("config:/config", "tls-ca-corp-ca:/etc/ssl/certs/custom/corp-ca:ro",
                "google-creds:/creds", "kagent-token:/var/run/secrets/tokens"), mounts(m));
        assertEquals(List.of("GOOGLE_CLOUD_PROJECT=p", "GOOGLE_CLOUD_LOCATION=l", "GOOGLE_GENAI_USE_VERTEXAI=true",
                "GOOGLE_APPLICATION_CREDENTIALS=/creds/k.json"), modelEnv(m));
        // the embedding's TLS, headers and sampling settings never reach memory
        assertEquals("{\"model\":{\"type\":\"openai\",\"model\":\"chat\",\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/corp-ca/ca.crt\",\"tls_disable_system_cas\":false,"
                + "\"base_url\":\"\"},\"description\":\"\",\"instruction\":\"Be helpful.\",\"stream\":false,"
                + "\"memory\":{\"embedding\":{\"provider\":\"gemini_vertex_ai\",\"model\":\"text-embedding-005\"}}}",
                config(m));
    }

    // ---------------------------------------------------------------- merging / embedding

    @Test
    void embeddingAzureFillsEndpointDeploymentApiVersionAndDedupesEnvByName() {
        Result r = ok(agent("a", """
                    memory:
                      modelConfig: emb
                      ttlDays: 7
                """), model("""
                  provider: AzureOpenAI
                  model: x
                  apiKeySecret: chat-secret
                  apiKeySecretKey: k
                  azureOpenAI:
                    azureEndpoint: https://chat.azure
                    apiVersion: v1
                    azureDeployment: chat
                """), """
                apiVersion: kagent.dev/v1alpha2
                kind: ModelConfig
                metadata:
                  name: emb
                  namespace: test
                spec:
                  provider: AzureOpenAI
                  model: y
                  apiKeySecret: emb-secret
                  apiKeySecretKey: k
                  azureOpenAI:
                    azureEndpoint: https://emb.azure
                    apiVersion: v2
                    azureDeployment: embed
                    azureAdToken: t
                """);
        Manifest m = manifest(r, "a");
        assertEquals(List.of("AZURE_OPENAI_API_KEY<-secret:chat-secret/k", "OPENAI_API_VERSION=v1",
                "AZURE_OPENAI_ENDPOINT=https://chat.azure", "AZURE_AD_TOKEN=t"), modelEnv(m));
        String cfg = config(m);
        assertEquals(true, cfg.endsWith(",\"stream\":false,\"memory\":{\"ttl_days\":7,\"embedding\":{\"provider\":"
                + "\"azure_openai\",\"model\":\"embed\",\"endpoint\":\"https://emb.azure\",\"deployment\":\"embed\","
                + "\"api_version\":\"v2\"}}}"), cfg);
    }
}
