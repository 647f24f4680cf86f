package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * Reproduces the JSON that Go's encoding/json emits after decoding a user-supplied fragment into a
 * typed k8s.io/api value (kubernetes/api v0.36.3) and encoding it again: unknown fields dropped,
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
  }

  /** Lazily loaded, immutable holder of the bundled Kubernetes table. */
  private static final class Kubernetes {
    static final GoShape INSTANCE = new GoShape(GoTypeTable.load());
  }

  private final GoTypeTable table;

  private GoShape(GoTypeTable table) {
    this.table = table;
  }

  /** Loads the bundled table (immutable, thread-safe). */
  public static GoShape kubernetes() {
    return Kubernetes.INSTANCE;
  }

  /**
   * Normalizes {@code input} as Go would decode+encode it as {@code type} (e.g. "v1.Container",
   * "v1.Volume", "[]v1.EnvVar", "apps/v1.Deployment", "v1.Service"). Returns a new tree (never
   * mutates input) with object keys in Go field order; a Go nil result is a JSON null. Bad input never
   * throws: it is reported to {@code problems} and the offending value dropped.
   *
   * @throws IllegalArgumentException if {@code type} is not a type expression over the bundled table
   */
  public JsonNode normalize(String type, JsonNode input, Problems problems) {
    Objects.requireNonNull(problems, "problems");
    GoType goType = table.type(Objects.requireNonNull(type, "type"));
    JsonNode out = new GoNormalizer(table, problems).decodeOrZero(goType, input, "");
    return out == null ? NullNode.getInstance() : out;
  }

  /** True when the bundled table defines the struct or named type {@code name} (e.g. "v1.Container"). */
  boolean hasType(String name) {
    return table.contains(name);
  }
}
