package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * kmcp's transport-adapter config ({@code local.yaml}, agentgateway's LocalConfig) for one MCPServer
 * and its config hash (mcpserver.md §3.5). The tree holds exactly the fields kmcp's Go structs write
 * (omitempty applied); the text is what sigs.k8s.io/yaml v1.4.0 makes of it.
 *
 * @param yaml the {@code local.yaml} text
 * @param hash the pod-template annotation value: first 8 lowercase hex digits of SHA-256 of {@code yaml}
 */
record AdapterConfig(String yaml, String hash) {

    /** stdio target: the adapter runs {@code cmd args} with {@code env}. */
    static AdapterConfig stdio(String name, long port, String cmd, List<String> args, Map<String, String> env) {
        ObjectNode stdio = Json.obj();
        stdio.put("cmd", cmd);
        if (!args.isEmpty()) {
            stdio.set("args", Json.strings(args));
        }
        if (!env.isEmpty()) {
            ObjectNode e = Json.obj();
            env.forEach(e::put);
            stdio.set("env", e);
        }
        return of(name, port, "stdio", stdio);
    }

    /** http target: the adapter would proxy to {@code localhost:targetPort path} (unused by kmcp's http pods). */
    static AdapterConfig http(String name, long port, long targetPort, String path) {
        ObjectNode sse = Json.obj();
        sse.put("host", "localhost");
        sse.put("port", targetPort);
        sse.put("path", path);
        return of(name, port, "sse", sse);
    }

    private static AdapterConfig of(String name, long port, String targetKind, ObjectNode targetSpec) {
        ObjectNode target = Json.obj();
        target.put("name", name);
        target.set(targetKind, targetSpec);
        ObjectNode mcp = Json.obj();
        mcp.set("targets", Json.of(target));
        ObjectNode backend = Json.obj();
        backend.put("weight", 100);
        backend.set("mcp", mcp);
        ArrayNode matches = Json.arr();
        for (String prefix : List.of("/sse", "/mcp")) {
            matches.add(Json.obj().set("path", Json.obj().put("pathPrefix", prefix)));
        }
        ObjectNode route = Json.obj();
        route.put("name", "mcp");
        route.set("matches", matches);
        route.set("backends", Json.of(backend));
        ObjectNode listener = Json.obj();
        listener.put("name", "default");
        listener.put("protocol", "HTTP");
        listener.set("routes", Json.of(route));
        ObjectNode bind = Json.obj();
        bind.put("port", port);
        bind.set("listeners", Json.of(listener));
        ObjectNode config = Json.obj();
        config.set("config", Json.obj());
        config.set("binds", Json.of(bind));
        String yaml = AdapterConfigYaml.write(config);
        return new AdapterConfig(yaml, hash(yaml));
    }

    static String hash(String yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
