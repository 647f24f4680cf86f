package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.go.GoJson;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One MCPServer rendered as kmcp v0.3.0's transport-adapter translator renders it (mcpserver.md §3):
 * Deployment, Service, ConfigMap ({@code local.yaml}) and, without {@code deployment.serviceAccountName},
 * a ServiceAccount, as Go-shaped JSON trees. kmcp's translation errors (§3.7) abort the server with
 * kmcp's message, located at the offending input node; inputs that kmcp could never see (the API
 * server or kmcp's decoder would reject them) are reported as errors too.
 */
final class McpServerWorkload {
    static final String HASH_ANNOTATION = "kmcp.kagent.dev/mcpserver-config-hash";
    static final String UVX_IMAGE = "ghcr.io/astral-sh/uv:debian";
    static final String NPX_IMAGE = "node:24-alpine3.21";
    static final String APP_PROTOCOL = "kgateway.dev/mcp";

    private static final String DEPLOYMENT_ERROR = "failed to translate TransportAdapter deployment: ";
    private static final String CONFIG_ERROR = DEPLOYMENT_ERROR + "failed to translate MCP server config: ";
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final List<String> PULL_POLICIES = List.of("Always", "Never", "IfNotPresent");

    private final Context ctx;
    private final Node server;
    private final String adapterImage;
    private final String name;
    private final String ns;
    private final Node spec;
    private final Node dep;

    McpServerWorkload(Context ctx, Node server, String adapterImage) {
        this.ctx = ctx;
        this.server = server;
        this.adapterImage = adapterImage;
        this.name = ObjectIndex.nameOf(server);
        this.ns = ObjectIndex.namespaceOf(server);
        this.spec = server.obj("spec");
        this.dep = spec.obj("deployment");
    }

    /** The fields kmcp's translator reads, decoded as its Go types would be. */
    private record Spec(String transport, String image, String pullPolicy, long port, String cmd, List<String> args,
            Map<String, String> env, JsonNode secretRefs, JsonNode configMapRefs, JsonNode volumeMounts,
            JsonNode volumes, boolean hasInit, String initImage, String initPullPolicy, JsonNode initResources,
            JsonNode initSecurityContext, Map<String, String> saAnnotations, Map<String, String> saLabels,
            String serviceAccountName, JsonNode sidecars, Map<String, String> labels, Map<String, String> annotations,
            JsonNode resources, JsonNode securityContext, JsonNode podSecurityContext, JsonNode tolerations,
            JsonNode affinity, Map<String, String> nodeSelector, OptionalLong replicas, JsonNode imagePullSecrets,
            boolean hasHttpTransport, long targetPort, String path, String uid) {
    }

    /**
     * The translated objects, or null when a problem was reported.
     *
     * @throws TranslationException for kmcp's own translation errors
     */
    Draft build() {
        long errorsBefore = ctx.problems.errorCount();
        checkNames();
        if (ctx.problems.errorCount() > errorsBefore) {
            return null;
        }
        Spec s = read();
        if (ctx.problems.errorCount() > errorsBefore || hasErrorsInside()) {
            return null;
        }
        String image = mainImage(s);
        AdapterConfig config = adapterConfig(s);
        List<ObjectNode> trees = new ArrayList<>();
        trees.add(deployment(s, image, config.hash()));
        trees.add(service(s));
        trees.add(configMap(config.yaml()));
        if (s.serviceAccountName().isEmpty()) {
            trees.add(serviceAccount(s));
        }
        if (ctx.options.emitOwnerReferences()) {
            if (s.uid().isEmpty()) {
                server.obj("metadata").error("owner-uid", "emitOwnerReferences is on but MCPServer " + ns + "/" + name
                        + " has no metadata.uid; an owner reference with an empty uid is rejected by the API server");
                return null;
            }
            for (ObjectNode o : trees) {
                ObjectNode ref = Json.obj();
                ref.put("apiVersion", "kagent.dev/v1alpha1");
                ref.put("kind", "MCPServer");
                ref.put("name", name);
                ref.put("uid", s.uid());
                ((ObjectNode) o.get("metadata")).set("ownerReferences", Json.of(ref));
            }
        }
        return new Draft(Manifest.Kind.MCP_SERVER, ns, name, trees);
    }

    // ---- input checks ----

    private void checkNames() {
        Node meta = server.obj("metadata");
        if ((ns.length() > 63 || !DNS1123_LABEL.matcher(ns).matches()) && !reported("name", meta.child("namespace"))) {
            meta.child("namespace").error("name", "MCPServer namespace must be a DNS-1123 label (lowercase letters,"
                    + " digits and '-', at most 63 characters): " + ns + "/" + name);
        }
        if ((name.length() > 63 || !DNS1035_LABEL.matcher(name).matches()) && !reported("name", meta.child("name"))) {
            meta.child("name").error("name", "MCPServer name must be a DNS-1035 label (lowercase letters, digits and"
                    + " '-', starting with a letter, at most 63 characters) because kmcp names its Service after it: "
                    + ns + "/" + name);
        }
        if (ctx.find(Kind.AGENT, ns, name).isPresent()) {
            meta.child("name").error("name-clash", "MCPServer " + ns + "/" + name + " and Agent " + ns + "/" + name
                    + " would both own the Deployment and Service " + ns + "/" + name
                    + " (kmcp and kagent would overwrite each other); rename one of them");
        }
        String fileAgent = "mcpserver-" + name;
        if (ctx.find(Kind.AGENT, ns, fileAgent).isPresent()
                && (ctx.options.agents().isEmpty() || ctx.options.agents().contains(ns + "/" + fileAgent))) {
            meta.child("name").error("name-clash", "MCPServer " + ns + "/" + name + " would be written to "
                    + ns + "/" + fileAgent + ".yaml, the output file of Agent " + ns + "/" + fileAgent
                    + "; rename one of them");
        }
    }

    /**
     * True when an error is already located inside this MCPServer (e.g. the input checks found a value
     * kmcp's decoder rejects): kmcp would never see the object, so its own errors would only be noise.
     */
    private boolean hasErrorsInside() {
        dev.kagentmaven.core.Origin root = server.origin();
        return ctx.problems.list().stream().anyMatch(d -> d.isError()
                && d.origin().source().equals(root.source()) && d.origin().document() == root.document()
                && (d.origin().path().equals(root.path()) || d.origin().path().startsWith(root.path() + "/")));
    }

    /** One problem, one diagnostic: the input checks may have reported this node already. */
    private boolean reported(String code, Node at) {
        dev.kagentmaven.core.Origin origin = at.origin();
        return ctx.problems.list().stream().anyMatch(d -> d.isError() && d.code().equals(code)
                && d.origin().equals(origin));
    }

    private Spec read() {
        Node http = spec.obj("httpTransport");
        Node init = dep.obj("initContainer");
        Node sa = dep.obj("serviceAccount");
        String pullPolicy = enumValue(dep, "imagePullPolicy");
        String initPullPolicy = enumValue(init, "imagePullPolicy");
        if (sa.present() && dep.child("serviceAccountName").present()) {
            dep.error("crd-validation", "spec.deployment: Invalid value: \"object\": serviceAccount and"
                    + " serviceAccountName are mutually exclusive");
        }
        long port = ranged(dep, "port", 0, 0xFFFFL);
        long targetPort = ranged(http, "targetPort", 0, 0xFFFFFFFFL);
        long replicaCount = ranged(dep, "replicas", Integer.MIN_VALUE, Integer.MAX_VALUE);
        OptionalLong replicas = dep.child("replicas").present() ? OptionalLong.of(replicaCount) : OptionalLong.empty();
        return new Spec(
                spec.str("transportType"),
                dep.str("image"),
                pullPolicy,
                port,
                dep.str("cmd"),
                dep.strList("args"),
                dep.strMap("env"),
                PassThrough.of(dep.child("secretRefs"), "[]v1.LocalObjectReference"),
                PassThrough.of(dep.child("configMapRefs"), "[]v1.LocalObjectReference"),
                PassThrough.of(dep.child("volumeMounts"), "[]v1.VolumeMount"),
                PassThrough.of(dep.child("volumes"), "[]v1.Volume"),
                init.present(),
                init.str("image"),
                initPullPolicy,
                PassThrough.of(init.child("resources"), "*v1.ResourceRequirements"),
                PassThrough.of(init.child("securityContext"), "*v1.SecurityContext"),
                sa.strMap("annotations"),
                sa.strMap("labels"),
                dep.str("serviceAccountName"),
                PassThrough.of(dep.child("sidecars"), "[]v1.Container"),
                dep.strMap("labels"),
                dep.strMap("annotations"),
                PassThrough.of(dep.child("resources"), "*v1.ResourceRequirements"),
                PassThrough.of(dep.child("securityContext"), "*v1.SecurityContext"),
                PassThrough.of(dep.child("podSecurityContext"), "*v1.PodSecurityContext"),
                PassThrough.of(dep.child("tolerations"), "[]v1.Toleration"),
                PassThrough.of(dep.child("affinity"), "*v1.Affinity"),
                dep.strMap("nodeSelector"),
                replicas,
                PassThrough.of(dep.child("imagePullSecrets"), "[]v1.LocalObjectReference"),
                http.present(),
                targetPort,
                http.str("path"),
                server.obj("metadata").str("uid"));
    }

    /** A pull-policy field: the CRD enum (the API server rejects anything else). */
    private static String enumValue(Node parent, String field) {
        java.util.Optional<String> value = parent.optStr(field);
        if (value.isEmpty()) {
            return "";
        }
        String v = value.get();
        if (!PULL_POLICIES.contains(v)) {
            parent.child(field).error("crd-validation", field + ": Unsupported value: \"" + v
                    + "\": supported values: \"Always\", \"Never\", \"IfNotPresent\"");
        }
        return v;
    }

    /**
     * A sized Go integer field (port uint16, targetPort uint32, replicas int32): out-of-range values pass
     * the CRD but fail kmcp's decoder, so kmcp never sees the object. Reported as a type error (once:
     * the input checks report the same node the same way).
     */
    private static long ranged(Node parent, String field, long min, long max) {
        OptionalLong v = parent.optInt(field);
        if (v.isEmpty()) {
            return 0;
        }
        long x = v.getAsLong();
        if (x < min || x > max) {
            parent.typeError(parent.child(field), "an integer from " + min + " to " + max);
            return 0;
        }
        return x;
    }

    // ---- kmcp's translation (errors in kmcp's evaluation order) ----

    private String mainImage(Spec s) {
        if (!s.image().isEmpty()) {
            return s.image();
        }
        if (s.cmd().equals("uvx")) {
            return UVX_IMAGE;
        }
        if (s.cmd().equals("npx")) {
            return NPX_IMAGE;
        }
        throw new TranslationException("kmcp-image", DEPLOYMENT_ERROR + "image must be specified for MCPServer " + name
                + " or the command must be 'uvx' or 'npx'", at(dep, "image"));
    }

    private AdapterConfig adapterConfig(Spec s) {
        if (s.port() == 0) {
            throw new TranslationException("kmcp-port", CONFIG_ERROR + "deployment port must be specified for MCPServer "
                    + name, at(dep, "port"));
        }
        switch (s.transport()) {
            case "stdio":
                checkYamlCharacters(dep, "cmd", s.cmd());
                for (int i = 0; i < s.args().size(); i++) {
                    checkYamlCharacters(dep.child("args"), Integer.toString(i), s.args().get(i));
                }
                for (Map.Entry<String, String> e : new TreeMap<>(s.env()).entrySet()) {
                    checkYamlCharacters(dep.child("env"), e.getKey(), e.getKey() + e.getValue());
                }
                return AdapterConfig.stdio(name, s.port(), s.cmd(), s.args(), s.env());
            case "http":
                if (!s.hasHttpTransport() || s.targetPort() == 0) {
                    Node http = spec.obj("httpTransport");
                    throw new TranslationException("kmcp-target-port", CONFIG_ERROR + "HTTP transport requires a target"
                            + " port", http.present() ? at(http, "targetPort") : at(spec, "httpTransport"));
                }
                checkYamlCharacters(spec.obj("httpTransport"), "path", s.path());
                return AdapterConfig.http(name, s.port(), s.targetPort(), s.path());
            default:
                throw new TranslationException("kmcp-transport", CONFIG_ERROR + "unsupported transport type: "
                        + s.transport(), at(spec, "transportType"));
        }
    }

    /**
     * kmcp writes local.yaml through JSON and goyaml.v2, whose reader refuses some characters Go's
     * JSON encoder leaves raw; kmcp then fails the whole translation.
     */
    private static void checkYamlCharacters(Node parent, String field, String value) {
        if (AdapterConfigYaml.hasForbiddenCharacter(value)) {
            throw new TranslationException("kmcp-yaml", DEPLOYMENT_ERROR + "failed to marshal MCP server config to"
                    + " YAML: yaml: control characters are not allowed", at(parent, field));
        }
    }

    /** The field's location: its path, and its line (or, when it is absent, its parent's line). */
    private static dev.kagentmaven.core.Origin at(Node parent, String field) {
        return parent.origin(field);
    }

    // ---- objects ----

    private ObjectNode deployment(Spec s, String image, String hash) {
        boolean stdio = s.transport().equals("stdio");
        Map<String, String> labels = selectorLabels();
        labels.put("app.kubernetes.io/managed-by", "kmcp");
        labels.putAll(s.labels());
        Map<String, String> annotations = new LinkedHashMap<>(s.annotations());
        annotations.put(HASH_ANNOTATION, hash);
        ObjectNode templateMeta = Json.obj();
        templateMeta.set("labels", Json.stringMap(labels));
        templateMeta.set("annotations", Json.stringMap(annotations));

        ObjectNode pod = Json.obj();
        pod.put("serviceAccountName", s.serviceAccountName().isEmpty() ? name : s.serviceAccountName());
        Manifests.setIfPresent(pod, "securityContext", s.podSecurityContext());
        Manifests.setIfPresent(pod, "imagePullSecrets", s.imagePullSecrets());
        Manifests.setIfPresent(pod, "tolerations", s.tolerations());
        Manifests.setIfPresent(pod, "affinity", s.affinity());
        Manifests.putMap(pod, "nodeSelector", s.nodeSelector());
        if (stdio) {
            pod.set("initContainers", Json.of(initContainer(s)));
        }
        ArrayNode containers = Json.of(mainContainer(s, image, stdio));
        if (s.sidecars() != null) {
            s.sidecars().forEach(containers::add);
        }
        pod.set("containers", containers);
        pod.set("volumes", volumes(s, stdio));

        ObjectNode template = Json.obj();
        template.set("metadata", templateMeta);
        template.set("spec", pod);
        ObjectNode dspec = Json.obj();
        s.replicas().ifPresent(r -> dspec.put("replicas", (int) r));
        dspec.set("selector", Json.obj().set("matchLabels", Json.stringMap(selectorLabels())));
        dspec.set("template", template);
        ObjectNode d = object("apps/v1", "Deployment");
        d.set("spec", dspec);
        return d;
    }

    private ObjectNode initContainer(Spec s) {
        ObjectNode c = Json.obj();
        c.put("name", "copy-binary");
        c.put("image", s.hasInit() && !s.initImage().isEmpty() ? s.initImage() : adapterImage);
        c.put("imagePullPolicy", s.initPullPolicy().isEmpty() ? "IfNotPresent" : s.initPullPolicy());
        c.set("args", Json.strings(List.of("--copy-self", "/adapterbin/agentgateway")));
        c.set("volumeMounts", Json.of(Json.mount("binary", "/adapterbin", false)));
        c.set("resources", s.initResources() != null ? s.initResources() : Json.obj());
        JsonNode sc = s.initSecurityContext() != null ? s.initSecurityContext() : s.securityContext();
        if (sc != null) {
            c.set("securityContext", sc.deepCopy());
        }
        return c;
    }

    private ObjectNode mainContainer(Spec s, String image, boolean stdio) {
        ObjectNode c = Json.obj();
        c.put("name", "mcp-server");
        c.put("image", image);
        c.put("imagePullPolicy", s.pullPolicy().isEmpty() ? "IfNotPresent" : s.pullPolicy());
        if (stdio) {
            c.set("command", Json.strings(List.of("/adapterbin/agentgateway")));
            c.set("args", Json.strings(List.of("-f", "/config/local.yaml")));
        } else {
            if (!s.cmd().isEmpty()) {
                c.set("command", Json.strings(List.of(s.cmd())));
            }
            if (!s.args().isEmpty()) {
                c.set("args", Json.strings(s.args()));
            }
        }
        if (!s.env().isEmpty()) {
            Map<String, String> sorted = new TreeMap<>(GoJson.MAP_KEY_ORDER);
            sorted.putAll(s.env());
            ArrayNode env = Json.arr();
            sorted.forEach((k, v) -> env.add(Json.env(k, v)));
            c.set("env", env);
        }
        ArrayNode envFrom = Json.arr();
        for (String secret : names(s.secretRefs())) {
            envFrom.add(Json.obj().set("secretRef", Json.obj().put("name", secret)));
        }
        Manifests.setIfPresent(c, "envFrom", envFrom);
        c.set("resources", s.resources() != null ? s.resources() : Json.obj());
        ArrayNode mounts = Json.arr();
        mounts.add(Json.mount("config", "/config", false));
        if (stdio) {
            mounts.add(Json.mount("binary", "/adapterbin", false));
        }
        for (String cm : names(s.configMapRefs())) {
            mounts.add(Json.mount("cm-" + cm, "/configmaps/" + cm, true));
        }
        if (s.volumeMounts() != null) {
            s.volumeMounts().forEach(mounts::add);
        }
        c.set("volumeMounts", mounts);
        if (s.securityContext() != null) {
            c.set("securityContext", s.securityContext().deepCopy());
        }
        return c;
    }

    private ArrayNode volumes(Spec s, boolean stdio) {
        ArrayNode volumes = Json.arr();
        volumes.add(configMapVolume("config", name));
        if (stdio) {
            ObjectNode binary = Json.obj();
            binary.put("name", "binary");
            binary.set("emptyDir", Json.obj());
            volumes.add(binary);
        }
        for (String cm : names(s.configMapRefs())) {
            volumes.add(configMapVolume("cm-" + cm, cm));
        }
        if (s.volumes() != null) {
            s.volumes().forEach(volumes::add);
        }
        return volumes;
    }

    private static ObjectNode configMapVolume(String volume, String configMap) {
        ObjectNode v = Json.obj();
        v.put("name", volume);
        v.set("configMap", Json.obj().put("name", configMap));
        return v;
    }

    /** The non-empty names of a LocalObjectReference list, in order (kmcp skips empty ones). */
    private static List<String> names(JsonNode refs) {
        List<String> out = new ArrayList<>();
        if (refs != null) {
            for (JsonNode r : refs) {
                String n = r.path("name").asText("");
                if (!n.isEmpty()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private ObjectNode service(Spec s) {
        ObjectNode port = Json.obj();
        port.put("name", "http");
        port.put("protocol", "TCP");
        port.put("port", (int) s.port());
        port.put("targetPort", (int) s.port());
        if (ctx.options.kgatewayMcpAppProtocol()) {
            port.put("appProtocol", APP_PROTOCOL);
        }
        ObjectNode sspec = Json.obj();
        sspec.set("ports", Json.of(port));
        sspec.set("selector", Json.stringMap(selectorLabels()));
        ObjectNode svc = object("v1", "Service");
        svc.set("spec", sspec);
        return svc;
    }

    private ObjectNode configMap(String localYaml) {
        ObjectNode cm = object("v1", "ConfigMap");
        cm.set("data", Json.obj().put("local.yaml", localYaml));
        return cm;
    }

    private ObjectNode serviceAccount(Spec s) {
        ObjectNode sa = object("v1", "ServiceAccount");
        ObjectNode meta = (ObjectNode) sa.get("metadata");
        Manifests.putMap(meta, "labels", s.saLabels());
        Manifests.putMap(meta, "annotations", s.saAnnotations());
        return sa;
    }

    private Map<String, String> selectorLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("app.kubernetes.io/name", name);
        m.put("app.kubernetes.io/instance", name);
        return m;
    }

    private ObjectNode object(String apiVersion, String kind) {
        ObjectNode meta = Json.obj();
        meta.put("name", name);
        meta.put("namespace", ns);
        ObjectNode o = Json.obj();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.set("metadata", meta);
        return o;
    }
}
