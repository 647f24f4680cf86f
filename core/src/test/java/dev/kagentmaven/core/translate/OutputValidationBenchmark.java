package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark-style main (not a test): cost of output validation per Deployment, cold and warm.
 * Run from {@code core/} after {@code mvn test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.kagentmaven.core.translate.OutputValidationBenchmark
 * </pre>
 */
public final class OutputValidationBenchmark {
    private static volatile Object sink;
    /**
     * Per-thread CPU time, not wall time: on a shared 2-core machine (parallel builds) wall time
     * mostly measures the neighbours.
     */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private OutputValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // truly cold: first use in a fresh JVM, Jackson and validator classes loaded on the way
        long t0 = now();
        KubernetesSchema schema = KubernetesSchema.get();
        long coldLoad = now() - t0;
        List<HasMetadata> deployments = new ArrayList<>();
        for (String name : List.of("basic_agent", "agent_with_extra_containers", "agent_with_security_context",
                "agent_with_skills", "agent_with_proxy_mcpserver")) {
            for (HasMetadata o : translate(name)) {
                if (o.getKind().equals("Deployment")) {
                    deployments.add(o);
                }
            }
        }
        // compiling the document again with every class loaded: the part of the cold cost that is ours
        String text;
        try (InputStream in = KubernetesSchema.class.getResourceAsStream(KubernetesSchema.RESOURCE)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        t0 = now();
        sink = KubernetesSchema.of(text);
        long recompile = now() - t0;
        List<JsonNode> trees = new ArrayList<>();
        for (HasMetadata d : deployments) {
            trees.add(Render.canonical(d));
        }
        t0 = now();
        sink = schema.validate("apps/v1", "Deployment", trees.get(0));
        long firstValidation = now() - t0;

        int rounds = 7;
        int perRound = 40_000;
        double[] validate = new double[rounds];
        double[] check = new double[rounds];
        double[] canonical = new double[rounds];
        for (int warm = 0; warm < 3; warm++) {
            loopValidate(schema, trees, perRound);
            loopCheck(schema, trees, perRound);
            loopCanonical(deployments, perRound / 10);
        }
        for (int r = 0; r < rounds; r++) {
            validate[r] = loopValidate(schema, trees, perRound);
            check[r] = loopCheck(schema, trees, perRound);
            canonical[r] = loopCanonical(deployments, perRound / 10);
        }
        ObjectNode broken = (ObjectNode) trees.get(0).deepCopy();
        ((ObjectNode) broken.at("/spec/template/spec/containers/0")).remove("name");
        ((ObjectNode) broken.at("/spec/template/spec/containers/0")).put("bogus", 1);
        double brokenCost = loopCheck(schema, List.of(broken), perRound);

        System.out.printf("deployments measured: %d (canonical trees of %s nodes)%n", trees.size(),
                trees.stream().map(t -> Integer.toString(count(t))).toList());
        System.out.printf("cold (CPU time): first KubernetesSchema.get() %.1f ms (incl. class loading),"
                + " recompile with classes loaded %.1f ms, first Deployment validation %.1f ms%n",
                coldLoad / 1e6, recompile / 1e6, firstValidation / 1e6);
        System.out.printf("warm (CPU time) KubernetesSchema.validate: median %.2f us/Deployment (rounds %s)%n", median(validate),
                Arrays.toString(round(validate)));
        System.out.printf("warm OutputValidation.check: median %.2f us/Deployment%n", median(check));
        System.out.printf("warm check of an invalid Deployment (2 violations): %.2f us%n", brokenCost);
        System.out.printf("for scale, Render.canonical: median %.2f us/Deployment%n", median(canonical));
    }

    private static double loopValidate(KubernetesSchema schema, List<JsonNode> trees, int n) {
        long t = now();
        for (int i = 0; i < n; i++) {
            sink = schema.validate("apps/v1", "Deployment", trees.get(i % trees.size()));
        }
        return (now() - t) / 1e3 / n;
    }

    private static double loopCheck(KubernetesSchema schema, List<JsonNode> trees, int n) {
        long t = now();
        for (int i = 0; i < n; i++) {
            sink = OutputValidation.check(schema, trees.get(i % trees.size()));
        }
        return (now() - t) / 1e3 / n;
    }

    private static double loopCanonical(List<HasMetadata> objects, int n) {
        long t = now();
        for (int i = 0; i < n; i++) {
            sink = Render.canonical(objects.get(i % objects.size()));
        }
        return (now() - t) / 1e3 / n;
    }

    private static long now() {
        return CPU.getCurrentThreadCpuTime();
    }

    private static int count(JsonNode n) {
        int c = 1;
        for (JsonNode x : n) {
            c += count(x);
        }
        return c;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String[] round(double[] xs) {
        return Arrays.stream(xs).mapToObj(x -> String.format("%.1f", x)).toArray(String[]::new);
    }

    private static List<HasMetadata> translate(String name) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode input;
        try (InputStream in = OutputValidationBenchmark.class.getResourceAsStream(
                "/kagent-golden/inputs/" + name + ".yaml")) {
            input = new YAMLMapper().readTree(in);
        }
        String ns = input.path("namespace").asText();
        ObjectNode list = json.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        list.set("items", input.path("objects"));
        Options options = Options.builder().imageTag("dev")
                .agents(List.of(ns + "/" + input.path("targetObject").asText()))
                .proxyUrl(input.path("proxyURL").asText(""))
                .defaultServiceAccountName(input.path("defaultServiceAccountName").asText(""))
                .build();
        Result r = Translator.translate(List.of(Source.ofString("objects.json", json.writeValueAsString(list))),
                options);
        if (r.hasErrors()) {
            throw new IllegalStateException(name + ": " + r.errors());
        }
        return r.manifests().get(0).objects();
    }
}
