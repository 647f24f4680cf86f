package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.regex.RegularExpressions;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaValidator} against the networknt validator it replaced ({@link NetworkntOracle}, test
 * scope): the same violations — pointer, message, order, de-duplication — for every object of the
 * golden expected outputs (kagent and kmcp), for the canonical trees the translator renders for the
 * kagent golden inputs, and for thousands of seeded random mutations of them. Also the pieces with
 * their own parsers (date-time, the Quantity and base64 patterns) against networknt's own predicates
 * on fuzzed strings.
 *
 * <p>The seed is fixed ({@value #DEFAULT_SEED}) and printed in every failure; another can be tried with
 * {@code -Dschema.diff.seed=N}.
 */
class SchemaValidatorDifferentialTest {
    private static final long DEFAULT_SEED = 0x5c4e_3a7a_2024L;
    private static final long SEED = Long.getLong("schema.diff.seed", DEFAULT_SEED);
    private static final int MUTATED_TREES = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static NetworkntOracle oracle;
    private static KubernetesSchema schema;
    /** Every corpus object of a kind the schema knows. */
    private static final List<ObjectNode> corpus = new ArrayList<>();
    /** Of those, the canonical trees the translator rendered (valid by construction). */
    private static final List<ObjectNode> rendered = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        oracle = NetworkntOracle.committed();
        schema = KubernetesSchema.get();
        Path golden = resourceDir("/kagent-golden/outputs");
        try (Stream<Path> files = Files.list(golden)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode o : JSON.readTree(f.toFile()).path("manifest")) {
                    addToCorpus(o);
                }
            }
        }
        Path kmcp = resourceDir("/kmcp");
        try (Stream<Path> dirs = Files.list(kmcp)) {
            for (Path d : dirs.sorted().toList()) {
                Path expected = d.resolve("expected.yaml");
                if (Files.exists(expected)) {
                    for (JsonNode o : YAML.readValues(YAML.createParser(expected.toFile()), JsonNode.class)
                            .readAll()) {
                        addToCorpus(o);
                    }
                }
            }
        }
        for (String name : new String(resource("/kagent-golden/cases.txt"), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList()) {
            for (HasMetadata o : translateGolden(name)) {
                ObjectNode tree = (ObjectNode) Render.canonical(o);
                rendered.add(tree);
                corpus.add(tree);
            }
        }
        System.out.printf("schema differential: %d corpus objects (%d rendered), seed %d%n", corpus.size(),
                rendered.size(), SEED);
    }

    private static void addToCorpus(JsonNode o) {
        if (o.isObject() && schema.knows(o.path("apiVersion").asText(""), o.path("kind").asText(""))) {
            corpus.add((ObjectNode) o);
        }
    }

    // ---- corpus -----------------------------------------------------------------------------------------

    @Test
    void corpusObjectsGiveTheSameAnswers() {
        assertTrue(corpus.size() > 200, "corpus too small: " + corpus.size());
        int withViolations = 0;
        for (ObjectNode tree : corpus) {
            List<OutputValidation.Violation> expected = oracle.check(tree);
            assertEquals(expected, ours(tree), () -> "seed=" + SEED + " corpus object " + tree);
            if (!expected.isEmpty()) {
                withViolations++;
            }
        }
        for (ObjectNode tree : rendered) {
            assertEquals(List.of(), ours(tree), tree::toString);
        }
        System.out.printf("schema differential: %d corpus objects agree (%d with violations)%n", corpus.size(),
                withViolations);
    }

    @Test
    void unknownKindsAreRejectedByBoth() {
        ObjectNode pod = F.objectNode().put("apiVersion", "v1").put("kind", "Pod");
        assertThrows(IllegalArgumentException.class, () -> oracle.check(pod));
        assertThrows(IllegalArgumentException.class, () -> schema.validate("v1", "Pod", pod));
    }

    // ---- mutations --------------------------------------------------------------------------------------

    @Test
    void mutatedObjectsGiveTheSameAnswers() {
        Random r = new Random(SEED);
        int violating = 0;
        long violations = 0;
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        int duplicates = 0;
        for (int i = 0; i < MUTATED_TREES; i++) {
            ObjectNode original = corpus.get(r.nextInt(corpus.size()));
            ObjectNode tree = original.deepCopy();
            int mutations = 1 + r.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                try {
                    mutate(tree, r);
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    // withObject/withArray through a scalar the tree already has there: no mutation
                }
            }
            String apiVersion = original.path("apiVersion").asText();
            String kind = original.path("kind").asText();
            NetworkntOracle.Answer answer = oracle.answer(KubernetesSchema.definitionName(apiVersion, kind), tree);
            List<OutputValidation.Violation> expected = answer.violations();
            duplicates += answer.errors() - expected.size();
            List<OutputValidation.Violation> got = schema.validate(apiVersion, kind, tree);
            int n = i;
            assertEquals(expected, got, () -> "seed=" + SEED + " mutation #" + n + " of " + kind + ": " + tree);
            if (!expected.isEmpty()) {
                violating++;
                violations += expected.size();
            }
            for (OutputValidation.Violation v : expected) {
                kinds.merge(kindOf(v.message()), 1, Integer::sum);
            }
        }
        System.out.printf("schema differential: %d mutated trees agree (%d with violations, %d violations: %s;"
                + " %d duplicates dropped)%n", MUTATED_TREES, violating, violations, kinds, duplicates);
        assertTrue(duplicates > 0, "no mutation produced a duplicate violation");
        for (String k : List.of("unknown field", "required", "found", "wrong type", "quantity", "base64", "pattern",
                "at least", "at most", "date-time", "withheld")) {
            assertTrue(kinds.getOrDefault(k, 0) > 0, () -> "no mutation produced a \"" + k + "\" violation: " + kinds);
        }
        assertTrue(violating > MUTATED_TREES / 2, "mutations too tame: " + violating);
    }

    /** Which kind of message a violation has, for the coverage summary. */
    private static String kindOf(String message) {
        for (String k : List.of("withheld", "unknown field", "required", "wrong type", "found", "quantity", "base64",
                "pattern", "at least", "at most", "date-time")) {
            if (message.contains(k)) {
                return k;
            }
        }
        return message;
    }

    private static void mutate(ObjectNode root, Random r) {
        switch (r.nextInt(14)) {
            case 0, 1, 2 -> replaceSomewhere(root, r, randomValue(r, 2));
            case 3 -> {
                ObjectNode o = randomObject(root, r);
                o.set(unknownName(r), randomValue(r, 2));
            }
            case 4 -> {
                ObjectNode o = randomObject(root, r);
                if (o.size() > 0) {
                    o.remove(fieldNames(o).get(r.nextInt(o.size())));
                }
            }
            case 5 -> {
                // nested arrays, or the value wrapped in an array
                Slot s = randomSlot(root, r);
                if (s != null) {
                    ArrayNode a = F.arrayNode();
                    a.add(r.nextBoolean() ? s.get().deepCopy() : F.arrayNode().add(s.get().deepCopy()));
                    s.set(a);
                }
            }
            case 6 -> dateTime(root, r);
            case 7 -> quantity(root, r);
            case 8 -> integers(root, r);
            case 9 -> data(root, r);
            case 10 -> {
                // a string where an object was, or an object where a scalar was
                Slot s = randomSlot(root, r);
                if (s != null) {
                    s.set(s.get().isContainerNode() ? TextNode.valueOf(randomString(r))
                            : F.objectNode().set(r.nextBoolean() ? "name" : unknownName(r), s.get().deepCopy()));
                }
            }
            case 11 -> {
                // a field that exists elsewhere in the tree put into another object
                ObjectNode from = randomObject(root, r);
                ObjectNode to = randomObject(root, r);
                if (from.size() > 0) {
                    String name = fieldNames(from).get(r.nextInt(from.size()));
                    to.set(name, from.get(name).deepCopy());
                }
            }
            case 12 -> replaceSomewhere(root, r, NullNode.getInstance());
            default -> {
                // the secret guard: Secret values that look like parts of messages and pointers
                if (root.path("kind").asText().equals("Secret") && r.nextBoolean()) {
                    // a Secret value naming a field on the path of two violations: both are withheld
                    // and collapse into one (the de-duplication)
                    String at = pick(r, new String[] {"/metadata", "/metadata/labels", "/metadata/annotations",
                        "/stringData", "/data"});
                    String name = at.substring(at.lastIndexOf('/') + 1);
                    ObjectNode target = root.withObject(at);
                    for (int i = 0; i < 2; i++) {
                        target.set(at.equals("/metadata") ? unknownName(r) + i : "v" + i,
                                at.equals("/data") ? TextNode.valueOf("%%" + i) : IntNode.valueOf(i));
                    }
                    root.withObject("/stringData").put("secret", name);
                } else if (root.path("kind").asText().equals("Secret")) {
                    ObjectNode target = (ObjectNode) (r.nextBoolean() ? root.withObject("/stringData")
                            : root.withObject("/data"));
                    target.set("k" + r.nextInt(5), r.nextInt(4) == 0 ? randomValue(r, 1)
                            : TextNode.valueOf(pick(r, SECRETISH)));
                } else {
                    randomObject(root, r).set(pick(r, SECRETISH), randomValue(r, 1));
                }
            }
        }
    }

    private static final String[] SECRETISH = {"null", "found", "string", "integer", "expected", "object", "array",
        "boolean", "number", "bogusField", "unknown field", "metadata", "spec", "name", "labels", "required",
        "missing", "V1ObjectMeta", "V1Secret", "Kubernetes", "date-time", "valid", "/metadata", "quantity", "base64",
        "type", "withheld", "at most", "2147483647", "-2147483648", "k0", "data", "stringData", "creationTimestamp"};

    /** A date-time-like string at one of the date-time fields. */
    private static void dateTime(ObjectNode root, Random r) {
        JsonNode value = r.nextInt(6) == 0 ? randomValue(r, 1) : TextNode.valueOf(randomDateTime(r));
        switch (r.nextInt(4)) {
            case 0 -> root.withObject("/metadata").set("creationTimestamp", value);
            case 1 -> root.withObject("/metadata").set("deletionTimestamp", value);
            case 2 -> {
                if (root.path("kind").asText().equals("Deployment")) {
                    ObjectNode c = root.withObject("/status").withArray("conditions").addObject()
                            .put("type", "Available").put("status", "True");
                    c.set(r.nextBoolean() ? "lastUpdateTime" : "lastTransitionTime", value);
                } else {
                    root.withObject("/metadata").set("creationTimestamp", value);
                }
            }
            default -> {
                ArrayNode managed = root.withObject("/metadata").withArray("managedFields");
                managed.addObject().put("manager", "m").set("time", value);
            }
        }
    }

    /** A quantity-like value in a container's resources or the pod overhead. */
    private static void quantity(ObjectNode root, Random r) {
        JsonNode value = r.nextInt(3) == 0 ? randomValue(r, 1) : TextNode.valueOf(randomQuantity(r));
        ObjectNode container = anyContainer(root, r);
        if (container == null) {
            replaceSomewhere(root, r, value);
            return;
        }
        String map = r.nextInt(5) == 0 ? "claims" : r.nextBoolean() ? "limits" : "requests";
        if (map.equals("claims")) {
            container.withObject("/resources").set("claims", value);
        } else {
            container.withObject("/resources").withObject("/" + map)
                    .set(pick(r, new String[] {"cpu", "memory", "ephemeral-storage", "nvidia.com/gpu", "x~y"}), value);
        }
    }

    /** Numbers of every kind at integer, int-or-string and unbounded int64 fields. */
    private static void integers(ObjectNode root, Random r) {
        JsonNode value = r.nextInt(5) == 0 ? randomValue(r, 1) : randomNumber(r);
        String kind = root.path("kind").asText();
        if (kind.equals("Service")) {
            ObjectNode port = root.withObject("/spec").withArray("ports").addObject().put("port", 80);
            port.set(pick(r, new String[] {"port", "targetPort", "nodePort"}), value);
            return;
        }
        ObjectNode container = anyContainer(root, r);
        if (container == null) {
            replaceSomewhere(root, r, value);
            return;
        }
        switch (r.nextInt(6)) {
            case 0 -> root.withObject("/spec").set(pick(r, new String[] {"replicas", "progressDeadlineSeconds",
                "revisionHistoryLimit", "minReadySeconds"}), value);
            case 1 -> root.withObject("/spec/template/spec").set(pick(r, new String[] {
                "terminationGracePeriodSeconds", "activeDeadlineSeconds", "priority"}), value);
            case 2 -> container.withArray("ports").addObject().put("name", "p").set("containerPort", value);
            case 3 -> container.withObject("/readinessProbe").withObject("/httpGet").put("path", "/")
                    .set("port", value);
            case 4 -> container.withObject("/securityContext").set(
                    pick(r, new String[] {"runAsUser", "runAsGroup", "runAsNonRoot"}), value);
            default -> root.withObject("/spec/template/spec").withObject("/securityContext")
                    .withArray("supplementalGroups").add(value);
        }
    }

    /** Base64-ish and other values in Secret data/stringData and ConfigMap data/binaryData. */
    private static void data(ObjectNode root, Random r) {
        JsonNode value = r.nextInt(4) == 0 ? randomValue(r, 1) : TextNode.valueOf(randomBase64(r));
        String kind = root.path("kind").asText();
        String field = switch (kind) {
            case "Secret" -> r.nextBoolean() ? "data" : "stringData";
            case "ConfigMap" -> r.nextBoolean() ? "data" : "binaryData";
            default -> null;
        };
        if (field == null) {
            replaceSomewhere(root, r, value);
        } else if (r.nextInt(8) == 0) {
            root.set(field, value);
        } else {
            root.withObject("/" + field).set(r.nextInt(3) == 0 ? unknownName(r) : "key" + r.nextInt(3), value);
        }
    }

    private static ObjectNode anyContainer(ObjectNode root, Random r) {
        JsonNode containers = root.at(r.nextInt(4) == 0 ? "/spec/template/spec/initContainers"
                : "/spec/template/spec/containers");
        if (!containers.isArray() || containers.isEmpty()) {
            containers = root.at("/spec/template/spec/containers");
        }
        if (!containers.isArray() || containers.isEmpty()) {
            return null;
        }
        JsonNode c = containers.get(r.nextInt(containers.size()));
        return c.isObject() ? (ObjectNode) c : null;
    }

    // ---- random values ----------------------------------------------------------------------------------

    private static JsonNode randomValue(Random r, int depth) {
        int k = r.nextInt(depth > 0 ? 12 : 9);
        return switch (k) {
            case 0, 1 -> TextNode.valueOf(randomString(r));
            case 2, 3 -> randomNumber(r);
            case 4 -> BooleanNode.valueOf(r.nextBoolean());
            case 5 -> NullNode.getInstance();
            case 6 -> TextNode.valueOf(randomQuantity(r));
            case 7 -> TextNode.valueOf(randomDateTime(r));
            case 8 -> switch (r.nextInt(8)) {
                // not from parsed JSON, but a tree can hold them: binary counts as a string, a POJO as no type
                case 0 -> BinaryNode.valueOf(new byte[] {1, 2, (byte) r.nextInt(256)});
                case 1 -> F.pojoNode("pojo");
                default -> TextNode.valueOf(randomBase64(r));
            };
            case 9 -> {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    o.set(r.nextBoolean() ? unknownName(r) : pick(r, new String[] {"name", "value", "key", "port"}),
                            randomValue(r, depth - 1));
                }
                yield o;
            }
            default -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    a.add(r.nextInt(3) == 0 ? F.arrayNode().add(randomValue(r, 0)) : randomValue(r, depth - 1));
                }
                yield a;
            }
        };
    }

    private static JsonNode randomNumber(Random r) {
        long[] longs = {0, 1, -1, 7, 8080, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L,
            Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE, 3_000_000_000L, -3_000_000_000L};
        double[] doubles = {1.0, -1.0, 0.5, 1.5, -0.0, 2147483647.0, 2147483647.5, 2147483648.0, -2147483648.0,
            -2147483648.5, -2147483649.0, 1e10, 9.2e18, 1e19, -1e19, 1e300, -1e300, Double.MIN_VALUE,
            3.0000000000000004, 8080.0};
        String[] decimals = {"1.0", "1.50", "1E+3", "2147483647.0", "2147483648.0", "-2147483649", "1E+20",
            "12345678901234567890.0", "-0.5", "0E-10", "18446744073709551617", "2147483647.000000001", "8080"};
        return switch (r.nextInt(9)) {
            case 0 -> IntNode.valueOf((int) pick(r, longs));
            case 1 -> LongNode.valueOf(pick(r, longs));
            case 2 -> IntNode.valueOf(r.nextInt());
            case 3 -> BigIntegerNode.valueOf(BigInteger.valueOf(pick(r, longs))
                    .add(r.nextBoolean() ? BigInteger.ZERO : BigInteger.valueOf(r.nextInt(3) - 1).shiftLeft(64)));
            case 4, 5 -> DoubleNode.valueOf(doubles[r.nextInt(doubles.length)]);
            case 6 -> DecimalNode.valueOf(new BigDecimal(pick(r, decimals)));
            case 7 -> FloatNode.valueOf(new float[] {1.0f, 1.5f, 3e9f, -2.5f}[r.nextInt(4)]);
            default -> ShortNode.valueOf((short) r.nextInt(Short.MAX_VALUE));
        };
    }

    private static String randomString(Random r) {
        String[] strings = {"", "x", "abc", "500m", "2 Gi", "http", "8080", "1.0", "true", "null", "a/b", "a~b",
            "line\nbreak", "tab\there", "é", "\u0000"};
        if (r.nextInt(3) == 0) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(8); i > 0; i--) {
                b.append((char) (32 + r.nextInt(95)));
            }
            return b.toString();
        }
        return pick(r, strings);
    }

    static String randomQuantity(Random r) {
        String[] tokens = {"", "+", "-", "0", "1", "12", "007", ".", "5", ".5", "e", "E", "e3", "E-2", "e+", "Ki",
            "Mi", "Gi", "Ti", "Pi", "Ei", "i", "m", "k", "K", "n", "u", "M", "G", "T", "P", " ", "\n", "x", "1.",
            "١"};
        StringBuilder b = new StringBuilder();
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
            b.append(pick(r, tokens));
        }
        return b.toString();
    }

    static String randomBase64(Random r) {
        String alphabet = "ABCxyz019+/=-_ \n.";
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(9); i > 0; i--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        if (r.nextInt(4) == 0) {
            b.append(pick(r, new String[] {"=", "==", "===", "\n", "=\n"}));
        }
        return b.toString();
    }

    static String randomDateTime(Random r) {
        if (r.nextInt(10) == 0) {
            return pick(r, new String[] {"", "yesterday", "2020", "2020-01", "2020-01-01", "2020-01-01T10:00",
                "2020-01-01T10:00Z", "2020-01-01T10:00:00", "2020-01-01T10:00:00Z", "2020-01-01t10:00:00z",
                "2020-01-01 10:00:00+01:00", "2020-01-01T10:00:00Zjunk", "2020-01-01T10:00:00.Z",
                "2020-01-01T10:00:00.123456789Z", "2020-01-01T10:00:00.1234567890Z", "2020-01-01T10:00:00-00:00",
                "2020-01-01T10:00:00+00:00", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60", "2016-12-31T23:59:60.5",
                "2015-06-30T23:59:60Z", "1979-12-31T23:59:60Z", "2017-12-31T23:59:60Z", "2016-12-31T22:59:60-01:00",
                "2016-12-31T23:59:60+01:00", "2020-02-29T00:00:00Z", "2021-02-29T00:00:00Z",
                "2020-01-01T24:00:00Z", "2020-01-01T10:00:00+05x30", "2020-01-01T10:00:00+0530",
                "2020-01-01T10:00:00+18:00", "2020-01-01T10:00:00+18:01", "2020-01-01T10:00:00+05:75"});
        }
        boolean leap = r.nextInt(3) == 0;
        String year = leap ? pick(r, new String[] {"1972", "1979", "1989", "2016", "2017", "2030", "1970", "1987"})
                : String.format("%04d", r.nextInt(10_000));
        String monthDay = leap ? pick(r, new String[] {"12-31", "06-30", "12-30", "07-01", "13-31"})
                : String.format("%02d-%02d", r.nextInt(14), r.nextInt(33));
        String sep = pick(r, new String[] {"T", "T", "T", "t", " ", "x"});
        String hm = leap ? pick(r, new String[] {"23:59", "22:59", "00:59", "23:29", "25:59", "23:60"})
                : String.format("%02d:%02d", r.nextInt(26), r.nextInt(62));
        String sec = leap ? "60" : String.format("%02d", pick(r, new int[] {0, 30, 59, 60, 61, r.nextInt(100)}));
        String fraction = switch (r.nextInt(5)) {
            case 0 -> "." + "1234567890".substring(0, r.nextInt(11));
            case 1 -> "." + r.nextInt(1000);
            default -> "";
        };
        String zone = pick(r, new String[] {"Z", "Z", "z", "", "+00:00", "-00:00", "+01:00", "-01:00", "+05:30",
            "-05:30", "+18:00", "-18:00", "+18:01", "+19:00", "+05:75", "+05x30", "+0530", "+01:00x", "Zx", "+1",
            "-12:00"});
        String s = year + "-" + monthDay + sep + hm + ":" + sec + fraction + zone;
        if (r.nextInt(15) == 0) {
            s = s.substring(0, r.nextInt(s.length() + 1));
        }
        return s;
    }

    private static String unknownName(Random r) {
        return pick(r, new String[] {"bogusField", "x", "a/b", "a~b", "new\nline", "tab\t", "Name", "", "status",
            "spec", "0", "ü"});
    }

    private static <T> T pick(Random r, T[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    private static long pick(Random r, long[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    private static int pick(Random r, int[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    // ---- slots in a tree --------------------------------------------------------------------------------

    /** A place holding a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }
    }

    private static void replaceSomewhere(ObjectNode root, Random r, JsonNode value) {
        Slot s = randomSlot(root, r);
        if (s != null) {
            s.set(value);
        }
    }

    private static Slot randomSlot(JsonNode root, Random r) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, null);
        return slots.isEmpty() ? null : slots.get(r.nextInt(slots.size()));
    }

    private static ObjectNode randomObject(ObjectNode root, Random r) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, null, objects);
        return objects.get(r.nextInt(objects.size()));
    }

    private static void collect(JsonNode n, List<Slot> slots, List<ObjectNode> objects) {
        if (n.isObject()) {
            if (objects != null) {
                objects.add((ObjectNode) n);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (slots != null) {
                    slots.add(new Slot(n, e.getKey(), -1));
                }
                collect(e.getValue(), slots, objects);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                if (slots != null) {
                    slots.add(new Slot(n, null, i));
                }
                collect(n.get(i), slots, objects);
            }
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---- the hand-written parsers against networknt's own predicates ------------------------------------

    @Test
    void dateTimeAgreesWithNetworknt() {
        DateTimeFormat format = new DateTimeFormat();
        Random r = new Random(SEED);
        int valid = 0;
        for (int i = 0; i < 40_000; i++) {
            String s = randomDateTime(r);
            boolean expected = format.matches(null, s);
            assertEquals(expected, SchemaValidator.isDateTime(s), () -> "seed=" + SEED + " date-time \"" + s + "\"");
            if (expected) {
                valid++;
            }
        }
        assertTrue(valid > 2_000, "too few valid date-times: " + valid);
    }

    @Test
    void patternsAgreeWithNetworknt() throws IOException {
        JsonNode defs = JSON.readTree(resource(KubernetesSchema.RESOURCE)).path("definitions");
        Pattern quantity = Pattern.compile(RegularExpressions.replaceDollarAnchors(
                defs.path("Quantity").path("pattern").asText()));
        Pattern base64 = Pattern.compile(RegularExpressions.replaceDollarAnchors(
                defs.path("V1Secret").path("properties").path("data").path("additionalProperties").path("pattern")
                        .asText()));
        assertEquals(RegularExpressions.replaceDollarAnchors(defs.path("Quantity").path("pattern").asText()),
                SchemaValidator.dollarIsEndOfInput(defs.path("Quantity").path("pattern").asText()));
        Random r = new Random(SEED);
        int validQuantities = 0;
        for (int i = 0; i < 100_000; i++) {
            String q = randomQuantity(r);
            boolean expected = quantity.matcher(q).find();
            assertEquals(expected, SchemaValidator.isQuantity(q), () -> "seed=" + SEED + " quantity \"" + q + "\"");
            validQuantities += expected ? 1 : 0;
            String b = randomBase64(r);
            assertEquals(base64.matcher(b).find(), SchemaValidator.isBase64(b),
                    () -> "seed=" + SEED + " base64 \"" + b + "\"");
        }
        assertTrue(validQuantities > 5_000, "too few valid quantities: " + validQuantities);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static List<OutputValidation.Violation> ours(ObjectNode tree) {
        return schema.validate(tree.path("apiVersion").asText(), tree.path("kind").asText(), tree);
    }

    private static List<HasMetadata> translateGolden(String name) throws IOException {
        JsonNode input = YAML.readTree(resource("/kagent-golden/inputs/" + name + ".yaml"));
        String ns = input.path("namespace").asText();
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        list.set("items", input.path("objects"));
        Options o = Options.builder().imageTag("dev")
                .agents(List.of(ns + "/" + input.path("targetObject").asText()))
                .proxyUrl(input.path("proxyURL").asText(""))
                .defaultServiceAccountName(input.path("defaultServiceAccountName").asText(""))
                .build();
        Result result = Translator.translate(List.of(Source.ofString("objects.json", JSON.writeValueAsString(list))),
                o);
        return result.manifests().isEmpty() ? List.of() : result.manifests().get(0).objects();
    }

    private static Path resourceDir(String path) throws URISyntaxException {
        return Path.of(SchemaValidatorDifferentialTest.class.getResource(path).toURI());
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SchemaValidatorDifferentialTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
