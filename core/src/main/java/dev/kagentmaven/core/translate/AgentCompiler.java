package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * kagent's CompileAgent: validates Agent tool chains, builds the AgentConfig (config.json) for
 * Declarative and BYO agents, the agent card, model deployment data and status-hash bytes
 * (agent-config.md §0, §5.1–§5.5). Errors are reported step by step so one run shows every
 * independent problem; an agent with any error produces no objects.
 */
final class AgentCompiler {

    /** Everything the manifest builder needs from compilation. */
    record Compiled(ObjectNode config, ObjectNode card, DeploymentData data, byte[] secretHashBytes,
                    Skills.Plan skills) {
    }

    private final Context ctx;

    AgentCompiler(Context ctx) {
        this.ctx = ctx;
    }

    /** Compiles one agent; returns null when an error was reported. */
    Compiled compile(Node agent) {
        long errorsBefore = ctx.problems.errorCount();
        Node spec = agent.obj("spec");
        String type = spec.str("type");
        Skills.Plan skills = Skills.plan(agent, ctx.options);
        Compiled result = null;
        if (!step(() -> AgentRefs.validate(ctx, agent))) {
            return null;
        }
        if (type.equals("Declarative")) {
            if (!spec.obj("declarative").present()) {
                agent.obj("spec").error("spec", "declarative must be specified if type is Declarative, or byo must"
                        + " be specified if type is BYO");
                return null;
            }
            result = declarative(agent, skills);
        } else if (type.equals("BYO")) {
            if (!spec.obj("byo").present()) {
                agent.obj("spec").error("spec", "declarative must be specified if type is Declarative, or byo must"
                        + " be specified if type is BYO");
                return null;
            }
            ObjectNode cfg = Json.obj();
            cfg.putNull("model");
            cfg.put("description", spec.str("description"));
            cfg.put("instruction", "");
            result = new Compiled(cfg, AgentCard.build(agent), new DeploymentData(), new byte[0], skills);
        } else {
            spec.child("type").error("agent-type", "unknown agent type: " + type
                    + " (expected Declarative or BYO)");
        }
        return ctx.problems.errorCount() > errorsBefore ? null : result;
    }

    private Compiled declarative(Node agent, Skills.Plan skills) {
        Node spec = agent.obj("spec");
        Node decl = spec.obj("declarative");
        String ns = ObjectIndex.namespaceOf(agent);
        ModelTranslation models = new ModelTranslation(ctx);
        DeploymentData data = new DeploymentData();
        ByteArrayOutputStream hash = new ByteArrayOutputStream();
        ObjectNode[] model = {null};
        step(() -> {
            ModelTranslation.Model m = models.translate(ns, decl.str("modelConfig"), decl.child("modelConfig"));
            requireGo(agent, m.type(), decl.child("modelConfig"));
            model[0] = m.json();
            data.merge(m.data());
            hash.writeBytes(m.secretHash());
        });
        String[] instruction = {""};
        step(() -> {
            instruction[0] = new SystemMessage(ctx).raw(agent);
        });
        ObjectNode cfg = Json.obj();
        cfg.set("model", model[0]);
        cfg.put("description", spec.str("description"));
        cfg.put("instruction", instruction[0]);
        ObjectNode context = attempt(() -> contextConfig(agent, models, model[0], data, hash));
        ObjectNode memory = attempt(() -> memory(agent, models, data, hash));
        Tools.Out tools = new Tools.Out();
        boolean toolsOk = step(() -> new Tools(ctx).translate(agent, data, tools));
        setIfNotEmpty(cfg, "http_tools", tools.httpTools);
        setIfNotEmpty(cfg, "sse_tools", tools.sseTools);
        setIfNotEmpty(cfg, "remote_agents", tools.remoteAgents);
        cfg.put("stream", decl.bool("stream"));
        if (memory != null) {
            cfg.set("memory", memory);
        }
        Node network = spec.obj("sandbox").obj("network");
        if (network.present()) {
            ObjectNode n = Json.obj();
            List<String> domains = network.strList("allowedDomains");
            if (!domains.isEmpty()) {
                n.set("allowed_domains", Json.strings(domains));
            }
            cfg.set("network", n);
        }
        if (context != null) {
            cfg.set("context_config", context);
        }
        if (decl.bool("shareTools")) {
            cfg.put("share_tools", true);
        }
        if (toolsOk && model[0] != null) {
            step(() -> {
                cfg.put("instruction", new SystemMessage(ctx).template(agent, instruction[0],
                        SystemMessage.toolNames(tools), skills.skillNames()));
            });
        }
        hash.writeBytes(tools.hash.toByteArray());
        return new Compiled(cfg, AgentCard.build(agent), data, hash.toByteArray(), skills);
    }

    private ObjectNode contextConfig(Node agent, ModelTranslation models, ObjectNode model, DeploymentData data,
                                     ByteArrayOutputStream hash) {
        Node decl = agent.obj("spec").obj("declarative");
        Node context = decl.obj("context");
        if (!context.present()) {
            return null;
        }
        ObjectNode out = Json.obj();
        Node comp = context.obj("compaction");
        if (!comp.present()) {
            return out;
        }
        ObjectNode c = Json.obj();
        ModelTranslation.putPointer(c, "compaction_interval", comp, "compactionInterval");
        ModelTranslation.putPointer(c, "overlap_size", comp, "overlapSize");
        Node summarizer = comp.obj("summarizer");
        String promptTemplate = "";
        if (summarizer.present()) {
            promptTemplate = summarizer.str("promptTemplate");
            String name = summarizer.str("modelConfig");
            if (name.isEmpty() || name.equals(decl.str("modelConfig"))) {
                if (model != null) {
                    c.set("summarizer_model", model.deepCopy());
                }
            } else {
                ModelTranslation.Model m;
                try {
                    m = models.translate(ObjectIndex.namespaceOf(agent), name, summarizer.child("modelConfig"));
                } catch (TranslationException e) {
                    throw e.wrap("failed to translate summarizer model config \"" + name + "\"");
                }
                requireGo(agent, m.type(), summarizer.child("modelConfig"));
                c.set("summarizer_model", m.json());
                data.merge(m.data());
                hash.writeBytes(m.secretHash());
            }
        }
        if (!promptTemplate.isEmpty()) {
            c.put("prompt_template", promptTemplate);
        }
        ModelTranslation.putPointer(c, "token_threshold", comp, "tokenThreshold");
        ModelTranslation.putPointer(c, "event_retention_size", comp, "eventRetentionSize");
        out.set("compaction", c);
        return out;
    }

    private ObjectNode memory(Node agent, ModelTranslation models, DeploymentData data, ByteArrayOutputStream hash) {
        Node decl = agent.obj("spec").obj("declarative");
        Node memory = decl.obj("memory");
        if (!memory.present()) {
            return null;
        }
        String name = memory.str("modelConfig");
        ModelTranslation.Model m;
        try {
            m = models.translate(ObjectIndex.namespaceOf(agent), name, memory.child("modelConfig"));
        } catch (TranslationException e) {
            throw e.wrap("failed to resolve embedding config");
        }
        requireGo(agent, m.type(), memory.child("modelConfig"));
        ObjectNode out = Json.obj();
        long ttl = memory.integer("ttlDays");
        if (ttl != 0) {
            out.put("ttl_days", ttl);
        }
        out.set("embedding", ModelTranslation.embedding(m));
        data.merge(m.data());
        if (!name.equals(decl.str("modelConfig"))) {
            hash.writeBytes(m.secretHash());
        }
        return out;
    }

    /** Foundry needs the Go runtime (agent-config.md §10). */
    private static void requireGo(Node agent, String modelType, Node at) {
        if (modelType.equals("foundry") && !Runtime.of(agent).equals("go")) {
            throw new TranslationException("foundry-runtime",
                    "the Foundry model provider requires declarative runtime \"go\"", at.origin());
        }
    }

    private static void setIfNotEmpty(ObjectNode o, String key, com.fasterxml.jackson.databind.node.ArrayNode a) {
        if (!a.isEmpty()) {
            o.set(key, a);
        }
    }

    /** Runs a step; a TranslationException becomes an error diagnostic. Returns false on error. */
    private boolean step(Runnable r) {
        try {
            r.run();
            return true;
        } catch (TranslationException e) {
            ctx.problems.error(e.code(), e.getMessage(), e.origin());
            return false;
        }
    }

    /** Like {@link #step(Runnable)} for a step with a value; null on error. */
    private <T> T attempt(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (TranslationException e) {
            ctx.problems.error(e.code(), e.getMessage(), e.origin());
            return null;
        }
    }
}
