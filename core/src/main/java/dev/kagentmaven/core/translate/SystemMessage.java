package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.go.GoTemplate;
import dev.kagentmaven.core.go.GoTemplateException;
import dev.kagentmaven.core.go.GoTemplateFunction;
import dev.kagentmaven.core.go.GoTemplateStruct;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The instruction: systemMessageFrom / systemMessage, then prompt templating (agent-config.md §5.3). */
final class SystemMessage {
    private final Context ctx;

    SystemMessage(Context ctx) {
        this.ctx = ctx;
    }

    /** The raw (untemplated) system message. */
    String raw(Node agent) {
        Node decl = agent.obj("spec").obj("declarative");
        Node from = decl.obj("systemMessageFrom");
        if (from.present()) {
            return new ValueSources(ctx).resolve(from, ObjectIndex.namespaceOf(agent));
        }
        String msg = decl.str("systemMessage");
        if (!msg.isEmpty()) {
            return msg;
        }
        throw new TranslationException("system-message", "at least one system message source (SystemMessage or"
                + " SystemMessageFrom) must be specified", decl.origin());
    }

    /** Applies {@code promptTemplate.dataSources} when any are given; otherwise returns {@code raw} unchanged. */
    String template(Node agent, String raw, List<String> toolNames, List<String> skillNames) {
        Node decl = agent.obj("spec").obj("declarative");
        List<Node> sources = decl.obj("promptTemplate").list("dataSources");
        if (sources.isEmpty()) {
            return raw;
        }
        String ns = ObjectIndex.namespaceOf(agent);
        Map<String, String> lookup = lookup(sources, ns);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("AgentName", ObjectIndex.nameOf(agent));
        data.put("AgentNamespace", ns);
        data.put("Description", agent.obj("spec").str("description"));
        data.put("ToolNames", toolNames);
        data.put("SkillNames", skillNames);
        GoTemplateFunction include = args -> {
            String path = String.valueOf(args.get(0));
            String v = lookup.get(path);
            if (v == null) {
                throw new IllegalArgumentException("prompt template \"" + path + "\" not found in promptSources,"
                        + " available: [" + String.join(" ", new TreeMap<>(lookup).keySet()) + "]");
            }
            return v;
        };
        String prefix = "failed to execute system message template: ";
        GoTemplate tmpl;
        try {
            tmpl = GoTemplate.parse("systemMessage", raw, Map.of("include", include));
        } catch (GoTemplateException e) {
            throw new TranslationException("prompt-template", prefix + "failed to parse system message template: "
                    + detail(decl, e), decl.origin("systemMessage"));
        }
        try {
            // kagent executes with the struct agent.PromptTemplateContext (field order as declared there)
            return tmpl.execute(new GoTemplateStruct("agent.PromptTemplateContext", data));
        } catch (GoTemplateException e) {
            throw new TranslationException("prompt-template", prefix + "failed to execute system message template: "
                    + detail(decl, e), decl.origin("systemMessage"));
        }
    }

    /** Go's error text, unless the template came from a Secret: its text must never reach a log line. */
    private static String detail(Node decl, GoTemplateException e) {
        Node from = decl.obj("systemMessageFrom");
        if (from.present() && from.str("type").equals("Secret")) {
            return "template from Secret " + from.str("name") + " is invalid (details withheld: the text is secret)";
        }
        return e.getMessage();
    }

    private Map<String, String> lookup(List<Node> sources, String ns) {
        Map<String, String> lookup = new LinkedHashMap<>();
        for (Node src : sources) {
            String name = src.str("name");
            String id = src.str("alias").isEmpty() ? name : src.str("alias");
            Optional<Node> cm = ctx.find(Kind.CONFIG_MAP, ns, name);
            if (cm.isEmpty()) {
                throw new TranslationException("not-found", "failed to resolve prompt sources: failed to resolve prompt"
                        + " source \"" + name + "\": failed to find ConfigMap " + ns + "/" + name + ": configmaps \""
                        + name + "\" not found", src.origin());
            }
            for (Map.Entry<String, String> e : new TreeMap<>(cm.get().strMap("data")).entrySet()) {
                String key = id + "/" + e.getKey();
                if (lookup.containsKey(key)) {
                    throw new TranslationException("prompt-template", "failed to resolve prompt sources: duplicate"
                            + " prompt template identifier \"" + key + "\" from prompt source \"" + name + "\" (kind=\""
                            + src.str("kind") + "\", apiGroup=\"" + src.str("apiGroup") + "\")", src.origin());
                }
                lookup.put(key, e.getValue());
            }
        }
        return lookup;
    }

    /** {@code .ToolNames}: every http tool's names, then every sse tool's (agent-config.md §5.3). */
    static List<String> toolNames(Tools.Out tools) {
        List<String> names = new ArrayList<>();
        tools.httpTools.forEach(t -> t.path("tools").forEach(n -> names.add(n.asText())));
        tools.sseTools.forEach(t -> t.path("tools").forEach(n -> names.add(n.asText())));
        return names;
    }
}
