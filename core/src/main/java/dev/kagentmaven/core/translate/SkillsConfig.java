package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * kagent's prepareSkillsInitConfig: the skills-init {@code config.json} tree (agent-manifests.md §5,
 * agent-config.md §8.3) with keys in Go field order, validating names and subPaths as kagent does.
 */
final class SkillsConfig {
    static final String SKILLS_DIR = "/skills";
    static final String AUTH_MOUNT_PATH = "/git-auth";
    static final String CODE = "skills";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One {@code spec.skills.gitRefs[]} entry. */
    record Git(Node at, String url, String ref, String path, String name) {
    }

    /** One {@code spec.skills.refs[]} entry. */
    record Oci(Node at, String image) {
    }

    /** One {@code spec.skills.s3Refs[]} entry. */
    record S3(Node at, String uri, String region, String name) {
    }

    /** Everything of {@code spec.skills} that the config depends on. */
    record Input(List<Git> git, List<Oci> oci, List<S3> s3, boolean auth, boolean insecure,
            List<String> pullSecrets) {
    }

    private final Set<String> seen = new HashSet<>();

    private SkillsConfig() {
    }

    /**
     * The config tree.
     *
     * @throws Failure with kagent's (unwrapped) message on the first invalid entry
     */
    static ObjectNode build(Input in) {
        return new SkillsConfig().prepare(in);
    }

    private ObjectNode prepare(Input in) {
        ArrayNode gitRefs = F.arrayNode();
        Set<SkillsUrl.SshHost> sshHosts = new LinkedHashSet<>();
        for (Git g : in.git()) {
            gitRefs.add(gitRef(g));
            if (in.auth()) {
                SkillsUrl.SshHost h = SkillsUrl.sshHost(g.url());
                if (h != null) {
                    sshHosts.add(h);
                }
            }
        }
        ArrayNode ociRefs = F.arrayNode();
        for (Oci o : in.oci()) {
            String name = SkillsNames.ociName(o.image());
            checkName(name, "oci skill " + SkillsNames.quote(o.image()), o.at());
            ociRefs.add(F.objectNode().put("image", o.image()).put("dest", SKILLS_DIR + "/" + name));
        }
        ArrayNode s3Refs = F.arrayNode();
        for (S3 s : in.s3()) {
            String name = SkillsNames.s3Name(s.uri(), s.name());
            checkName(name, "s3 skill " + SkillsNames.quote(s.uri()), s.at());
            ObjectNode ref = F.objectNode().put("uri", s.uri()).put("dest", SKILLS_DIR + "/" + name);
            if (!s.region().isEmpty()) {
                ref.put("region", s.region());
            }
            s3Refs.add(ref);
        }
        return assemble(in, gitRefs, ociRefs, sshHosts, s3Refs);
    }

    private ObjectNode gitRef(Git g) {
        String subPath = g.path().endsWith("/") ? g.path().substring(0, g.path().length() - 1) : g.path();
        String subPathError = SkillsNames.subPathError(subPath);
        if (subPathError != null) {
            throw error(subPathError, g.at().child("path"));
        }
        String ref = g.ref().isEmpty() ? "main" : g.ref();
        String name = SkillsNames.gitName(g.url(), g.path(), g.name());
        checkName(name, "git skill " + SkillsNames.quote(g.url()), g.at());
        ObjectNode o = F.objectNode();
        o.put("url", g.url());
        o.put("ref", ref);
        o.put("dest", SKILLS_DIR + "/" + name);
        if (SkillsNames.isCommitSha(ref)) {
            o.put("full", true);
        }
        if (!subPath.isEmpty()) {
            o.put("subPath", subPath);
        }
        return o;
    }

    /** Name validity (wrapped with {@code what}) and uniqueness across all skill kinds. */
    private void checkName(String name, String what, Node at) {
        String invalid = SkillsNames.nameError(name);
        if (invalid != null) {
            throw error(what + ": " + invalid, at);
        }
        if (!seen.add(name)) {
            throw error("duplicate skill directory name " + SkillsNames.quote(name), at);
        }
    }

    private static ObjectNode assemble(Input in, ArrayNode gitRefs, ArrayNode ociRefs,
            Set<SkillsUrl.SshHost> sshHosts, ArrayNode s3Refs) {
        ObjectNode cfg = F.objectNode();
        if (in.auth()) {
            cfg.put("authMountPath", AUTH_MOUNT_PATH);
        }
        if (!gitRefs.isEmpty()) {
            cfg.set("gitRefs", gitRefs);
        }
        if (!ociRefs.isEmpty()) {
            cfg.set("ociRefs", ociRefs);
        }
        if (in.insecure()) {
            cfg.put("insecureOci", true);
        }
        if (!sshHosts.isEmpty()) {
            List<SkillsUrl.SshHost> sorted = new ArrayList<>(sshHosts);
            // hosts and ports are ASCII (validated), so String order is Go's byte order
            sorted.sort(Comparator.comparing(SkillsUrl.SshHost::host).thenComparing(SkillsUrl.SshHost::port));
            ArrayNode hosts = cfg.putArray("sshHosts");
            for (SkillsUrl.SshHost h : sorted) {
                ObjectNode o = hosts.addObject().put("host", h.host());
                if (!h.port().isEmpty()) {
                    o.put("port", h.port());
                }
            }
        }
        if (!in.pullSecrets().isEmpty()) {
            ArrayNode names = cfg.putArray("imagePullSecrets");
            in.pullSecrets().forEach(names::add);
        }
        if (!s3Refs.isEmpty()) {
            cfg.set("s3Refs", s3Refs);
        }
        return cfg;
    }

    static Failure error(String message, Node at) {
        return new Failure(message, at);
    }

    /** A kagent error (as a Go {@code return err}), located at the offending input node. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Node at;

        Failure(String message, Node at) {
            super(message, null, false, false);
            this.at = at;
        }

        Node at() {
            return at;
        }
    }
}
