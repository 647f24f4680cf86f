package dev.kagentmaven.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutation fuzzing of the translator over kagent's 26 golden inputs (issue 6). Every input is derived
 * from a golden case by seeded, reproducible mutations — types swapped, fields removed or renamed,
 * values replaced with hostile strings and huge numbers, objects duplicated, names made invalid, then
 * serialised as YAML (one or several files) or JSON and, for some inputs, truncated or corrupted
 * byte-wise — and translated. Each run must end either in output that renders, under a safe relative
 * path, or in errors that are all located (a source and a line), the only exception being the
 * documented {@code agents} option error at {@link Origin#NONE}. No exception may escape.
 *
 * <p>Runs {@value #DEFAULT_INPUTS} inputs (stops early, and fails, if the {@value #DEFAULT_SECONDS} s budget
 * runs out first). Reproduce or extend with {@code -Dfuzz.seed=<n>} (master seed), {@code -Dfuzz.inputs=<n>},
 * {@code -Dfuzz.seconds=<n>}; replay one input with {@code -Dfuzz.input=<input seed>} (printed with every
 * failure), which also prints the generated files.
 */
class FuzzTest {
    static final long DEFAULT_SEED = 0x6b6167656e74L;
    static final int DEFAULT_INPUTS = 10_000;
    static final int DEFAULT_SECONDS = 90;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quotes every string: values keep their JSON type through YAML. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    /** Plain scalars where Jackson thinks it safe: number-like and YAML 1.1 words change type, as when people write YAML. */
    private static final YAMLMapper PLAIN_YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9][-a-z0-9.]*\\.yaml");

    /** Strings that have broken parsers, templates, path handling or logs somewhere. */
    static final List<String> HOSTILE = List.of("../../etc/passwd", "..", ".", "/", "a/b", "C:\\Windows", "{{", "}}",
            "{{ .Broken", "{{ include \"x\" }}", "{{ template \"t\" }}", "\u0000", "a\u0000b", "x".repeat(10_000), "名前🚀",
            "\u202Eevil", "line1\nline2", "\r\n", " ", "", "yes", "no", "on", "off", "null", "~", "true", "NaN", ".inf",
            "-.inf", "0x1F", "0o17", "1e309", "-0", "08", "1_000", "12:30:00", "2024-01-01", "---", "...", "&a", "*a",
            "!!binary", "%YAML 1.2", "# comment", ": ", "- ", "'", "\"", "\\", "${HOME}", "$(rm -rf /)",
            "<script>alert(1)</script>", "%s%n%x", "UPPER_CASE", "-leading", "trailing-", "a".repeat(64), "a".repeat(254),
            "http://", "http://[::1", "http://host:99999/x", "https://user:pass@h/", "file:///etc/passwd", "oci://",
            "ssh://git@x:22/r", "git@github.com:a/b.git", "s3://bucket/..", "\t", "\uFEFF", "\uD83D", "0", "-1",
            "Secret", "ConfigMap", "Agent", "MCPServer", "RemoteMCPServer", "Service", "kagent.dev", "v1", "go", "python",
            "Declarative", "BYO", "OpenAI", "Anthropic", "Ollama", "AzureOpenAI", "Bedrock", "GeminiVertexAI",
            "STREAMABLE_HTTP", "SSE", "McpServer", "Always", "IfNotPresent", "100m", "1Gi", "1e3", "-1Mi", "0.5");

    /** Numbers at and beyond every Go integer bound, floats, and numbers too big for anything. */
    static final List<JsonNode> NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
            NODES.numberNode(65535), NODES.numberNode(65536), NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(2147483648L), NODES.numberNode(-2147483649L), NODES.numberNode(4294967296L),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("9223372036854775808")), NODES.numberNode(BigInteger.TEN.pow(60)),
            NODES.numberNode(1.5), NODES.numberNode(0.1), NODES.numberNode(1e308), NODES.numberNode(-1e308),
            NODES.numberNode(4.9e-324), NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(1e3));

    /** Text inserted at random byte offsets: YAML indicators, control and invalid UTF-8 bytes. */
    static final List<byte[]> SPLICES = List.of(bytes(":"), bytes(": x"), bytes("- "), bytes("&a "), bytes("*a"), bytes("*b "),
            bytes("{"), bytes("}"), bytes("["), bytes("]"), bytes("\t"), bytes("'"), bytes("\""), bytes("\n"), bytes("\r"),
            bytes("\n---\n"), bytes("%TAG ! tag:x,2000:\n"), bytes("!!binary "), bytes("!!int "), bytes("<<: *a\n"),
            bytes("? "), bytes("|"), bytes(">-"), bytes("#"), bytes("\u0000"), bytes("\uFEFF"), bytes("\u2028"),
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            bytes("  "), bytes("\n  x: y\n"), bytes("\n- z\n"), bytes("\\u0000"), bytes("\\"));

    /**
     * Fields the golden inputs never set, grafted into objects of their kind ({@code $S}: a hostile string,
     * {@code $N}: a number from {@link #NUMBERS}): reaches code the golden cases alone do not.
     */
    static final List<String[]> DICTIONARY = List.of(
            new String[] {"Agent", "/spec/declarative/deployment/replicas", "$N"},
            new String[] {"Agent", "/spec/declarative/deployment/env", "[{name: $S, value: $S}]"},
            new String[] {"Agent", "/spec/declarative/deployment/env", "[{name: A, valueFrom: {secretKeyRef: {name: $S, key: $S}}}]"},
            new String[] {"Agent", "/spec/declarative/deployment/resources", "{limits: {cpu: $S, memory: $N}}"},
            new String[] {"Agent", "/spec/declarative/deployment/volumes", "[{name: $S, secret: {secretName: $S}}]"},
            new String[] {"Agent", "/spec/declarative/deployment/volumeMounts", "[{name: $S, mountPath: $S}]"},
            new String[] {"Agent", "/spec/declarative/deployment/imagePullSecrets", "[{name: $S}]"},
            new String[] {"Agent", "/spec/declarative/deployment/serviceAccountName", "$S"},
            new String[] {"Agent", "/spec/declarative/deployment/labels", "{$S: $S}"},
            new String[] {"Agent", "/spec/declarative/deployment/nodeSelector", "{a: $S}"},
            new String[] {"Agent", "/spec/declarative/deployment/tolerations", "[{key: $S, operator: $S, tolerationSeconds: $N}]"},
            new String[] {"Agent", "/spec/declarative/deployment/securityContext", "{runAsUser: $N, privileged: $S}"},
            new String[] {"Agent", "/spec/declarative/deployment/extraContainers", "[{name: $S, image: $S}]"},
            new String[] {"Agent", "/spec/declarative/deployment/imageRegistry", "$S"},
            new String[] {"Agent", "/spec/declarative/runtime", "$S"},
            new String[] {"Agent", "/spec/declarative/memory", "{modelConfig: $S, ttlDays: $N}"},
            new String[] {"Agent", "/spec/declarative/context", "{compaction: {compactionInterval: $N, overlapSize: $N, summarizer: {modelConfig: $S}}}"},
            new String[] {"Agent", "/spec/declarative/promptTemplate", "{dataSources: [{kind: ConfigMap, name: $S, alias: $S}]}"},
            new String[] {"Agent", "/spec/declarative/systemMessageFrom", "{type: $S, name: $S, key: $S}"},
            new String[] {"Agent", "/spec/declarative/a2aConfig", "{skills: [{id: $S, name: $S, tags: [$S]}]}"},
            new String[] {"Agent", "/spec/declarative/tools", "[{type: Agent, agent: {name: $S, namespace: $S}}]"},
            new String[] {"Agent", "/spec/declarative/tools", "[{type: McpServer, mcpServer: {name: $S, kind: $S, apiGroup: $S, toolNames: [$S]}, headersFrom: [{name: $S, value: $S}]}]"},
            new String[] {"Agent", "/spec/skills", "{refs: [$S], gitRefs: [{url: $S, ref: $S, path: $S, name: $S}], gitAuthSecretRef: {name: $S}}"},
            new String[] {"Agent", "/spec/skills", "{s3Refs: [{uri: $S, region: $S}], initContainer: {resources: {limits: {cpu: $S}}}}"},
            new String[] {"Agent", "/spec/byo", "{deployment: {image: $S, cmd: $S, args: [$S], replicas: $N}}"},
            new String[] {"Agent", "/spec/type", "$S"},
            new String[] {"Agent", "/metadata/uid", "$S"},
            new String[] {"MCPServer", "/spec/deployment/port", "$N"},
            new String[] {"MCPServer", "/spec/deployment/replicas", "$N"},
            new String[] {"MCPServer", "/spec/deployment/image", "$S"},
            new String[] {"MCPServer", "/spec/deployment/cmd", "$S"},
            new String[] {"MCPServer", "/spec/deployment/env", "{$S: $S}"},
            new String[] {"MCPServer", "/spec/deployment/secretRefs", "[{name: $S}]"},
            new String[] {"MCPServer", "/spec/transportType", "$S"},
            new String[] {"MCPServer", "/spec/httpTransport", "{targetPort: $N, path: $S, tls: {secretRef: $S, insecureSkipVerify: true}}"},
            new String[] {"MCPServer", "/spec/timeout", "$S"},
            new String[] {"RemoteMCPServer", "/spec/timeout", "$S"},
            new String[] {"RemoteMCPServer", "/spec/sseReadTimeout", "$S"},
            new String[] {"RemoteMCPServer", "/spec/url", "$S"},
            new String[] {"RemoteMCPServer", "/spec/protocol", "$S"},
            new String[] {"RemoteMCPServer", "/spec/headersFrom", "[{name: $S, valueFrom: {type: $S, name: $S, key: $S}}]"},
            new String[] {"RemoteMCPServer", "/spec/tls", "{caCertSecretRef: $S, caCertSecretKey: $S, disableVerify: true}"},
            new String[] {"ModelConfig", "/spec/tls", "{caCertSecretRef: $S, caCertSecretKey: $S, disableSystemCAs: true}"},
            new String[] {"ModelConfig", "/spec/defaultHeaders", "{$S: $S}"},
            new String[] {"ModelConfig", "/spec/provider", "$S"},
            new String[] {"ModelConfig", "/spec/openAI", "{baseUrl: $S, maxTokens: $N, seed: $N, timeout: $N, reasoningEffort: $S}"},
            new String[] {"ModelConfig", "/spec/azureOpenAI", "{azureEndpoint: $S, apiVersion: $S, maxTokens: $N}"},
            new String[] {"ModelConfig", "/spec/bedrock", "{region: $S, readTimeout: $N, guardrail: {identifier: $S, version: $S}}"},
            new String[] {"ModelConfig", "/spec/geminiVertexAI", "{projectID: $S, location: $S, maxOutputTokens: $N}"},
            new String[] {"ModelConfig", "/spec/ollama", "{host: $S, options: {$S: $S}}"},
            new String[] {"ModelConfig", "/spec/apiKeySecret", "$S"},
            new String[] {"Secret", "/data", "{$S: $S}"},
            new String[] {"Secret", "/stringData", "{$S: $S}"},
            new String[] {"ConfigMap", "/data", "{$S: $S}"});

    /** Every (kind, path, value) of the golden inputs, for crossover between cases. */
    static final List<Object[]> POOL = new ArrayList<>();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One golden case: its objects and how kagent's test driver translates it. */
    record Case(String name, ArrayNode objects, String namespace, String target, String proxyUrl, String defaultSa) {}

    /** One generated input. */
    record Input(long seed, String caseName, List<Source> sources, Options options, List<String> mutations) {}

    /** A distinct kind of failure, with the first input that showed it. */
    static final class Finding {
        final String signature;
        final String example;
        int count;

        Finding(String signature, String example) {
            this.signature = signature;
            this.example = example;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (var files = Files.list(Path.of("src/test/resources/kagent-golden/inputs"))) {
            for (Path p : files.sorted().toList()) {
                JsonNode in = YAML.readTree(p.toFile());
                out.add(new Case(p.getFileName().toString().replace(".yaml", ""), (ArrayNode) in.path("objects"),
                        in.path("namespace").asText(), in.path("targetObject").asText(), in.path("proxyURL").asText(""),
                        in.path("defaultServiceAccountName").asText("")));
            }
        }
        if (out.size() != 26) {
            throw new IllegalStateException("expected the 26 golden inputs, found " + out.size());
        }
        synchronized (POOL) {
            if (POOL.isEmpty()) {
                for (Case c : out) {
                    for (JsonNode o : c.objects()) {
                        List<Slot> slots = new ArrayList<>();
                        slots(o, "", slots);
                        for (Slot slot : slots) {
                            POOL.add(new Object[] {o.path("kind").asText(), slot.path(), slot.get()});
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedGoldenInputsEndInRenderableOutputOrLocatedErrors() throws IOException {
        List<Case> cases = cases();
        String single = System.getProperty("fuzz.input");
        if (single != null) {
            Input in = generate(cases, Long.parseLong(single));
            System.out.println(describe(in, true));
            String problem = check(in);
            System.out.println(problem == null ? "fuzz input " + single + ": OK" : "fuzz input " + single + ": " + problem);
            assertTrue(problem == null, problem);
            return;
        }
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int target = Integer.getInteger("fuzz.inputs", DEFAULT_INPUTS);
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", DEFAULT_SECONDS));
        Random master = new Random(seed);
        Map<String, Finding> findings = new LinkedHashMap<>();
        Map<String, Integer> codes = new java.util.TreeMap<>();
        int outputs = 0;
        int located = 0;
        long slowest = 0;
        long slowestSeed = 0;
        long start = System.nanoTime();
        int ran = 0;
        while (ran < target && System.nanoTime() - start < budget.toNanos()) {
            long inputSeed = master.nextLong();
            Input in = generate(cases, inputSeed);
            long t0 = System.nanoTime();
            String problem = check(in);
            long took = System.nanoTime() - t0;
            if (took > slowest) {
                slowest = took;
                slowestSeed = inputSeed;
            }
            ran++;
            if (problem == null) {
                continue;
            }
            if (problem.startsWith("OK output")) {
                outputs++;
                continue;
            }
            if (problem.startsWith("OK errors")) {
                located++;
                codes.merge(problem.substring("OK errors ".length()), 1, Integer::sum);
                continue;
            }
            String signature = problem.lines().findFirst().orElse(problem);
            Finding f = findings.get(signature);
            if (f == null) {
                f = new Finding(signature, "input seed " + inputSeed + "\n" + problem + "\n" + describe(in, false));
                findings.put(signature, f);
                System.out.println("FuzzTest: new failure after " + ran + " inputs: " + signature + " (input seed "
                        + inputSeed + ")");
            }
            f.count++;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("FuzzTest: seed %d, %d inputs from %d golden cases in %.1f s (%d rendered, %d rejected with"
                        + " located errors); slowest input %d ms (input seed %d); %d distinct failure(s)%n", seed, ran,
                cases.size(), took.toMillis() / 1000.0, outputs, located, slowest / 1_000_000, slowestSeed, findings.size());
        System.out.println("FuzzTest: first error code of the rejected inputs: " + codes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none"));
        StringBuilder report = new StringBuilder();
        for (Finding f : findings.values()) {
            report.append("\n=== ").append(f.count).append(" x ").append(f.signature).append('\n').append(f.example);
        }
        if (!findings.isEmpty()) {
            System.out.println(report);
            fail(findings.size() + " distinct fuzz failure(s) (seed " + seed + "):" + report);
        }
        assertTrue(ran >= target, "only " + ran + " of " + target + " inputs ran within " + budget.toSeconds() + " s");
    }

    /**
     * Translates one input. Returns {@code "OK output"} / {@code "OK errors <first error code>"} when the run ended as it must,
     * otherwise a description whose first line is the failure's signature.
     */
    static String check(Input in) {
        Result r;
        try {
            r = Translator.translate(in.sources(), in.options());
        } catch (Throwable t) {
            return "exception escaped Translator.translate: " + signature(t) + "\n" + stack(t);
        }
        if (!r.hasErrors()) {
            if (r.manifests().isEmpty() && !in.options().agents().isEmpty()) {
                return "no errors but no output for agents " + in.options().agents();
            }
            for (Manifest m : r.manifests()) {
                if (!SAFE_PATH.matcher(m.relativePath()).matches()) {
                    return "unsafe output path: " + m.relativePath();
                }
                try {
                    String yaml = ManifestRenderer.render(m);
                    if (yaml.isEmpty()) {
                        return "empty rendering of " + m.key();
                    }
                    // the public objects (read back from the text) render to the very same text
                    if (!ManifestRenderer.render(m.objects()).equals(yaml)) {
                        return "objects() of " + m.key() + " do not render to the manifest's text";
                    }
                } catch (Throwable t) {
                    return "exception escaped ManifestRenderer.render: " + signature(t) + "\n" + stack(t);
                }
            }
            return "OK output";
        }
        if (!r.manifests().isEmpty()) {
            return "errors but output: " + r.errors();
        }
        for (Diagnostic d : r.diagnostics()) {
            Origin o = d.origin();
            if (o.equals(Origin.NONE)) {
                if (!d.code().equals("agents")) {
                    return "diagnostic without origin: code " + d.code() + "\n" + d.severity() + " " + d;
                }
                continue;
            }
            if (d.isError() && (o.source().isEmpty() || o.line() <= 0)) {
                return "unlocated error: code " + d.code() + " " + d.message().replaceAll("[0-9]+", "N")
                        .replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'")
                        .replaceAll("(Deployment|Service|ServiceAccount|ConfigMap|Secret|Agent|MCPServer) \\S+", "$1 ns/name")
                        .replaceAll("unexpected field \\S+", "unexpected field …") + "\n" + d;
            }
            if (o.source().contains("\\")) {
                return "source with a backslash: " + o.source();
            }
        }
        return "OK errors " + r.errors().get(0).code();
    }

    private static String signature(Throwable t) {
        StackTraceElement where = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("dev.kagentmaven.core") && !e.getClassName().endsWith("FuzzTest")) {
                where = e;
                break;
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (t.getStackTrace().length == 0) {
            return t.getClass().getSimpleName() + " (stack trace omitted by the JVM after repeats: replay the input seed)";
        }
        return t.getClass().getSimpleName() + (root == t ? "" : " (" + root.getClass().getSimpleName() + ")")
                + (where == null ? "" : " at " + where.getClassName().replaceAll(".*\\.", "") + "." + where.getMethodName()
                + ":" + where.getLineNumber());
    }

    private static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().lines().filter(l -> !l.contains("junit") && !l.contains("reflect.") && !l.contains("surefire"))
                .limit(40).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static String describe(Input in, boolean full) {
        StringBuilder sb = new StringBuilder("case ").append(in.caseName()).append(", mutations ").append(in.mutations())
                .append(", agents ").append(in.options().agents()).append(", renderMcpServers ")
                .append(in.options().renderMcpServers()).append('\n');
        for (Source s : in.sources()) {
            String text = new String(s.content(), StandardCharsets.UTF_8);
            int limit = full ? Integer.MAX_VALUE : 3000;
            sb.append("--- ").append(s.name()).append(" (").append(s.content().length).append(" bytes)\n")
                    .append(text.length() > limit ? text.substring(0, limit) + "\n[... cut]" : text).append('\n');
        }
        return sb.toString();
    }

    // ---- generation ----

    static Input generate(List<Case> cases, long inputSeed) {
        Random rnd = new Random(inputSeed);
        Case c = cases.get(rnd.nextInt(cases.size()));
        ArrayNode objects = c.objects().deepCopy();
        List<String> mutations = new ArrayList<>();
        int dice = rnd.nextInt(10);
        int treeMutations = dice < 7 ? 1 : dice < 9 ? 2 : 3;
        for (int i = 0; i < treeMutations; i++) {
            mutations.add(mutateTree(objects, rnd));
        }
        List<Source> sources = serialise(objects, rnd, mutations);
        if (rnd.nextInt(10) < 3) {
            int which = rnd.nextInt(sources.size());
            Source s = sources.get(which);
            sources.set(which, new Source(s.name(), mutateBytes(s.content(), rnd, mutations)));
        }
        Options.Builder options = Options.builder().imageTag("dev").proxyUrl(c.proxyUrl())
                .defaultServiceAccountName(c.defaultSa());
        int mode = rnd.nextInt(10);
        if (mode < 6) {
            options.agents(List.of(c.namespace() + "/" + c.target()));
        } else if (mode == 9) {
            options.agents(List.of(c.namespace() + "/" + pick(HOSTILE, rnd)));
        }
        options.renderMcpServers(rnd.nextInt(5) == 0);
        options.emitOwnerReferences(rnd.nextInt(10) == 0);
        return new Input(inputSeed, c.name(), sources, options.build(), mutations);
    }

    private static <T> T pick(List<T> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** A place in the tree: a member of an object or an item of an array. */
    private record Slot(JsonNode parent, String key, int index, String path) {
        JsonNode get() {
            return parent.isObject() ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode v) {
            if (parent.isObject()) {
                ((ObjectNode) parent).set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (parent.isObject()) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void slots(JsonNode node, String path, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(new Slot(node, k, -1, path + "/" + k));
                slots(node.get(k), path + "/" + k, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i, path + "/" + i));
                slots(node.get(i), path + "/" + i, out);
            }
        }
    }

    /**
     * Applies one random mutation; returns its description. Half of them keep the JSON type of the value
     * (so that inputs get past the type checks into translation), the rest change types or structure.
     */
    static String mutateTree(ArrayNode objects, Random rnd) {
        List<Slot> all = new ArrayList<>();
        slots(objects, "", all);
        if (all.isEmpty()) {
            objects.add(NODES.objectNode().put("apiVersion", "v1"));
            return "add stub object";
        }
        Slot slot = pick(all, rnd);
        JsonNode old = slot.get();
        switch (rnd.nextInt(20)) {
            case 16, 17: { // crossover: a value from another golden case, at the same place in an object of its kind
                Object[] donor = pick(POOL, rnd);
                return graft(objects, (String) donor[0], (String) donor[1], ((JsonNode) donor[2]).deepCopy(), rnd)
                        ? "crossover " + donor[0] + " " + donor[1] : "noop";
            }
            case 18, 19: {
                String[] entry = pick(DICTIONARY, rnd);
                return graft(objects, entry[0], entry[1], instantiate(entry[2], rnd), rnd)
                        ? "graft " + entry[0] + " " + entry[1] : "noop";
            }
            case 0, 1, 2, 3: { // same type, hostile value
                List<Slot> strings = all.stream().filter(x -> x.get().isTextual()).toList();
                Slot s = strings.isEmpty() ? slot : pick(strings, rnd);
                s.set(NODES.textNode(pick(HOSTILE, rnd)));
                return "hostile string at " + s.path();
            }
            case 4: {
                List<Slot> numbers = all.stream().filter(x -> x.get().isNumber()).toList();
                Slot s = numbers.isEmpty() ? slot : pick(numbers, rnd);
                s.set(pick(NUMBERS, rnd));
                return "number at " + s.path();
            }
            case 5: {
                List<Slot> bools = all.stream().filter(x -> x.get().isBoolean()).toList();
                if (!bools.isEmpty()) {
                    Slot s = pick(bools, rnd);
                    s.set(NODES.booleanNode(!s.get().booleanValue()));
                    return "flip " + s.path();
                }
                slot.remove();
                return "remove " + slot.path();
            }
            case 6, 7:
                slot.remove();
                return "remove " + slot.path();
            case 8:
                slot.set(otherType(old, rnd));
                return "retype " + slot.path();
            case 9:
                slot.set(rnd.nextBoolean() ? pick(NUMBERS, rnd) : NODES.textNode(pick(HOSTILE, rnd)));
                return "replace " + slot.path();
            case 10:
                if (slot.parent().isObject()) {
                    String k = slot.key();
                    String typo = k.length() > 1 ? k.substring(0, k.length() - 1) : k + "x";
                    ((ObjectNode) slot.parent()).set(rnd.nextBoolean() ? typo : k.toUpperCase(), old);
                    if (rnd.nextBoolean()) {
                        ((ObjectNode) slot.parent()).remove(k);
                    }
                    return "rename key " + slot.path();
                }
                ((ArrayNode) slot.parent()).add(old.deepCopy());
                return "duplicate item " + slot.path();
            case 11: {
                JsonNode obj = objects.get(rnd.nextInt(objects.size()));
                objects.add(obj.deepCopy());
                return "duplicate object";
            }
            case 12, 13: {
                JsonNode obj = objects.get(rnd.nextInt(objects.size()));
                if (obj.isObject() && obj.path("metadata").isObject()) {
                    ObjectNode meta = (ObjectNode) obj.get("metadata");
                    String field = rnd.nextInt(3) > 0 ? "name" : "namespace";
                    meta.put(field, rnd.nextInt(3) == 0 ? pick(HOSTILE, rnd) : meta.path(field).asText() + "-x");
                    return "rename object " + field;
                }
                slot.set(NODES.nullNode());
                return "null at " + slot.path();
            }
            case 14: {
                JsonNode obj = objects.get(rnd.nextInt(objects.size()));
                if (obj.isObject()) {
                    String field = rnd.nextBoolean() ? "kind" : "apiVersion";
                    ((ObjectNode) obj).put(field, pick(HOSTILE, rnd));
                    return "change " + field;
                }
                return "noop";
            }
            default:
                slot.set(rnd.nextBoolean() ? NODES.arrayNode().add(old) : NODES.objectNode().set("wrapped", old));
                return "wrap " + slot.path();
        }
    }

    /** Sets {@code value} at {@code path} (creating objects on the way) in a random object of {@code kind}. */
    static boolean graft(ArrayNode objects, String kind, String path, JsonNode value, Random rnd) {
        List<JsonNode> targets = new ArrayList<>();
        objects.forEach(o -> {
            if (o.isObject() && o.path("kind").asText().equals(kind)) {
                targets.add(o);
            }
        });
        if (targets.isEmpty()) {
            return false;
        }
        JsonNode node = pick(targets, rnd);
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode next = node.isObject() ? node.get(segments[i]) : node.isArray() && segments[i].matches("\\d+")
                    ? node.get(Integer.parseInt(segments[i])) : null;
            if (next == null || !next.isContainerNode()) {
                if (!node.isObject()) {
                    return false;
                }
                next = segments[i + 1].matches("\\d+") ? NODES.arrayNode() : NODES.objectNode();
                ((ObjectNode) node).set(segments[i], next);
            }
            node = next;
        }
        String last = segments[segments.length - 1];
        if (node.isObject()) {
            ((ObjectNode) node).set(last, value);
        } else if (node.isArray()) {
            ((ArrayNode) node).add(value);
        } else {
            return false;
        }
        return true;
    }

    /** Parses a dictionary template, replacing {@code $S} and {@code $N} (values and keys). */
    static JsonNode instantiate(String template, Random rnd) {
        try {
            return fill(YAML.readTree(template), rnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fill(JsonNode n, Random rnd) {
        if (n.isTextual()) {
            return switch (n.textValue()) {
                case "$S" -> NODES.textNode(pick(HOSTILE, rnd));
                case "$N" -> pick(NUMBERS, rnd);
                default -> n;
            };
        }
        if (n.isArray()) {
            ArrayNode out = NODES.arrayNode();
            n.forEach(x -> out.add(fill(x, rnd)));
            return out;
        }
        if (n.isObject()) {
            ObjectNode out = NODES.objectNode();
            n.fields().forEachRemaining(e -> out.set(e.getKey().equals("$S") ? pick(HOSTILE, rnd) : e.getKey(),
                    fill(e.getValue(), rnd)));
            return out;
        }
        return n;
    }

    private static JsonNode otherType(JsonNode old, Random rnd) {
        for (int attempt = 0; attempt < 5; attempt++) {
            JsonNode candidate = switch (rnd.nextInt(7)) {
                case 0 -> NODES.textNode(old.isValueNode() ? old.asText() : pick(HOSTILE, rnd));
                case 1 -> pick(NUMBERS, rnd);
                case 2 -> NODES.booleanNode(rnd.nextBoolean());
                case 3 -> NODES.nullNode();
                case 4 -> NODES.arrayNode().add(pick(HOSTILE, rnd));
                case 5 -> NODES.objectNode().put("k", pick(HOSTILE, rnd));
                default -> NODES.objectNode();
            };
            if (candidate.getNodeType() != old.getNodeType()) {
                return candidate;
            }
        }
        return NODES.nullNode();
    }

    /** YAML documents in one or several files, or a JSON {@code kind: List}. */
    static List<Source> serialise(ArrayNode objects, Random rnd, List<String> mutations) {
        List<Source> out = new ArrayList<>();
        YAMLMapper yaml = rnd.nextInt(10) < 7 ? YAML : PLAIN_YAML;
        if (yaml == PLAIN_YAML) {
            mutations.add("plain scalars");
        }
        try {
            int format = rnd.nextInt(10);
            if (format < 2) {
                ObjectNode list = NODES.objectNode().put("apiVersion", "v1").put("kind", "List");
                list.set("items", objects);
                out.add(new Source("inputs/objects.json", JSON.writeValueAsBytes(list)));
                mutations.add("as JSON");
            } else if (format < 4) {
                for (int i = 0; i < objects.size(); i++) {
                    out.add(new Source("inputs/dir" + (i % 2) + "/o" + i + ".yaml", yaml.writeValueAsBytes(objects.get(i))));
                }
                mutations.add("one file per object");
            } else {
                StringBuilder sb = new StringBuilder();
                for (JsonNode o : objects) {
                    sb.append("---\n").append(yaml.writeValueAsString(o));
                }
                out.add(Source.ofString("inputs/objects.yaml", sb.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            out.add(Source.ofString("inputs/empty.yaml", ""));
        }
        return out;
    }

    /** Truncates, cuts, splices or corrupts the bytes of one file. */
    static byte[] mutateBytes(byte[] in, Random rnd, List<String> mutations) {
        if (in.length == 0) {
            return in;
        }
        int at = rnd.nextInt(in.length);
        switch (rnd.nextInt(5)) {
            case 0:
                mutations.add("truncate at " + at);
                return java.util.Arrays.copyOf(in, at);
            case 1: {
                int len = 1 + rnd.nextInt(Math.min(64, in.length - at));
                mutations.add("cut " + len + " bytes at " + at);
                byte[] out = new byte[in.length - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, in.length - at - len);
                return out;
            }
            case 2:
            case 3: {
                byte[] splice = pick(SPLICES, rnd);
                mutations.add("splice " + new String(splice, StandardCharsets.ISO_8859_1).replace("\n", "\\n") + " at " + at);
                byte[] out = new byte[in.length + splice.length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(splice, 0, out, at, splice.length);
                System.arraycopy(in, at, out, at + splice.length, in.length - at);
                return out;
            }
            default: {
                byte[] out = in.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
                }
                mutations.add("corrupt " + flips + " byte(s)");
                return out;
            }
        }
    }
}
