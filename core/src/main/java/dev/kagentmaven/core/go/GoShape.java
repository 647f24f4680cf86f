package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reproduces the JSON that Go's encoding/json emits after decoding a user-supplied fragment into a
 * typed k8s.io/api value (kubernetes/api v0.36.3) — or into one of the input kinds of kagent
 * ({@code v1alpha2.Agent}, {@code v1alpha2.ModelConfig}, {@code v1alpha2.RemoteMCPServer}) and kmcp
 * ({@code kmcp.MCPServer}) — and encoding it again: unknown fields dropped,
 * omitempty/omitzero applied, absent non-omitempty fields written as Go zero values, inline structs
 * flattened, IntOrString kept as int or string, and resource.Quantity values canonicalised.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GoShape {

  /** Receives what Go's decoder would silently drop or reject. */
  public interface Problems {
    /**
     * An input key the Go type does not have (dropped). path = JSON pointer of the containing object,
     * relative to input root, e.g. "/0/volumeMounts/1".
     */
    void unknownField(String path, String field);

    /**
     * A value of the wrong JSON type (Go's decoder would fail, e.g. a number where a string is
     * expected, a string for a bool); path = JSON pointer of the value.
     */
    void invalid(String path, String message);

    /**
     * {@link #unknownField(String, String)} with context (what the normalizer calls; the default
     * delegates): {@code inKubernetesType} tells whether the containing object is, or lies inside, a
     * value of a k8s.io/api core/v1 or apps/v1 type (e.g. a container inside an Agent).
     */
    default void unknownField(String path, String field, boolean inKubernetesType) {
      unknownField(path, field);
    }

    /**
     * {@link #invalid(String, String)} with a description that never quotes the value (what the
     * normalizer calls; the default delegates). {@code message} is Go's decoder message.
     */
    default void invalid(String path, String message, Rejection rejection) {
      invalid(path, message);
    }
  }

  /**
   * Why a value was rejected, in plain words that never quote the value itself.
   *
   * @param goType the Go type expression expected at the path, e.g. {@code []v1.EnvVar}
   * @param expected what that type accepts, e.g. {@code "a list"}, {@code "an integer from 0 to 65535"}
   * @param found what the input holds, e.g. {@code "a string"}, {@code "a number outside that range"}
   * @param inKubernetesType the value's declared type is, or lies inside, a k8s.io/api core/v1 or apps/v1 type
   */
  public record Rejection(String goType, String expected, String found, boolean inKubernetesType) {
    public Rejection {
      Objects.requireNonNull(goType, "goType");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(found, "found");
    }

    /** {@code <last path segment>: expected <expected> but found <found>}, see {@link #typeMessage}. */
    public String message(String path) {
      return typeMessage(path, expected, found);
    }
  }

  /**
   * The one wording of type errors shared by the input checks and the typed node accessors:
   * {@code <last segment of pointer>: expected <expected> but found <found>}.
   */
  public static String typeMessage(String pointer, String expected, String found) {
    return pointer.substring(pointer.lastIndexOf('/') + 1) + ": expected " + expected + " but found " + found;
  }

  /** The JSON kind of a value in plain words: a string, a number, a boolean, a list, an object or null. */
  public static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isObject()) {
      return "an object";
    }
    return "a value";
  }

  /** Lazily loaded, immutable holder of the bundled tables (Kubernetes, kagent and kmcp types). */
  private static final class Kubernetes {
    static final GoShape INSTANCE = new GoShape(GoTypeTable.load());
  }

  private final GoTypeTable table;

  private GoShape(GoTypeTable table) {
    this.table = table;
  }

  /** Loads the bundled tables as one (immutable, thread-safe). */
  public static GoShape kubernetes() {
    return Kubernetes.INSTANCE;
  }

  /**
   * Normalizes {@code input} as Go would decode+encode it as {@code type} (e.g. "v1.Container",
   * "v1.Volume", "[]v1.EnvVar", "apps/v1.Deployment", "v1.Service", "v1alpha2.Agent", "kmcp.MCPServer"). Returns a new tree (never
   * mutates input; its objects and arrays are new, immutable string and int nodes may be the input's own)
   * with object keys in Go field order; a Go nil result is a JSON null. Bad input never
   * throws: it is reported to {@code problems} and the offending value dropped.
   *
   * @throws IllegalArgumentException if {@code type} is not a type expression over the bundled table
   */
  public JsonNode normalize(String type, JsonNode input, Problems problems) {
    Objects.requireNonNull(problems, "problems");
    GoType goType = table.type(Objects.requireNonNull(type, "type"));
    JsonNode out = new GoNormalizer(table, problems, true).decodeOrZero(goType, input);
    return out == null ? NullNode.getInstance() : out;
  }

  /**
   * Reports to {@code problems} exactly what {@link #normalize} would report for the same arguments, in
   * the same order, without building the normalized tree: for callers that only want the findings.
   *
   * @throws IllegalArgumentException if {@code type} is not a type expression over the bundled table
   */
  public void check(String type, JsonNode input, Problems problems) {
    Objects.requireNonNull(problems, "problems");
    GoType goType = table.type(Objects.requireNonNull(type, "type"));
    new GoNormalizer(table, problems, false).decodeOrZero(goType, input);
  }

  /**
   * The field of the struct at {@code objectPointer} inside a value of Go type {@code type} that
   * {@code field} most probably misspells (same name ignoring case, or at most two edits away, the
   * closest first), for "did you mean" hints on unknown fields.
   *
   * @param type a type expression of the bundled tables, e.g. {@code v1alpha2.Agent}
   * @param objectPointer JSON pointer of the object holding {@code field}, e.g. {@code /spec/declarative}
   * @return the suggested field name, or empty when there is no close one or the path leaves the type
   */
  public Optional<String> closestField(String type, String objectPointer, String field) {
    GoType t = table.type(type);
    if (!objectPointer.isEmpty()) {
      for (String raw : objectPointer.substring(1).split("/", -1)) {
        t = deref(t);
        String segment = raw.replace("~1", "/").replace("~0", "~");
        if (t.kind() == GoType.Kind.SLICE || t.kind() == GoType.Kind.MAP) {
          t = t.elem();
        } else if (t.kind() == GoType.Kind.STRUCT && table.struct(t).byName().containsKey(segment)) {
          t = table.struct(t).byName().get(segment).type();
        } else {
          return Optional.empty();
        }
      }
    }
    t = deref(t);
    if (t.kind() != GoType.Kind.STRUCT || field.length() > 64) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (GoTypeTable.Field f : table.struct(t).fields()) {
      int d = f.name().equalsIgnoreCase(field) ? 0 : GoStrings.editDistance(f.name().toLowerCase(Locale.ROOT),
          field.toLowerCase(Locale.ROOT));
      if (d < bestDistance && d <= Math.min(2, f.name().length() / 3)) {
        best = f.name();
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static GoType deref(GoType t) {
    GoType out = t;
    while (out.kind() == GoType.Kind.POINTER) {
      out = out.elem();
    }
    return out;
  }

  /** True when the bundled table defines the struct or named type {@code name} (e.g. "v1.Container"). */
  boolean hasType(String name) {
    return table.contains(name);
  }

  /** Appends {@code segment} as one JSON pointer segment (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static void appendPointerSegment(StringBuilder sb, String segment) {
    GoNormalizer.appendEscaped(sb, segment);
  }
}
