package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.io.Document;
import dev.kagentmaven.core.io.MappingKeys;
import dev.kagentmaven.core.io.YamlDocuments;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * read → model → translate → validate, for {@link dev.kagentmaven.core.Translator}.
 *
 * <p>Reading a source and validating (and pre-rendering) one manifest do not depend on anything
 * else: sources are read in parallel ({@link Parallel}), and each translated draft is validated on a
 * second thread while the next Agents are translated ({@link Overlap}). Their diagnostics are collected
 * per item and added in input order, so the result is the same as a sequential run, diagnostic for
 * diagnostic. Everything that reads the index or the shared {@link Problems} runs on the calling thread.
 */
public final class Pipeline {
    private static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    private Pipeline() {
    }

    /** The documents and diagnostics of one source. */
    private record Read(List<Document> documents, List<Diagnostic> diagnostics) {}

    /** What validating one draft found, and its manifest ({@code null} when it cannot be rendered). */
    private record Checked(Manifest manifest, Problems problems) {}

    public static Result run(List<Source> sources, Options options) {
        Problems problems = new Problems();
        Translated t = translateAll(sources, options, problems);
        List<Manifest> out = new ArrayList<>(t.checked().size());
        for (Checked c : t.checked()) {
            problems.addAll(c.problems().list());
            if (c.manifest() != null) {
                out.add(c.manifest());
            }
        }
        if (problems.hasErrors()) {
            out = List.of();
        }
        return new Result(out, problems.list(), sources.size(), t.documents());
    }

    /** The validated objects of a run and the number of documents read. */
    private record Translated(List<Checked> checked, int documents) {}

    /**
     * read → index → input checks → translation of every selected Agent (and MCPServer workloads),
     * each translated draft handed at once to {@link #check} on a second thread ({@link Overlap}).
     */
    private static Translated translateAll(List<Source> sources, Options options, Problems problems) {
        List<Source> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing(Source::name));
        List<Document> documents = new ArrayList<>();
        MappingKeys keys = new MappingKeys();
        for (Read r : Parallel.map(ordered, s -> read(s, keys))) {
            documents.addAll(r.documents());
            problems.addAll(r.diagnostics());
        }
        ObjectIndex index = ObjectIndex.build(documents, problems);
        for (Node rms : index.all(Kind.REMOTE_MCP_SERVER)) {
            String label = ProxyRouting.secondLabel(rms.obj("spec").str("url"));
            if (label != null) {
                index.addNamespace(label);
            }
        }
        InputChecks.check(index, problems);
        Context ctx = new Context(options, index, problems);
        List<Node> agents = selected(index, options, problems);
        Overlap<Draft, Checked> checks = new Overlap<>(d -> check(d, options), agents.size());
        try {
            for (Node agent : agents) {
                Draft d = translate(ctx, agent);
                if (d != null) {
                    checks.submit(d);
                }
            }
            for (Draft d : McpServerWorkloads.render(ctx)) {
                checks.submit(d);
            }
        } finally {
            checks.close();
        }
        return new Translated(checks.finish(), documents.size());
    }

    private static Read read(Source source, MappingKeys keys) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Document> documents = YamlDocuments.read(source, diagnostics, keys);
        return new Read(documents, diagnostics);
    }

    /**
     * {@link OutputValidation} of one draft: each object is converted to its canonical tree once, the
     * tree is validated and becomes the manifest's YAML text. Touches nothing but the draft.
     */
    private static Checked check(Draft d, Options options) {
        List<JsonNode> trees = OutputValidation.trees(d);
        Problems found = new Problems();
        OutputValidation.validate(d, trees, options, found);
        boolean complete = trees.stream().allMatch(java.util.Objects::nonNull);
        Manifest m = complete ? Manifest.ofYaml(d.kind(), d.namespace(), d.name(), Render.text(trees)) : null;
        return new Checked(m, found);
    }

    private static List<Node> selected(ObjectIndex index, Options options, Problems problems) {
        if (options.agents().isEmpty()) {
            return index.all(Kind.AGENT);
        }
        List<Node> out = new ArrayList<>();
        for (String entry : options.agents().stream().sorted().toList()) {
            int slash = entry.indexOf('/');
            if (slash <= 0 || slash == entry.length() - 1 || entry.indexOf('/', slash + 1) >= 0) {
                problems.error("agents", "agents entry \"" + entry + "\" must be namespace/name", Origin.NONE);
                continue;
            }
            Optional<Node> a = index.get(Kind.AGENT, entry.substring(0, slash), entry.substring(slash + 1));
            if (a.isEmpty()) {
                problems.error("agents", "Agent " + entry + " (from the agents parameter) is not among the inputs",
                        Origin.NONE);
            } else {
                out.add(a.get());
            }
        }
        return out;
    }

    private static Draft translate(Context ctx, Node agent) {
        String name = ObjectIndex.nameOf(agent);
        String ns = ObjectIndex.namespaceOf(agent);
        if (!validName(name) || !validName(ns)) {
            agent.obj("metadata").error("name", "Agent name and namespace must be DNS-1123 labels (lowercase"
                    + " letters, digits and '-', at most 63 characters): " + ns + "/" + name);
            return null;
        }
        AgentCompiler.Compiled compiled = new AgentCompiler(ctx).compile(agent);
        if (compiled == null) {
            return null;
        }
        List<ObjectNode> trees = new Manifests(ctx, agent, compiled).build();
        if (trees == null) {
            return null;
        }
        return new Draft(Manifest.Kind.AGENT, ns, name, trees);
    }

    private static boolean validName(String s) {
        return s.length() <= 63 && DNS1123_LABEL.matcher(s).matches();
    }
}
