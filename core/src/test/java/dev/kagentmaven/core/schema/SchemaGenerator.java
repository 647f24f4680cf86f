package dev.kagentmaven.core.schema;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives {@code core/src/main/resources/dev/kagentmaven/core/k8s-schema.json}, the strict draft-07
 * schema that output validation checks every emitted object against, from the generated model classes
 * of {@code io.kubernetes:client-java-api} (test scope only; reflection happens here, never at run time).
 *
 * <p>Every model class reachable from the kinds the translator emits becomes one definition named
 * after the class ({@code V1Deployment}, {@code V1Container}, ...): an object with
 * {@code additionalProperties: false}, one property per entry of the class's {@code openapiFields}
 * (typed from the Java field that carries that JSON name) and {@code required} from its
 * {@code openapiRequiredFields}. Field types map as: String → string; Integer → int32 integer;
 * Long → integer; Boolean → boolean; Float/Double → number; OffsetDateTime → date-time string;
 * byte[] → base64 string; List → array; Map → object of values; Object → anything;
 * {@link Quantity} → {@code #/definitions/Quantity} (string in Kubernetes' quantity grammar, or
 * number); {@link IntOrString} → {@code #/definitions/IntOrString} (string or int32 integer).
 * Any other type fails the generator, so a new client version cannot silently weaken the schema.
 *
 * <p>Output is deterministic: keys sorted at every level, two-space indentation, LF line ends and a
 * final newline. {@code SchemaStalenessTest} regenerates in memory and compares with the committed
 * file. To regenerate after a client-java-api bump (from {@code core/}):
 * <pre>mvn -q -B -ntp test -Dtest=SchemaStalenessTest -Dk8s.schema.write=true</pre>
 * or run {@link #main} with the test classpath and, optionally, the output path (default
 * {@value #RESOURCE_PATH}, relative to {@code core/}).
 */
public final class SchemaGenerator {
    /** The committed resource, relative to the core module. */
    public static final String RESOURCE_PATH = "src/main/resources/dev/kagentmaven/core/k8s-schema.json";
    /** The classpath name of the committed resource. */
    public static final String CLASSPATH_NAME = "/dev/kagentmaven/core/k8s-schema.json";

    /** The kinds the translator emits; runtime finds a kind's definition as {@code V1<Kind>}. */
    static final List<Class<?>> ROOTS = List.of(V1ConfigMap.class, V1Deployment.class, V1Secret.class,
            V1Service.class, V1ServiceAccount.class);

    private static final String MODELS_PACKAGE = "io.kubernetes.client.openapi.models";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /**
     * Kubernetes' serialization grammar for resource.Quantity (k8s.io/apimachinery
     * pkg/api/resource, as its OpenAPI description states); a plain JSON number is accepted too.
     */
    static final String QUANTITY_PATTERN = "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)"
            + "(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))?$";
    /** Standard base64 alphabet with padding (Secret {@code data} values are []byte in Go). */
    static final String BASE64_PATTERN = "^[A-Za-z0-9+/]*={0,2}$";

    private SchemaGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : RESOURCE_PATH);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The schema document, exactly as committed. */
    public static String generate() {
        ObjectNode root = F.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$comment", "Generated by dev.kagentmaven.core.schema.SchemaGenerator from the model classes of"
                + " io.kubernetes:client-java-api " + clientVersion() + " - do not edit; regenerate with SchemaStalenessTest -Dk8s.schema.write=true."
                + " Roots: " + String.join(", ", ROOTS.stream().map(Class::getSimpleName).toList()) + ".");
        ObjectNode definitions = root.putObject("definitions");
        Deque<Class<?>> todo = new ArrayDeque<>(ROOTS);
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (seen.add(c.getSimpleName())) {
                definitions.set(c.getSimpleName(), definition(c, todo));
            }
        }
        definitions.set("Quantity", F.objectNode()
                .<ObjectNode>set("type", F.arrayNode().add("string").add("number"))
                .put("pattern", QUANTITY_PATTERN));
        definitions.set("IntOrString", F.objectNode()
                .<ObjectNode>set("type", F.arrayNode().add("string").add("integer"))
                .put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE));
        return write(sorted(root));
    }

    private static ObjectNode definition(Class<?> c, Deque<Class<?>> todo) {
        Set<String> fields = new TreeSet<>(staticSet(c, "openapiFields"));
        Set<String> required = new TreeSet<>(staticSet(c, "openapiRequiredFields"));
        Map<String, Field> byJsonName = new TreeMap<>();
        for (Field f : c.getDeclaredFields()) {
            SerializedName sn = f.getAnnotation(SerializedName.class);
            if (!Modifier.isStatic(f.getModifiers()) && sn != null) {
                byJsonName.put(sn.value(), f);
            }
        }
        if (!byJsonName.keySet().equals(fields)) {
            throw new IllegalStateException(c.getName() + ": openapiFields " + fields + " do not match the fields "
                    + byJsonName.keySet());
        }
        if (!fields.containsAll(required)) {
            throw new IllegalStateException(c.getName() + ": required " + required + " not among " + fields);
        }
        ObjectNode def = F.objectNode();
        def.put("type", "object");
        def.put("additionalProperties", false);
        ObjectNode props = def.putObject("properties");
        for (Map.Entry<String, Field> e : byJsonName.entrySet()) {
            props.set(e.getKey(), typeSchema(e.getValue().getGenericType(), c.getName() + "." + e.getKey(), todo));
        }
        if (!required.isEmpty()) {
            ArrayNode r = def.putArray("required");
            required.forEach(r::add);
        }
        return def;
    }

    private static ObjectNode typeSchema(Type t, String where, Deque<Class<?>> todo) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return F.objectNode().put("type", "array").set("items", typeSchema(args[0], where + "[]", todo));
            }
            if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
                return F.objectNode().put("type", "object")
                        .set("additionalProperties", typeSchema(args[1], where + "{}", todo));
            }
            throw new IllegalStateException(where + ": unsupported generic type " + t);
        }
        if (t == String.class) {
            return F.objectNode().put("type", "string");
        }
        if (t == Integer.class) {
            return F.objectNode().put("type", "integer").put("minimum", Integer.MIN_VALUE)
                    .put("maximum", Integer.MAX_VALUE);
        }
        if (t == Long.class) {
            return F.objectNode().put("type", "integer");
        }
        if (t == Boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (t == Double.class || t == Float.class) {
            return F.objectNode().put("type", "number");
        }
        if (t == OffsetDateTime.class) {
            return F.objectNode().put("type", "string").put("format", "date-time");
        }
        if (t == LocalDate.class) {
            return F.objectNode().put("type", "string").put("format", "date");
        }
        if (t == byte[].class) {
            return F.objectNode().put("type", "string").put("pattern", BASE64_PATTERN);
        }
        if (t == Object.class) {
            return F.objectNode();
        }
        if (t == Quantity.class) {
            return F.objectNode().put("$ref", "#/definitions/Quantity");
        }
        if (t == IntOrString.class) {
            return F.objectNode().put("$ref", "#/definitions/IntOrString");
        }
        if (t instanceof Class<?> c && c.getPackageName().equals(MODELS_PACKAGE) && !c.isEnum()
                && hasStatic(c, "openapiFields")) {
            todo.add(c);
            return F.objectNode().put("$ref", "#/definitions/" + c.getSimpleName());
        }
        throw new IllegalStateException(where + ": unsupported type " + t);
    }

    private static boolean hasStatic(Class<?> c, String name) {
        try {
            return Modifier.isStatic(c.getDeclaredField(name).getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> staticSet(Class<?> c, String name) {
        try {
            return (Set<String>) c.getDeclaredField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getName() + " has no static " + name, e);
        }
    }

    private static String clientVersion() {
        try (InputStream in = V1Deployment.class.getResourceAsStream(
                "/META-INF/maven/io.kubernetes/client-java-api/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("client-java-api pom.properties not found");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonNode> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            n.forEach(x -> a.add(sorted(x)));
            return a;
        }
        return n;
    }

    private static String write(JsonNode n) {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withObjectIndenter(lf).withArrayIndenter(lf);
        try {
            return new ObjectMapper().writer(pp).writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
