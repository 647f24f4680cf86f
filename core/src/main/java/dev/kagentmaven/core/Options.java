package dev.kagentmaven.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable translator settings. Every field mirrors a kagent controller flag or environment
 * variable (agent-manifests.md §13) or a product option; defaults are kagent's, except
 * {@link #imageTag()}, whose default is the kagent release the translator mirrors.
 * Build with {@link #builder()}.
 */
public final class Options {

    /** The kagent release whose translator this library mirrors (reference commit e312b83). */
    public static final String KAGENT_RELEASE = "0.10.0-rc1";

    /** How {@code tls_ca_cert_path} is emitted for MCPServer client-certificate Secrets (mcpserver.md §7.6). */
    public enum TlsClientSecretCa { AUTO, ALWAYS, NEVER }

    private final Set<String> agents;
    private final String defaultModelConfig;
    private final String proxyUrl;
    private final String defaultServiceAccountName;
    private final String imageRegistry;
    private final String imageRepository;
    private final String imageTag;
    private final String imagePullPolicy;
    private final String imagePullSecret;
    private final String goImageRegistry;
    private final String goImageRepository;
    private final String goImageTag;
    private final String goImagePullPolicy;
    private final String skillsInitImageRegistry;
    private final String skillsInitImageRepository;
    private final String skillsInitImageTag;
    private final Map<String, String> defaultAgentPodLabels;
    private final Map<String, String> defaultAgentNodeSelector;
    private final String defaultAgentBindHost;
    private final String controllerName;
    private final String controllerNamespace;
    private final String uiUrl;
    private final Map<String, String> otelEnv;
    private final boolean mcpEgressPlaintext;
    private final boolean renderMcpServers;
    private final boolean failOnValidationError;
    private final String transportAdapterVersion;
    private final boolean kgatewayMcpAppProtocol;
    private final boolean emitOwnerReferences;
    private final boolean failOnMissingTlsSecret;
    private final TlsClientSecretCa tlsClientSecretCa;

    private Options(Builder b) {
        this.agents = Collections.unmodifiableSet(new LinkedHashSet<>(b.agents));
        this.defaultModelConfig = b.defaultModelConfig;
        this.proxyUrl = b.proxyUrl;
        this.defaultServiceAccountName = b.defaultServiceAccountName;
        this.imageRegistry = b.imageRegistry;
        this.imageRepository = b.imageRepository;
        this.imageTag = b.imageTag;
        this.imagePullPolicy = b.imagePullPolicy;
        this.imagePullSecret = b.imagePullSecret;
        this.goImageRegistry = b.goImageRegistry;
        this.goImageRepository = b.goImageRepository;
        this.goImageTag = b.goImageTag;
        this.goImagePullPolicy = b.goImagePullPolicy;
        this.skillsInitImageRegistry = b.skillsInitImageRegistry;
        this.skillsInitImageRepository = b.skillsInitImageRepository;
        this.skillsInitImageTag = b.skillsInitImageTag;
        this.defaultAgentPodLabels = Collections.unmodifiableMap(new TreeMap<>(b.defaultAgentPodLabels));
        this.defaultAgentNodeSelector = Collections.unmodifiableMap(new TreeMap<>(b.defaultAgentNodeSelector));
        this.defaultAgentBindHost = b.defaultAgentBindHost;
        this.controllerName = b.controllerName;
        this.controllerNamespace = b.controllerNamespace;
        this.uiUrl = b.uiUrl;
        this.otelEnv = Collections.unmodifiableMap(new TreeMap<>(b.otelEnv));
        this.mcpEgressPlaintext = b.mcpEgressPlaintext;
        this.renderMcpServers = b.renderMcpServers;
        this.failOnValidationError = b.failOnValidationError;
        this.transportAdapterVersion = b.transportAdapterVersion;
        this.kgatewayMcpAppProtocol = b.kgatewayMcpAppProtocol;
        this.emitOwnerReferences = b.emitOwnerReferences;
        this.failOnMissingTlsSecret = b.failOnMissingTlsSecret;
        this.tlsClientSecretCa = b.tlsClientSecretCa;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this instance's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.agents.addAll(agents);
        b.defaultModelConfig = defaultModelConfig;
        b.proxyUrl = proxyUrl;
        b.defaultServiceAccountName = defaultServiceAccountName;
        b.imageRegistry = imageRegistry;
        b.imageRepository = imageRepository;
        b.imageTag = imageTag;
        b.imagePullPolicy = imagePullPolicy;
        b.imagePullSecret = imagePullSecret;
        b.goImageRegistry = goImageRegistry;
        b.goImageRepository = goImageRepository;
        b.goImageTag = goImageTag;
        b.goImagePullPolicy = goImagePullPolicy;
        b.skillsInitImageRegistry = skillsInitImageRegistry;
        b.skillsInitImageRepository = skillsInitImageRepository;
        b.skillsInitImageTag = skillsInitImageTag;
        b.defaultAgentPodLabels.putAll(defaultAgentPodLabels);
        b.defaultAgentNodeSelector.putAll(defaultAgentNodeSelector);
        b.defaultAgentBindHost = defaultAgentBindHost;
        b.controllerName = controllerName;
        b.controllerNamespace = controllerNamespace;
        b.uiUrl = uiUrl;
        b.otelEnv.putAll(otelEnv);
        b.mcpEgressPlaintext = mcpEgressPlaintext;
        b.renderMcpServers = renderMcpServers;
        b.failOnValidationError = failOnValidationError;
        b.transportAdapterVersion = transportAdapterVersion;
        b.kgatewayMcpAppProtocol = kgatewayMcpAppProtocol;
        b.emitOwnerReferences = emitOwnerReferences;
        b.failOnMissingTlsSecret = failOnMissingTlsSecret;
        b.tlsClientSecretCa = tlsClientSecretCa;
        return b;
    }

    /** Agents to render as {@code namespace/name}; empty means every Agent in the inputs. */
    public Set<String> agents() { return agents; }
    /** Default ModelConfig {@code namespace/name}; accepted for parity, unused by kagent's translator. */
    public String defaultModelConfig() { return defaultModelConfig; }
    /** Global proxy URL ({@code --proxy-url}); empty disables proxy routing. */
    public String proxyUrl() { return proxyUrl; }
    /** {@code --default-service-account-name}; empty means each agent gets its own ServiceAccount. */
    public String defaultServiceAccountName() { return defaultServiceAccountName; }
    public String imageRegistry() { return imageRegistry; }
    public String imageRepository() { return imageRepository; }
    public String imageTag() { return imageTag; }
    public String imagePullPolicy() { return imagePullPolicy; }
    /** {@code --image-pull-secret}: appended to Declarative agents' imagePullSecrets when non-empty. */
    public String imagePullSecret() { return imagePullSecret; }
    public String goImageRegistry() { return goImageRegistry; }
    public String goImageRepository() { return goImageRepository; }
    /** Go runtime image tag; defaults to {@link #imageTag()}. */
    public String goImageTag() { return goImageTag == null ? imageTag : goImageTag; }
    public String goImagePullPolicy() { return goImagePullPolicy; }
    public String skillsInitImageRegistry() { return skillsInitImageRegistry; }
    public String skillsInitImageRepository() { return skillsInitImageRepository; }
    /** skills-init image tag; defaults to {@link #imageTag()}. */
    public String skillsInitImageTag() { return skillsInitImageTag == null ? imageTag : skillsInitImageTag; }
    /** {@code --default-agent-pod-labels}, sorted by key. */
    public Map<String, String> defaultAgentPodLabels() { return defaultAgentPodLabels; }
    /** {@code --default-agent-node-selector}, sorted by key. */
    public Map<String, String> defaultAgentNodeSelector() { return defaultAgentNodeSelector; }
    public String defaultAgentBindHost() { return defaultAgentBindHost; }
    /** Controller env {@code KAGENT_CONTROLLER_NAME}. */
    public String controllerName() { return controllerName; }
    /** Controller env {@code KAGENT_NAMESPACE}. */
    public String controllerNamespace() { return controllerNamespace; }
    /** Controller env {@code KAGENT_UI_URL}; empty means no {@code KAGENT_UI_URL} env var. */
    public String uiUrl() { return uiUrl; }
    /** {@code OTEL_*} variables the controller would copy into agent pods (keys not starting with OTEL_ are ignored). */
    public Map<String, String> otelEnv() { return otelEnv; }
    /** {@code --mcp-egress-plaintext}. */
    public boolean mcpEgressPlaintext() { return mcpEgressPlaintext; }
    /** Also render every MCPServer's own workload as kmcp v0.3.0 would (mcpserver.md §3); off by default. */
    public boolean renderMcpServers() { return renderMcpServers; }
    /** Whether an emitted object that violates the Kubernetes schema is an error (default) or a warning. */
    public boolean failOnValidationError() { return failOnValidationError; }
    /** kmcp controller env {@code TRANSPORT_ADAPTER_VERSION}; empty means kmcp's default adapter image. */
    public String transportAdapterVersion() { return transportAdapterVersion; }
    /** kmcp's {@code appProtocol: kgateway.dev/mcp} on MCPServer Services (env {@code DISABLE_KGATEWAY_MCP_APP_PROTOCOL} negated). */
    public boolean kgatewayMcpAppProtocol() { return kgatewayMcpAppProtocol; }
    /** Add kagent-style owner references (requires {@code metadata.uid} on the Agent). */
    public boolean emitOwnerReferences() { return emitOwnerReferences; }
    /** Fail (E8) instead of warning (W1) when an MCPServer client-certificate Secret is not among the inputs. */
    public boolean failOnMissingTlsSecret() { return failOnMissingTlsSecret; }
    public TlsClientSecretCa tlsClientSecretCa() { return tlsClientSecretCa; }

    /**
     * Every setting as text, one {@code name=value} line per setting in a fixed order; two
     * {@code Options} with the same settings give the same text. Meant for fingerprints such as the
     * Maven plugin's up-to-date check: the translation is a function of the inputs and this text.
     * Backslashes, line feeds and carriage returns inside values are escaped.
     */
    public String canonicalForm() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("agents=").append(agents.size());
        for (String agent : agents) {
            sb.append(' ').append(entryEscape(agent));
        }
        sb.append('\n');
        line(sb, "defaultModelConfig", defaultModelConfig);
        line(sb, "proxyUrl", proxyUrl);
        line(sb, "defaultServiceAccountName", defaultServiceAccountName);
        line(sb, "imageRegistry", imageRegistry);
        line(sb, "imageRepository", imageRepository);
        line(sb, "imageTag", imageTag);
        line(sb, "imagePullPolicy", imagePullPolicy);
        line(sb, "imagePullSecret", imagePullSecret);
        line(sb, "goImageRegistry", goImageRegistry);
        line(sb, "goImageRepository", goImageRepository);
        line(sb, "goImageTag", goImageTag());
        line(sb, "goImagePullPolicy", goImagePullPolicy);
        line(sb, "skillsInitImageRegistry", skillsInitImageRegistry);
        line(sb, "skillsInitImageRepository", skillsInitImageRepository);
        line(sb, "skillsInitImageTag", skillsInitImageTag());
        map(sb, "defaultAgentPodLabels", defaultAgentPodLabels);
        map(sb, "defaultAgentNodeSelector", defaultAgentNodeSelector);
        line(sb, "defaultAgentBindHost", defaultAgentBindHost);
        line(sb, "controllerName", controllerName);
        line(sb, "controllerNamespace", controllerNamespace);
        line(sb, "uiUrl", uiUrl);
        map(sb, "otelEnv", otelEnv);
        line(sb, "mcpEgressPlaintext", String.valueOf(mcpEgressPlaintext));
        line(sb, "renderMcpServers", String.valueOf(renderMcpServers));
        line(sb, "failOnValidationError", String.valueOf(failOnValidationError));
        line(sb, "transportAdapterVersion", transportAdapterVersion);
        line(sb, "kgatewayMcpAppProtocol", String.valueOf(kgatewayMcpAppProtocol));
        line(sb, "emitOwnerReferences", String.valueOf(emitOwnerReferences));
        line(sb, "failOnMissingTlsSecret", String.valueOf(failOnMissingTlsSecret));
        line(sb, "tlsClientSecretCa", tlsClientSecretCa.name());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(name).append('=').append(escape(value)).append('\n');
    }

    private static void map(StringBuilder sb, String name, Map<String, String> values) {
        sb.append(name).append('=').append(values.size());
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append(' ').append(entryEscape(e.getKey())).append(':').append(entryEscape(e.getValue()));
        }
        sb.append('\n');
    }

    /** {@link #escape} plus spaces and colons, which separate map entries and their parts. */
    private static String entryEscape(String value) {
        return escape(value).replace(" ", "\\s").replace(":", "\\c");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Mutable builder; every setter treats {@code null} as "reset to the default". */
    public static final class Builder {
        private final Set<String> agents = new LinkedHashSet<>();
        private String defaultModelConfig = "";
        private String proxyUrl = "";
        private String defaultServiceAccountName = "";
        private String imageRegistry = "ghcr.io";
        private String imageRepository = "kagent-dev/kagent/app";
        private String imageTag = KAGENT_RELEASE;
        private String imagePullPolicy = "IfNotPresent";
        private String imagePullSecret = "";
        private String goImageRegistry = "ghcr.io";
        private String goImageRepository = "kagent-dev/kagent/golang-adk";
        private String goImageTag = null; // null: same as imageTag
        private String goImagePullPolicy = "IfNotPresent";
        private String skillsInitImageRegistry = "ghcr.io";
        private String skillsInitImageRepository = "kagent-dev/kagent/skills-init";
        private String skillsInitImageTag = null; // null: same as imageTag
        private final Map<String, String> defaultAgentPodLabels = new TreeMap<>();
        private final Map<String, String> defaultAgentNodeSelector = new TreeMap<>();
        private String defaultAgentBindHost = "0.0.0.0";
        private String controllerName = "kagent-controller";
        private String controllerNamespace = "kagent";
        private String uiUrl = "";
        private final Map<String, String> otelEnv = new TreeMap<>();
        private boolean mcpEgressPlaintext;
        private boolean renderMcpServers;
        private boolean failOnValidationError = true;
        private String transportAdapterVersion = "";
        private boolean kgatewayMcpAppProtocol = true;
        private boolean emitOwnerReferences;
        private boolean failOnMissingTlsSecret;
        private TlsClientSecretCa tlsClientSecretCa = TlsClientSecretCa.AUTO;

        private Builder() {
        }

        private static String or(String v, String dflt) {
            return v == null ? dflt : v;
        }

        public Builder agents(Iterable<String> values) {
            agents.clear();
            if (values != null) {
                for (String v : values) {
                    if (v != null && !v.isBlank()) {
                        agents.add(v.trim());
                    }
                }
            }
            return this;
        }

        public Builder defaultModelConfig(String v) { defaultModelConfig = or(v, ""); return this; }
        public Builder proxyUrl(String v) { proxyUrl = or(v, ""); return this; }
        public Builder defaultServiceAccountName(String v) { defaultServiceAccountName = or(v, ""); return this; }
        public Builder imageRegistry(String v) { imageRegistry = or(v, "ghcr.io"); return this; }
        public Builder imageRepository(String v) { imageRepository = or(v, "kagent-dev/kagent/app"); return this; }
        public Builder imageTag(String v) { imageTag = or(v, KAGENT_RELEASE); return this; }
        public Builder imagePullPolicy(String v) { imagePullPolicy = or(v, "IfNotPresent"); return this; }
        public Builder imagePullSecret(String v) { imagePullSecret = or(v, ""); return this; }
        public Builder goImageRegistry(String v) { goImageRegistry = or(v, "ghcr.io"); return this; }
        public Builder goImageRepository(String v) { goImageRepository = or(v, "kagent-dev/kagent/golang-adk"); return this; }
        /** Go runtime image tag; {@code null} means "same as {@link #imageTag(String)}". */
        public Builder goImageTag(String v) { goImageTag = v; return this; }
        public Builder goImagePullPolicy(String v) { goImagePullPolicy = or(v, "IfNotPresent"); return this; }
        public Builder skillsInitImageRegistry(String v) { skillsInitImageRegistry = or(v, "ghcr.io"); return this; }
        public Builder skillsInitImageRepository(String v) { skillsInitImageRepository = or(v, "kagent-dev/kagent/skills-init"); return this; }
        /** skills-init image tag; {@code null} means "same as {@link #imageTag(String)}". */
        public Builder skillsInitImageTag(String v) { skillsInitImageTag = v; return this; }
        public Builder defaultAgentPodLabels(Map<String, String> v) { defaultAgentPodLabels.clear(); if (v != null) { defaultAgentPodLabels.putAll(v); } return this; }
        public Builder defaultAgentNodeSelector(Map<String, String> v) { defaultAgentNodeSelector.clear(); if (v != null) { defaultAgentNodeSelector.putAll(v); } return this; }
        public Builder defaultAgentBindHost(String v) { defaultAgentBindHost = or(v, "0.0.0.0"); return this; }
        public Builder controllerName(String v) { controllerName = or(v, "kagent-controller"); return this; }
        public Builder controllerNamespace(String v) { controllerNamespace = or(v, "kagent"); return this; }
        public Builder uiUrl(String v) { uiUrl = or(v, ""); return this; }
        public Builder otelEnv(Map<String, String> v) { otelEnv.clear(); if (v != null) { otelEnv.putAll(v); } return this; }
        public Builder mcpEgressPlaintext(boolean v) { mcpEgressPlaintext = v; return this; }
        public Builder renderMcpServers(boolean v) { renderMcpServers = v; return this; }
        public Builder failOnValidationError(boolean v) { failOnValidationError = v; return this; }
        public Builder transportAdapterVersion(String v) { transportAdapterVersion = or(v, ""); return this; }
        public Builder kgatewayMcpAppProtocol(boolean v) { kgatewayMcpAppProtocol = v; return this; }
        public Builder emitOwnerReferences(boolean v) { emitOwnerReferences = v; return this; }
        public Builder failOnMissingTlsSecret(boolean v) { failOnMissingTlsSecret = v; return this; }
        public Builder tlsClientSecretCa(TlsClientSecretCa v) { tlsClientSecretCa = v == null ? TlsClientSecretCa.AUTO : v; return this; }

        public Options build() {
            Objects.requireNonNull(tlsClientSecretCa);
            return new Options(this);
        }
    }
}
