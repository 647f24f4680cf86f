package dev.kagentmaven.core.go;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed type expression of the bundled Go type tables: {@code string|bool|int|int8|int16|int32|
 * uint8|uint16|uint32|uint64|float|quantity|intorstring|rawjson|<TypeRef>|*<type>|[]<type>|map[<type>]}
 * (Go map keys are always strings here). {@code int} is Go's 64-bit int/int64; for the sized integer
 * types {@link #ref()} holds the Go name, which fixes the range Go's decoder accepts.
 */
record GoType(Kind kind, GoType elem, String ref) {

  /** The JSON-relevant kinds of Go types. */
  enum Kind {
    STRING, BOOL, INT, FLOAT, QUANTITY, INT_OR_STRING, RAW_JSON, STRUCT, POINTER, SLICE, MAP
  }

  GoType {
    Objects.requireNonNull(kind, "kind");
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
      case "string": return new GoType(Kind.STRING, null, null);
      case "bool": return new GoType(Kind.BOOL, null, null);
      case "int": return new GoType(Kind.INT, null, null);
      case "int8", "int16", "int32", "uint8", "uint16", "uint32", "uint64": return new GoType(Kind.INT, null, expr);
      case "float": return new GoType(Kind.FLOAT, null, null);
      case "quantity": return new GoType(Kind.QUANTITY, null, null);
      case "intorstring": return new GoType(Kind.INT_OR_STRING, null, null);
      case "rawjson": return new GoType(Kind.RAW_JSON, null, null);
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

  /** A reference to the struct named {@code name}. */
  static GoType struct(String name) {
    return new GoType(Kind.STRUCT, null, name);
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
