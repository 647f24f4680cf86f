package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.Locale;
import java.util.Map;

/** A core Service used as an MCP tool → internal RemoteMCPServer (agent-config.md §5.5, kagent's ConvertServiceToRemoteMCPServer). */
final class ServiceTool {
    static final String PORT_ANNOTATION = "kagent.dev/mcp-service-port";
    static final String PROTOCOL_ANNOTATION = "kagent.dev/mcp-service-protocol";
    static final String PATH_ANNOTATION = "kagent.dev/mcp-service-path";

    private ServiceTool() {
    }

    static Tools.Remote convert(Node svc) {
        Map<String, String> ann = svc.obj("metadata").strMap("annotations");
        long port = 0;
        String protocol = "STREAMABLE_HTTP";
        String path = "/mcp";
        if (ann.containsKey(PORT_ANNOTATION)) {
            String p = ann.get(PORT_ANNOTATION);
            try {
                port = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new TranslationException("service-port", "port in annotation " + PORT_ANNOTATION
                        + " is not a valid integer: strconv.ParseInt: parsing \"" + p + "\": "
                        + (p.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"),
                        svc.obj("metadata").obj("annotations").origin(PORT_ANNOTATION));
            }
        }
        if (ann.containsKey(PROTOCOL_ANNOTATION)) {
            String p = ann.get(PROTOCOL_ANNOTATION);
            protocol = p.equals("SSE") || p.equals("STREAMABLE_HTTP") ? p : "STREAMABLE_HTTP";
        }
        if (ann.containsKey(PATH_ANNOTATION)) {
            path = ann.get(PATH_ANNOTATION);
        }
        String name = ObjectIndex.nameOf(svc);
        if (port == 0) {
            port = portFromSpec(svc);
        }
        if (port == 0) {
            throw new TranslationException("service-port", "no port found for service " + name
                    + " with protocol " + protocol, svc.origin());
        }
        String ns = ObjectIndex.namespaceOf(svc);
        return new Tools.Remote(ns, "http://" + name + "." + ns + ":" + port + path, protocol, null, null, null,
                svc, false, null);
    }

    private static long portFromSpec(Node svc) {
        var ports = svc.obj("spec").list("ports");
        if (ports.size() == 1) {
            return ports.get(0).integer("port");
        }
        for (Node p : ports) {
            if (p.str("appProtocol").toLowerCase(Locale.ROOT).equals("mcp")) {
                return p.integer("port");
            }
        }
        return 0;
    }
}
