package dev.kagentmaven.core.go;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed type expression of the bundled Go type tables: {@code string|bool|int|int8|int16|int32|
 * uint8|uint16|uint32|uint64|float|quantity|intorstring|rawjson|<TypeRef>|*<type>|[]<type>|map[<type>]}
 * (Go map keys are always strings here). {@code int} is Go's 64-bit int/int64; for the sized integer
 * types {@link #ref()} holds the Go name, which fixes the range Go's decoder accepts.
 *
 * <p>Immutable. What the normalizer asks of a type on every value (whether it lies inside a k8s.io/api
 * type, an integer type's bounds, a struct's index in its table) is worked out once, here.
 */
final class GoType {

  /** The JSON-relevant kinds of Go types. */
  enum Kind {
    STRING, BOOL, INT, FLOAT, QUANTITY, INT_OR_STRING, RAW_JSON, STRUCT, POINTER, SLICE, MAP
  }

  private static final GoType STRING = new GoType(Kind.STRING, null, null, -1);
  private static final GoType BOOL = new GoType(Kind.BOOL, null, null, -1);
  private static final GoType INT = new GoType(Kind.INT, null, null, -1);
  private static final GoType FLOAT = new GoType(Kind.FLOAT, null, null, -1);
  private static final GoType QUANTITY = new GoType(Kind.QUANTITY, null, null, -1);
  private static final GoType INT_OR_STRING = new GoType(Kind.INT_OR_STRING, null, null, -1);
  private static final GoType RAW_JSON = new GoType(Kind.RAW_JSON, null, null, -1);

  private final Kind kind;
  private final GoType elem;
  private final String ref;
  /** Index of a STRUCT in its {@link GoTypeTable}, -1 otherwise (or when made without a table). */
  private final int structIndex;
  /** The innermost named type is a k8s.io/api core/v1 or apps/v1 struct. */
  private final boolean kubernetes;
  /** Bounds of an INT type as longs (uint64's upper bound is above every long: {@link Long#MAX_VALUE}). */
  private final long minLong;
  private final long maxLong;

  private GoType(Kind kind, GoType elem, String ref, int structIndex) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.elem = elem;
    this.ref = ref;
    this.structIndex = structIndex;
    GoType t = this;
    while (t.elem != null) {
      t = t.elem;
    }
    this.kubernetes = t.kind == Kind.STRUCT && (t.ref.startsWith("v1.") || t.ref.startsWith("apps/v1."));
    if (kind == Kind.INT) {
      this.minLong = min().longValue();
      BigInteger max = max();
      this.maxLong = max.bitLength() < 64 ? max.longValue() : Long.MAX_VALUE;
    } else {
      this.minLong = 0;
      this.maxLong = 0;
    }
  }

  GoType(Kind kind, GoType elem, String ref) {
    this(kind, elem, ref, -1);
  }

  Kind kind() {
    return kind;
  }

  GoType elem() {
    return elem;
  }

  String ref() {
    return ref;
  }

  /** Index of a STRUCT type in the table that resolved it ({@link GoTypeTable#struct(GoType)}), else -1. */
  int structIndex() {
    return structIndex;
  }

  /** A type whose innermost named type is from k8s.io/api core/v1 or apps/v1 (not meta, kagent or kmcp). */
  boolean kubernetes() {
    return kubernetes;
  }

  /** Smallest long an INT type accepts. */
  long minLong() {
    return minLong;
  }

  /** Largest long an INT type accepts ({@link Long#MAX_VALUE} for uint64, which accepts more). */
  long maxLong() {
    return maxLong;
  }

  /** Resolves a type reference ({@code v1.Container}) to a struct type or to a named type's expression. */
  interface Resolver {
    GoType resolve(String ref);
  }

  /** Parses {@code expr}; named references go through {@code resolver}. */
  static GoType parse(String expr, Resolver resolver) {
    if (expr.startsWith("*")) {
      return new GoType(Kind.POINTER, parse(expr.substring(1), resolver), null);
    }
    if (expr.startsWith("[]")) {
      return new GoType(Kind.SLICE, parse(expr.substring(2), resolver), null);
    }
    if (expr.startsWith("map[") && expr.endsWith("]")) {
      return new GoType(Kind.MAP, parse(expr.substring(4, expr.length() - 1), resolver), null);
    }
    switch (expr) {
      case "string": return STRING;
      case "bool": return BOOL;
      case "int": return INT;
      case "int8", "int16", "int32", "uint8", "uint16", "uint32", "uint64": return new GoType(Kind.INT, null, expr);
      case "float": return FLOAT;
      case "quantity": return QUANTITY;
      case "intorstring": return INT_OR_STRING;
      case "rawjson": return RAW_JSON;
      default: return resolver.resolve(expr);
    }
  }

  /** Smallest value of an INT type (Go's decoder rejects smaller numbers). */
  BigInteger min() {
    if (ref == null) {
      return BigInteger.valueOf(Long.MIN_VALUE);
    }
    return ref.startsWith("u") ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits() - 1).negate();
  }

  /** Largest value of an INT type (Go's decoder rejects larger numbers). */
  BigInteger max() {
    if (ref == null) {
      return BigInteger.valueOf(Long.MAX_VALUE);
    }
    int bits = ref.startsWith("u") ? bits() : bits() - 1;
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  /** The Go name of an INT type: {@code int64} for plain {@code int}. */
  String intName() {
    return ref == null ? "int64" : ref;
  }

  private int bits() {
    return Integer.parseInt(ref.substring(ref.indexOf("int") + 3));
  }

  /** A reference to the struct named {@code name} (not tied to a table's index). */
  static GoType struct(String name) {
    return new GoType(Kind.STRUCT, null, name, -1);
  }

  /** A reference to the struct named {@code name}, the {@code index}-th struct of its table. */
  static GoType struct(String name, int index) {
    return new GoType(Kind.STRUCT, null, name, index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoType t && kind == t.kind && Objects.equals(elem, t.elem) && Objects.equals(ref, t.ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, elem, ref);
  }

  @Override
  public String toString() {
    switch (kind) {
      case POINTER: return "*" + elem;
      case SLICE: return "[]" + elem;
      case MAP: return "map[" + elem + "]";
      case STRUCT: return ref;
      case INT_OR_STRING: return "intorstring";
      case RAW_JSON: return "rawjson";
      default: return kind.name().toLowerCase(Locale.ROOT);
    }
  }
}
