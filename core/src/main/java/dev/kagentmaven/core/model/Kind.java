package dev.kagentmaven.core.model;

/** The input kinds the translator understands, with the apiVersion each must carry. */
public enum Kind {
    AGENT("kagent.dev/v1alpha2", "Agent"),
    MODEL_CONFIG("kagent.dev/v1alpha2", "ModelConfig"),
    REMOTE_MCP_SERVER("kagent.dev/v1alpha2", "RemoteMCPServer"),
    MCP_SERVER("kagent.dev/v1alpha1", "MCPServer"),
    SECRET("v1", "Secret"),
    CONFIG_MAP("v1", "ConfigMap"),
    SERVICE("v1", "Service"),
    NAMESPACE("v1", "Namespace");

    private final String apiVersion;
    private final String kind;

    Kind(String apiVersion, String kind) {
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    public String apiVersion() { return apiVersion; }
    public String kind() { return kind; }

    /** The kind for this apiVersion/kind pair, or null when not one of ours. */
    public static Kind of(String apiVersion, String kind) {
        for (Kind k : values()) {
            if (k.apiVersion.equals(apiVersion) && k.kind.equals(kind)) {
                return k;
            }
        }
        return null;
    }

    /** True when {@code kind} names one of ours with another apiVersion (worth a warning). */
    public static boolean isOurKindWithOtherVersion(String apiVersion, String kind) {
        for (Kind k : values()) {
            if (k.kind.equals(kind) && !k.apiVersion.equals(apiVersion) && k != NAMESPACE
                    && (apiVersion.startsWith("kagent.dev/") || k.apiVersion.equals("v1") && apiVersion.equals("v1"))) {
                return true;
            }
        }
        return false;
    }
}
