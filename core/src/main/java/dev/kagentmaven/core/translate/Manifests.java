package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.go.GoJson;
import dev.kagentmaven.core.go.GoJsonException;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kagent's BuildManifest: config Secret, ServiceAccount, skills-init ConfigMap, Deployment, Service,
 * as Go-shaped JSON trees in emission order (agent-manifests.md §1–§8).
 */
final class Manifests {
    static final String HASH_ANNOTATION = "kagent.dev/config-hash";

    private final Context ctx;
    private final Node agent;
    private final AgentCompiler.Compiled compiled;
    private final String name;
    private final String ns;
    private final Node dep;

    Manifests(Context ctx, Node agent, AgentCompiler.Compiled compiled) {
        this.ctx = ctx;
        this.agent = agent;
        this.compiled = compiled;
        this.name = ObjectIndex.nameOf(agent);
        this.ns = ObjectIndex.namespaceOf(agent);
        this.dep = DeploymentSpecs.of(agent);
    }

    /** The objects in emission order; null when a manifest-level error was reported. */
    List<ObjectNode> build() {
        long errorsBefore = ctx.problems.errorCount();
        String config;
        String card;
        try {
            config = GoJson.write(compiled.config());
            card = GoJson.write(compiled.card());
        } catch (GoJsonException e) {
            // kagent's json.Marshal failure (NaN/±Inf reaches a float field) aborts the agent
            agent.obj("spec").obj("declarative").child("modelConfig").error("json-marshal", e.getMessage()
                    + " (a ModelConfig float parameter such as temperature parses to NaN or infinity)");
            return null;
        }
        String srt = needsSrt() ? srtSettings() : "";
        Skills.Plan skills = compiled.skills();
        String skillsInit = skills.hasRefs() ? GoJson.write(skills.initConfig()) : "";
        byte[] secretHash = compiled.secretHashBytes();
        String hash = ConfigHash.compute(config, card, secretHash, srt, skillsInit);

        List<ObjectNode> out = new ArrayList<>();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("config.json", config);
        data.put("agent-card.json", card);
        if (!srt.isEmpty()) {
            data.put("srt-settings.json", srt);
        }
        ObjectNode secret = object("v1", "Secret", objectMeta(agentAnnotations()));
        secret.set("stringData", Json.stringMap(data));
        out.add(secret);
        String sa = serviceAccountName();
        if (sa.equals(name)) {
            out.add(serviceAccount());
        }
        if (skills.hasRefs()) {
            ObjectNode meta = Json.obj();
            meta.put("name", name + "-skills-init");
            meta.put("namespace", ns);
            ObjectNode cm = object("v1", "ConfigMap", meta);
            cm.set("data", Json.obj().put("config.json", skillsInit));
            out.add(cm);
        }
        PodTemplate pod = new PodTemplate(ctx, agent, compiled, dep);
        out.add(deployment(pod.build(podLabels(), hash, sa, !srt.isEmpty())));
        out.add(service());
        if (ctx.options.emitOwnerReferences()) {
            addOwnerReferences(out);
        }
        return ctx.problems.errorCount() > errorsBefore ? null : out;
    }

    private boolean needsSrt() {
        Node spec = agent.obj("spec");
        if (spec.str("type").equals("BYO")) {
            return spec.obj("sandbox").present();
        }
        return spec.obj("skills").present();
    }

    private String srtSettings() {
        ObjectNode fs = Json.obj();
        fs.set("allowWrite", Json.strings(List.of(".", "/tmp")));
        fs.set("denyRead", Json.arr());
        fs.set("denyWrite", Json.arr());
        ObjectNode net = Json.obj();
        net.set("allowedDomains", Json.strings(agent.obj("spec").obj("sandbox").obj("network").strList("allowedDomains")));
        net.set("deniedDomains", Json.arr());
        ObjectNode o = Json.obj();
        o.set("filesystem", fs);
        o.set("network", net);
        return GoJson.write(o);
    }

    /** §4: deployment.serviceAccountName (even ""), else the global default, else the agent name. */
    String serviceAccountName() {
        if (dep.child("serviceAccountName").present()) {
            return dep.str("serviceAccountName");
        }
        String dflt = ctx.options.defaultServiceAccountName();
        return dflt.isEmpty() ? name : dflt;
    }

    private ObjectNode serviceAccount() {
        Node sac = dep.obj("serviceAccountConfig");
        Map<String, String> labels = podLabels();
        labels.putAll(sac.strMap("labels"));
        Map<String, String> ann = agentAnnotations();
        ann.putAll(sac.strMap("annotations"));
        ObjectNode meta = Json.obj();
        meta.put("name", name);
        meta.put("namespace", ns);
        putMap(meta, "labels", labels);
        putMap(meta, "annotations", ann);
        return object("v1", "ServiceAccount", meta);
    }

    private ObjectNode deployment(ObjectNode template) {
        Map<String, String> ann = agentAnnotations();
        ann.putAll(dep.strMap("deploymentAnnotations"));
        ObjectNode spec = Json.obj();
        dep.optInt("replicas").ifPresent(r -> {
            if (r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE) { // out of int32: reported by the input checks
                spec.put("replicas", r);
            }
        });
        spec.set("selector", Json.obj().set("matchLabels", Json.stringMap(selectorLabels())));
        ObjectNode rolling = Json.obj();
        rolling.put("maxUnavailable", 0);
        rolling.put("maxSurge", 1);
        ObjectNode strategy = Json.obj();
        strategy.put("type", "RollingUpdate");
        strategy.set("rollingUpdate", rolling);
        spec.set("strategy", strategy);
        spec.set("template", template);
        ObjectNode d = object("apps/v1", "Deployment", objectMeta(ann));
        d.set("spec", spec);
        return d;
    }

    private ObjectNode service() {
        ObjectNode port = Json.obj();
        port.put("name", "http");
        port.put("port", 8080);
        port.put("targetPort", 8080);
        Node spec = agent.obj("spec");
        if (spec.str("type").equals("BYO")
                || spec.obj("declarative").present() && spec.obj("declarative").child("a2aConfig").present()) {
            port.put("appProtocol", "kgateway.dev/a2a");
        }
        ObjectNode s = Json.obj();
        s.set("selector", Json.stringMap(selectorLabels()));
        s.set("ports", Json.of(port));
        s.put("type", "ClusterIP");
        ObjectNode svc = object("v1", "Service", objectMeta(agentAnnotations()));
        svc.set("spec", s);
        return svc;
    }

    private void addOwnerReferences(List<ObjectNode> objects) {
        String uid = agent.obj("metadata").str("uid");
        if (uid.isEmpty()) {
            agent.obj("metadata").error("owner-uid", "emitOwnerReferences is on but Agent " + ns + "/" + name
                    + " has no metadata.uid; an owner reference with an empty uid is rejected by the API server");
            return;
        }
        for (ObjectNode o : objects) {
            ObjectNode ref = Json.obj();
            ref.put("apiVersion", "kagent.dev/v1alpha2");
            ref.put("kind", "Agent");
            ref.put("name", name);
            ref.put("uid", uid);
            ref.put("controller", true);
            ref.put("blockOwnerDeletion", true);
            ((ObjectNode) o.get("metadata")).set("ownerReferences", Json.of(ref));
        }
    }

    Map<String, String> selectorLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("app", "kagent");
        m.put("kagent", name);
        return m;
    }

    /** §2.2: selector labels, then built-in, controller default and spec labels copied over. */
    Map<String, String> podLabels() {
        Map<String, String> m = selectorLabels();
        m.put("app.kubernetes.io/managed-by", "kagent");
        m.put("app.kubernetes.io/part-of", "kagent");
        m.put("app.kubernetes.io/name", name);
        m.putAll(ctx.options.defaultAgentPodLabels());
        m.putAll(dep.strMap("labels"));
        return m;
    }

    private Map<String, String> agentAnnotations() {
        return new LinkedHashMap<>(agent.obj("metadata").strMap("annotations"));
    }

    private ObjectNode objectMeta(Map<String, String> annotations) {
        ObjectNode meta = Json.obj();
        meta.put("name", name);
        meta.put("namespace", ns);
        putMap(meta, "labels", podLabels());
        putMap(meta, "annotations", annotations);
        return meta;
    }

    static void putMap(ObjectNode o, String key, Map<String, String> m) {
        if (!m.isEmpty()) {
            o.set(key, Json.stringMap(m));
        }
    }

    private static ObjectNode object(String apiVersion, String kind, ObjectNode meta) {
        ObjectNode o = Json.obj();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.set("metadata", meta);
        return o;
    }

    static void setIfPresent(ObjectNode o, String key, JsonNode v) {
        if (v != null && !(v instanceof ArrayNode a && a.isEmpty())) {
            o.set(key, v);
        }
    }
}
