package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.List;

/** agent-card.json: the A2A 1.0 card kagent builds from the Agent spec (agent-config.md §7). */
final class AgentCard {
    private AgentCard() {
    }

    static ObjectNode build(Node agent) {
        String name = ObjectIndex.nameOf(agent);
        String ns = ObjectIndex.namespaceOf(agent);
        Node spec = agent.obj("spec");
        ObjectNode card = Json.obj();
        ObjectNode iface = Json.obj();
        iface.put("url", "http://" + name + "." + ns + ":8080");
        iface.put("protocolBinding", "JSONRPC");
        iface.put("protocolVersion", "1.0");
        card.set("supportedInterfaces", Json.of(iface));
        ObjectNode ext = Json.obj();
        ext.put("description", "Human in the loop for tool approval, ask user, and nested subagents");
        ext.put("uri", "https://kagent.dev/extensions/hitl/v1");
        ObjectNode caps = Json.obj();
        caps.set("extensions", Json.of(ext));
        caps.put("streaming", true);
        card.set("capabilities", caps);
        card.set("defaultInputModes", Json.strings(List.of("text")));
        card.set("defaultOutputModes", Json.strings(List.of("text")));
        card.put("description", spec.str("description"));
        putIfSet(card, "documentationUrl", spec.str("documentationUrl"));
        putIfSet(card, "iconUrl", spec.str("iconUrl"));
        card.put("name", name.replace("-", "_"));
        Node provider = spec.obj("provider");
        if (provider.present()) {
            ObjectNode p = Json.obj();
            p.put("organization", provider.str("organization"));
            p.put("url", provider.str("url"));
            card.set("provider", p);
        }
        card.set("skills", skills(spec));
        card.put("version", spec.str("version"));
        return card;
    }

    private static ArrayNode skills(Node spec) {
        ArrayNode out = Json.arr();
        Node decl = spec.obj("declarative");
        if (!spec.str("type").equals("Declarative") || !decl.obj("a2aConfig").present()) {
            return out;
        }
        for (Node s : decl.obj("a2aConfig").list("skills")) {
            ObjectNode o = Json.obj();
            o.put("description", s.str("description"));
            putList(o, "examples", s.strList("examples"));
            o.put("id", s.str("id"));
            putList(o, "inputModes", s.strList("inputModes"));
            o.put("name", s.str("name"));
            putList(o, "outputModes", s.strList("outputModes"));
            List<String> tags = s.strList("tags");
            if (s.has("tags")) {
                o.set("tags", Json.strings(tags));
            } else {
                o.putNull("tags");
            }
            out.add(o);
        }
        return out;
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (!value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static void putList(ObjectNode o, String key, List<String> values) {
        if (!values.isEmpty()) {
            o.set(key, Json.strings(values));
        }
    }
}
