package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;

/** Go's {@code omitempty} and {@code omitzero} tests on already-encoded values (never a Go nil). */
final class GoEmptiness {

  private GoEmptiness() {}

  /**
   * omitempty: false, 0, "", and len-0 slices/maps are empty; a non-nil pointer and any struct
   * (including resource.Quantity, IntOrString, RawExtension) never are.
   */
  static boolean isEmpty(GoType type, JsonNode v) {
    switch (type.kind()) {
      case STRING: return v.textValue().isEmpty();
      case BOOL: return !v.booleanValue();
      case INT:
      case FLOAT: return isNumericZero(v);
      case SLICE:
      case MAP: return v.size() == 0;
      default: return false;
    }
  }

  /**
   * omitzero (Go 1.24): the value equals its type's zero value (or IsZero() reports true, as for
   * resource.Quantity); a non-nil empty slice/map is not zero, a struct is zero when all its fields are.
   */
  static boolean isZero(GoTypeTable table, GoType type, JsonNode v) {
    if (v == null || v.isNull()) {
      return true;
    }
    switch (type.kind()) {
      case STRING:
      case BOOL:
      case INT:
      case FLOAT: return isEmpty(type, v);
      case QUANTITY: return "0".equals(v.textValue());
      case INT_OR_STRING: return v.isNumber() && v.intValue() == 0;
      case STRUCT: return isZeroStruct(table, table.struct(type), v);
      default: return false;
    }
  }

  /** A struct is zero when every field is zero; fields dropped by omitempty held empty values. */
  private static boolean isZeroStruct(GoTypeTable table, GoTypeTable.Struct struct, JsonNode v) {
    if (v.size() == 0) {
      return true;
    }
    for (int i = 0, n = struct.size(); i < n; i++) {
      GoTypeTable.Field f = struct.field(i);
      JsonNode fv = v.get(f.name());
      if (fv != null && !isZero(table, f.type(), fv)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumericZero(JsonNode v) {
    if (v.isInt() || v.isLong()) {
      return v.longValue() == 0;
    }
    return v.isNumber() && v.decimalValue().signum() == 0;
  }
}
