package dev.kagentmaven.core.go;

import java.util.Locale;
import java.util.Objects;

/**
 * A parsed type expression of the bundled Go type table: {@code string|bool|int|float|quantity|
 * intorstring|rawjson|<TypeRef>|*<type>|[]<type>|map[<type>]} (Go map keys are always strings here).
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
      case "float": return new GoType(Kind.FLOAT, null, null);
      case "quantity": return new GoType(Kind.QUANTITY, null, null);
      case "intorstring": return new GoType(Kind.INT_OR_STRING, null, null);
      case "rawjson": return new GoType(Kind.RAW_JSON, null, null);
      default: return resolver.resolve(expr);
    }
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
