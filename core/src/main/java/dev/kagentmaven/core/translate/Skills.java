package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.model.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** spec.skills → skills-init config, volumes and init container (agent-manifests.md §5, §6.8, §6.10). */
final class Skills {

    /**
     * What the skills of one agent add.
     *
     * @param present {@code spec.skills} is non-null (→ {@code -full} image, srt-settings; decided by the caller)
     * @param hasRefs at least one of {@code refs} / {@code gitRefs} / {@code s3Refs} is non-empty (and valid)
     * @param initConfig the skills-init {@code config.json} tree in Go field order; {@code null} when !hasRefs
     * @param skillNames {@code .SkillNames} of the prompt template: OCI, then git, then S3 names
     * @param volumes kagent-skills, skills-init-config, git-auth?, pull-secret-*; empty when !hasRefs
     * @param initContainer the {@code skills-init} container; {@code null} when !hasRefs
     */
    record Plan(boolean present, boolean hasRefs, ObjectNode initConfig, List<String> skillNames,
            List<ObjectNode> volumes, ObjectNode initContainer) {
        Plan {
            skillNames = List.copyOf(skillNames);
            volumes = Collections.unmodifiableList(new ArrayList<>(volumes));
        }
    }

    static final String CONFIG_MAP_SUFFIX = "-skills-init";
    static final String CONFIG_MOUNT_PATH = "/etc/kagent/skills-init";
    static final String DOCKER_SECRETS_DIR = "/docker-secrets";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

    private Skills() {
    }

    /**
     * Plans the skills of {@code agent}. Errors go to the agent's Problems with kagent's messages
     * (wrapped {@code failed to build skills init container: …}); the plan then has {@code hasRefs=false}.
     *
     * @param agent the Agent document root
     */
    static Plan plan(Node agent, Options options) {
        Node spec = agent.obj("spec");
        Node skills = spec.obj("skills");
        if (!skills.present()) {
            return new Plan(false, false, null, List.of(), List.of(), null);
        }
        SkillsConfig.Input in = read(skills);
        List<String> names = skillNames(in);
        if (in.git().isEmpty() && in.oci().isEmpty() && in.s3().isEmpty()) {
            return new Plan(true, false, null, names, List.of(), null);
        }
        try {
            ObjectNode config = SkillsConfig.build(in);
            String configMap = validConfigMapName(agent.obj("metadata"));
            List<String> secrets = in.pullSecrets();
            String authSecret = in.auth() ? skills.obj("gitAuthSecretRef").str("name") : null;
            List<ObjectNode> volumes = volumes(configMap, authSecret, secrets);
            ObjectNode container = initContainer(skills.obj("initContainer"), securityContext(spec),
                    options, authSecret != null, secrets);
            return new Plan(true, true, config, names, volumes, container);
        } catch (SkillsConfig.Failure e) {
            e.at().error(SkillsConfig.CODE, "failed to build skills init container: " + e.getMessage());
            return new Plan(true, false, null, names, List.of(), null);
        }
    }

    /** The ConfigMap carrying the skills-init config: {@code <agent>-skills-init}. */
    static String configMapName(String agentName) {
        return agentName + CONFIG_MAP_SUFFIX;
    }

    private static SkillsConfig.Input read(Node skills) {
        List<SkillsConfig.Git> git = new ArrayList<>();
        for (Node g : objects(skills, "gitRefs")) {
            git.add(new SkillsConfig.Git(g, g.str("url"), g.str("ref"), g.str("path"), g.str("name")));
        }
        List<SkillsConfig.Oci> oci = new ArrayList<>();
        for (Node r : skills.list("refs")) {
            if (!r.present()) {
                oci.add(new SkillsConfig.Oci(r, ""));
            } else if (r.json().isTextual()) {
                oci.add(new SkillsConfig.Oci(r, r.json().textValue()));
            } else {
                r.typeError(r, "a string");
            }
        }
        List<SkillsConfig.S3> s3 = new ArrayList<>();
        for (Node s : objects(skills, "s3Refs")) {
            s3.add(new SkillsConfig.S3(s, s.str("uri"), s.str("region"), s.str("name")));
        }
        List<String> pullSecrets = new ArrayList<>();
        for (Node p : objects(skills, "imagePullSecrets")) {
            pullSecrets.add(p.str("name"));
        }
        return new SkillsConfig.Input(git, oci, s3, skills.obj("gitAuthSecretRef").present(),
                skills.bool("insecureSkipVerify"), pullSecrets);
    }

    /** List items that must be objects (null items are Go zero values and kept). */
    private static List<Node> objects(Node parent, String field) {
        List<Node> out = new ArrayList<>();
        for (Node n : parent.list(field)) {
            if (n.present() && !n.json().isObject()) {
                n.typeError(n, "an object");
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** kagent's template.go: OCI names, then git names, then S3 names, empty names skipped. */
    private static List<String> skillNames(SkillsConfig.Input in) {
        List<String> names = new ArrayList<>();
        in.oci().forEach(o -> addNonEmpty(names, SkillsNames.ociName(o.image())));
        in.git().forEach(g -> addNonEmpty(names, SkillsNames.gitName(g.url(), g.path(), g.name())));
        in.s3().forEach(s -> addNonEmpty(names, SkillsNames.s3Name(s.uri(), s.name())));
        return names;
    }

    private static void addNonEmpty(List<String> names, String name) {
        if (!name.isEmpty()) {
            names.add(name);
        }
    }

    /** kagent's validateSkillsInitConfigMapName (IsDNS1123Subdomain) on {@code <agent>-skills-init}. */
    private static String validConfigMapName(Node metadata) {
        String name = configMapName(metadata.str("name"));
        List<String> errs = new ArrayList<>();
        if (name.getBytes(StandardCharsets.UTF_8).length > 253) {
            errs.add("must be no more than 253 characters");
        }
        if (!DNS1123_SUBDOMAIN.matcher(name).matches()) {
            errs.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                    + " '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
                    + " regex used for validation is '" + DNS1123_SUBDOMAIN_FMT + "')");
        }
        if (!errs.isEmpty()) {
            throw SkillsConfig.error("derived skills-init ConfigMap name " + SkillsNames.quote(name)
                    + " is invalid: " + String.join("; ", errs), metadata.child("name"));
        }
        return name;
    }

    /** The deployment securityContext of the agent's type (Declarative or BYO), if any. */
    private static Node securityContext(Node spec) {
        Node deployment = switch (spec.str("type")) {
            case "Declarative" -> spec.obj("declarative").obj("deployment");
            case "BYO" -> spec.obj("byo").obj("deployment");
            default -> null;
        };
        return deployment == null ? null : deployment.obj("securityContext");
    }

    private static List<ObjectNode> volumes(String configMap, String authSecret, List<String> pullSecrets) {
        List<ObjectNode> volumes = new ArrayList<>();
        ObjectNode skillsDir = F.objectNode().put("name", "kagent-skills");
        skillsDir.putObject("emptyDir");
        volumes.add(skillsDir);
        ObjectNode config = F.objectNode().put("name", "skills-init-config");
        config.putObject("configMap").put("name", configMap);
        volumes.add(config);
        if (authSecret != null) {
            volumes.add(secretVolume("git-auth", authSecret));
        }
        for (String s : pullSecrets) {
            volumes.add(secretVolume("pull-secret-" + s, s));
        }
        return volumes;
    }

    private static ObjectNode secretVolume(String name, String secretName) {
        ObjectNode v = F.objectNode().put("name", name);
        ObjectNode secret = v.putObject("secret");
        if (!secretName.isEmpty()) {
            secret.put("secretName", secretName);
        }
        return v;
    }

    private static ObjectNode initContainer(Node init, Node securityContext, Options options, boolean auth,
            List<String> pullSecrets) {
        ObjectNode c = F.objectNode();
        c.put("name", "skills-init");
        c.put("image", options.skillsInitImageRegistry() + "/" + options.skillsInitImageRepository() + ":"
                + options.skillsInitImageTag());
        JsonNode env = PassThrough.of(init.child("env"), "[]v1.EnvVar");
        if (env != null && env.isArray() && !env.isEmpty()) {
            c.set("env", env);
        }
        JsonNode resources = PassThrough.of(init.child("resources"), "*v1.ResourceRequirements");
        c.set("resources", resources != null && resources.isObject() ? resources : defaultResources());
        ArrayNode mounts = c.putArray("volumeMounts");
        mounts.add(mount("kagent-skills", SkillsConfig.SKILLS_DIR, false));
        mounts.add(mount("skills-init-config", CONFIG_MOUNT_PATH, true));
        if (auth) {
            mounts.add(mount("git-auth", SkillsConfig.AUTH_MOUNT_PATH, true));
        }
        for (String s : pullSecrets) {
            mounts.add(mount("pull-secret-" + s, DOCKER_SECRETS_DIR + "/" + s, true));
        }
        JsonNode sc = securityContext == null ? null : PassThrough.of(securityContext, "*v1.SecurityContext");
        if (sc != null && sc.isObject()) {
            c.set("securityContext", sc);
        }
        return c;
    }

    private static ObjectNode mount(String name, String path, boolean readOnly) {
        ObjectNode m = F.objectNode().put("name", name);
        if (readOnly) {
            m.put("readOnly", true);
        }
        return m.put("mountPath", path);
    }

    /** kagent's getDefaultResources (quantities canonicalised later). */
    private static ObjectNode defaultResources() {
        ObjectNode r = F.objectNode();
        r.putObject("limits").put("cpu", "2000m").put("memory", "1Gi");
        r.putObject("requests").put("cpu", "100m").put("memory", "384Mi");
        return r;
    }
}
