package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The agent Deployment's pod template (agent-manifests.md §6). */
final class PodTemplate {
    private final Context ctx;
    private final Node agent;
    private final AgentCompiler.Compiled compiled;
    private final Node dep;
    private final boolean byo;
    private final String name;

    PodTemplate(Context ctx, Node agent, AgentCompiler.Compiled compiled, Node dep) {
        this.ctx = ctx;
        this.agent = agent;
        this.compiled = compiled;
        this.dep = dep;
        this.byo = agent.obj("spec").str("type").equals("BYO");
        this.name = ObjectIndex.nameOf(agent);
    }

    ObjectNode build(Map<String, String> labels, String configHash, String serviceAccount, boolean srt) {
        Map<String, String> ann = new LinkedHashMap<>(dep.strMap("annotations"));
        ann.put(Manifests.HASH_ANNOTATION, configHash);
        ObjectNode meta = Json.obj();
        meta.set("labels", Json.stringMap(labels));
        meta.set("annotations", Json.stringMap(ann));
        Skills.Plan skills = compiled.skills();
        ObjectNode spec = Json.obj();
        if (!serviceAccount.isEmpty()) {
            spec.put("serviceAccountName", serviceAccount);
        }
        Manifests.setIfPresent(spec, "imagePullSecrets", pullSecrets());
        Manifests.setIfPresent(spec, "securityContext", PassThrough.of(dep.child("podSecurityContext"),
                "*v1.PodSecurityContext"));
        if (skills.hasRefs()) {
            spec.set("initContainers", Json.of(skills.initContainer()));
        }
        ArrayNode containers = Json.of(mainContainer(skills, srt));
        JsonNode extra = PassThrough.of(dep.child("extraContainers"), "[]v1.Container");
        if (extra != null) {
            validateExtraContainers(extra);
            extra.forEach(containers::add);
        }
        spec.set("containers", containers);
        spec.set("volumes", volumes(skills));
        Manifests.setIfPresent(spec, "tolerations", PassThrough.of(dep.child("tolerations"), "[]v1.Toleration"));
        Manifests.setIfPresent(spec, "affinity", PassThrough.of(dep.child("affinity"), "*v1.Affinity"));
        Map<String, String> nodeSelector = new LinkedHashMap<>(ctx.options.defaultAgentNodeSelector());
        nodeSelector.putAll(dep.strMap("nodeSelector"));
        Manifests.putMap(spec, "nodeSelector", nodeSelector);
        Manifests.setIfPresent(spec, "topologySpreadConstraints", PassThrough.of(
                dep.child("topologySpreadConstraints"), "[]v1.TopologySpreadConstraint"));
        ObjectNode template = Json.obj();
        template.set("metadata", meta);
        template.set("spec", spec);
        return template;
    }

    private ArrayNode pullSecrets() {
        ArrayNode out = Json.arr();
        JsonNode user = PassThrough.of(dep.child("imagePullSecrets"), "[]v1.LocalObjectReference");
        if (user != null) {
            user.forEach(out::add);
        }
        String controller = ctx.options.imagePullSecret();
        if (!byo && !controller.isEmpty()) {
            boolean present = false;
            for (JsonNode s : out) {
                present |= s.path("name").asText().equals(controller);
            }
            if (!present) {
                out.add(Json.obj().put("name", controller));
            }
        }
        return out;
    }

    private void validateExtraContainers(JsonNode extra) {
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode c : extra) {
            String n = c.path("name").asText();
            Node at = dep.child("extraContainers").child(Integer.toString(i++));
            if (n.equals("kagent")) {
                at.error("extra-container", "extraContainers: \"kagent\" is a reserved container name");
            } else if (!seen.add(n)) {
                at.error("extra-container", "extraContainers: duplicate container name \"" + n + "\"");
            }
        }
    }

    private ObjectNode mainContainer(Skills.Plan skills, boolean srt) {
        ObjectNode c = Json.obj();
        c.put("name", "kagent");
        if (byo) {
            byoImage(c);
        } else {
            c.put("image", image(agent.obj("spec").obj("skills").present()));
            c.put("imagePullPolicy", pullPolicy(Runtime.isGo(agent) ? ctx.options.goImagePullPolicy()
                    : ctx.options.imagePullPolicy()));
            c.set("args", Json.strings(java.util.List.of("--host", ctx.options.defaultAgentBindHost(), "--port",
                    "8080", "--filepath", "/config")));
        }
        c.set("ports", Json.of(Json.obj().put("name", "http").put("containerPort", 8080)));
        c.set("env", env(skills, srt));
        Manifests.setIfPresent(c, "envFrom", PassThrough.of(dep.child("envFrom"), "[]v1.EnvFromSource"));
        JsonNode resources = PassThrough.of(dep.child("resources"), "*v1.ResourceRequirements");
        c.set("resources", resources != null && resources.isObject() ? resources : defaultResources());
        c.set("readinessProbe", probe());
        JsonNode sc = PassThrough.of(dep.child("securityContext"), "*v1.SecurityContext");
        if (sc != null && sc.isObject()) {
            ObjectNode copy = (ObjectNode) sc.deepCopy();
            JsonNode escalation = copy.path("allowPrivilegeEscalation");
            boolean explicitlyFalse = escalation.isBoolean() && !escalation.booleanValue();
            if (skills.hasRefs() && !explicitlyFalse) {
                copy.put("privileged", true);
            }
            c.set("securityContext", copy);
        } else if (skills.hasRefs()) {
            c.set("securityContext", Json.obj().put("privileged", true));
        }
        c.set("volumeMounts", mounts(skills));
        return c;
    }

    private void byoImage(ObjectNode c) {
        String image = dep.str("image");
        if (!dep.present()) {
            dep.error("byo-deployment", "BYO deployment spec is required");
        } else if (image.isEmpty()) {
            dep.error("byo-image", "image is required for BYO deployment");
        }
        c.put("image", image);
        c.put("imagePullPolicy", pullPolicy(ctx.options.imagePullPolicy()));
        String cmd = dep.str("cmd");
        if (!cmd.isEmpty()) {
            c.set("command", Json.strings(java.util.List.of(cmd)));
        }
        java.util.List<String> args = dep.strList("args");
        if (!args.isEmpty()) {
            c.set("args", Json.strings(args));
        }
        dep.optStr("workingDir").ifPresent(w -> c.put("workingDir", w));
    }

    private String pullPolicy(String runtimeDefault) {
        String p = dep.str("imagePullPolicy");
        return p.isEmpty() ? runtimeDefault : p;
    }

    /** §6.4: {@code <registry>/<repository>:<tag>[-full]}. */
    private String image(boolean full) {
        Options o = ctx.options;
        boolean go = Runtime.isGo(agent);
        String registry = dep.str("imageRegistry");
        if (registry.isEmpty()) {
            registry = go ? o.goImageRegistry() : o.imageRegistry();
        }
        String repo = go ? o.goImageRepository() : o.imageRepository();
        String tag = go ? o.goImageTag() : o.imageTag();
        return registry + "/" + repo + ":" + tag + (full ? "-full" : "");
    }

    private ArrayNode env(Skills.Plan skills, boolean srt) {
        ArrayNode env = Json.arr();
        JsonNode user = PassThrough.of(dep.child("env"), "[]v1.EnvVar");
        if (user != null) {
            user.forEach(env::add);
        }
        compiled.data().env.forEach(env::add);
        ctx.options.otelEnv().forEach((k, v) -> {
            if (k.startsWith("OTEL_")) {
                env.add(Json.env(k, v));
            }
        });
        ObjectNode ns = Json.obj();
        ns.put("name", "KAGENT_NAMESPACE");
        ns.set("valueFrom", Json.obj().set("fieldRef", Json.obj().put("fieldPath", "metadata.namespace")));
        env.add(ns);
        env.add(Json.env("KAGENT_NAME", name));
        env.add(Json.env("KAGENT_URL", "http://" + ctx.options.controllerName() + "."
                + ctx.options.controllerNamespace() + ":8083"));
        if (!ctx.options.uiUrl().isEmpty()) {
            env.add(Json.env("KAGENT_UI_URL", ctx.options.uiUrl()));
        }
        if (skills.hasRefs()) {
            env.add(Json.env("KAGENT_SKILLS_FOLDER", "/skills"));
        }
        if (srt) {
            env.add(Json.env("KAGENT_SRT_SETTINGS_PATH", "/config/srt-settings.json"));
        }
        return env;
    }

    private static ObjectNode defaultResources() {
        ObjectNode r = Json.obj();
        r.set("limits", Json.obj().put("cpu", "2000m").put("memory", "1Gi"));
        r.set("requests", Json.obj().put("cpu", "100m").put("memory", "384Mi"));
        return r;
    }

    private ObjectNode probe() {
        boolean go = Runtime.isGo(agent);
        ObjectNode p = Json.obj();
        p.set("httpGet", Json.obj().put("path", "/.well-known/agent-card.json").put("port", "http"));
        p.put("initialDelaySeconds", go ? 1 : 15);
        p.put("timeoutSeconds", go ? 5 : 15);
        p.put("periodSeconds", go ? 1 : 15);
        return p;
    }

    private ArrayNode volumes(Skills.Plan skills) {
        ArrayNode v = Json.arr();
        v.add(Json.obj().put("name", "config").set("secret", Json.obj().put("secretName", name)));
        JsonNode user = PassThrough.of(dep.child("volumes"), "[]v1.Volume");
        if (user != null) {
            user.forEach(v::add);
        }
        compiled.data().volumes.forEach(v::add);
        skills.volumes().forEach(v::add);
        ObjectNode token = Json.obj();
        token.put("audience", "kagent");
        token.put("expirationSeconds", 3600);
        token.put("path", "kagent-token");
        ObjectNode projected = Json.obj().set("sources", Json.of(Json.obj().set("serviceAccountToken", token)));
        v.add(Json.obj().put("name", "kagent-token").set("projected", projected));
        return v;
    }

    private ArrayNode mounts(Skills.Plan skills) {
        ArrayNode m = Json.arr();
        m.add(Json.mount("config", "/config", false));
        JsonNode user = PassThrough.of(dep.child("volumeMounts"), "[]v1.VolumeMount");
        if (user != null) {
            user.forEach(m::add);
        }
        compiled.data().mounts.forEach(m::add);
        if (skills.hasRefs()) {
            m.add(Json.mount("kagent-skills", "/skills", true));
        }
        m.add(Json.mount("kagent-token", "/var/run/secrets/tokens", false));
        return m;
    }
}
