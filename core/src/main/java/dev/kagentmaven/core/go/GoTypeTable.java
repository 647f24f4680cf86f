package dev.kagentmaven.core.go;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable, fully resolved Go type table loaded from {@code k8s-go-types.json} (k8s.io/api core/v1,
 * apps/v1 and the meta/v1 types) and {@code kagent-go-types.json} (kagent's v1alpha2 and kmcp's v1alpha1
 * input kinds, which refer to the former): one combined lookup.
 */
final class GoTypeTable {

  /**
   * One JSON field of a struct after inline embedding has been flattened. {@code omitAbsent}: whether
   * the field is left out of the encoding when the input lacks it (or holds null or a rejected value),
   * i.e. whether its type's Go zero value is omitted by {@code omitempty}/{@code omitzero} — worked out
   * once from the type's kind (see {@link GoNormalizer#zero} and {@link GoEmptiness}):
   * <ul>
   *   <li>string, bool, integer and float zeros are both empty and zero;</li>
   *   <li>nil pointers, slices and maps are left out by either option;</li>
   *   <li>a zero quantity ("0"), IntOrString (0), RawExtension (null) or struct is never empty, but is
   *       zero.</li>
   * </ul>
   */
  record Field(String name, GoType type, boolean omitempty, boolean omitzero, boolean omitAbsent) {
    Field(String name, GoType type, boolean omitempty, boolean omitzero) {
      this(name, type, omitempty, omitzero, omitAbsent(type, omitempty, omitzero));
    }

    private static boolean omitAbsent(GoType type, boolean omitempty, boolean omitzero) {
      switch (type.kind()) {
        case STRING:
        case BOOL:
        case INT:
        case FLOAT:
        case POINTER:
        case SLICE:
        case MAP: return omitempty || omitzero;
        default: return omitzero;
      }
    }
  }

  /**
   * A struct's JSON fields in Go encoding order, with a by-name index (an open-addressing table from
   * field name to position, built once) and how many fields an absent input still encodes. Immutable.
   */
  static final class Struct {
    private final Field[] fields;
    private final List<Field> fieldList;
    private final Map<String, Field> byName;
    private final String[] slotNames;
    private final int[] slotHashes;
    private final int[] slotIndex;
    private final int mask;
    private final int keptWhenAbsent;

    Struct(List<Field> fields) {
      this.fields = fields.toArray(new Field[0]);
      this.fieldList = List.copyOf(fields);
      Map<String, Field> names = new LinkedHashMap<>();
      int kept = 0;
      for (Field f : this.fields) {
        names.put(f.name(), f);
        if (!f.omitAbsent()) {
          kept++;
        }
      }
      this.byName = Collections.unmodifiableMap(names);
      this.keptWhenAbsent = kept;
      int size = Integer.highestOneBit(Math.max(1, this.fields.length) * 2) * 2;
      this.mask = size - 1;
      this.slotNames = new String[size];
      this.slotHashes = new int[size];
      this.slotIndex = new int[size];
      for (int i = 0; i < this.fields.length; i++) {
        String n = this.fields[i].name();
        int h = n.hashCode();
        int s = spread(h) & mask;
        while (slotNames[s] != null) {
          s = (s + 1) & mask;
        }
        slotNames[s] = n;
        slotHashes[s] = h;
        slotIndex[s] = i;
      }
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }

    /** The fields in Go encoding order. */
    List<Field> fields() {
      return fieldList;
    }

    /** The fields by JSON name, in Go encoding order. */
    Map<String, Field> byName() {
      return byName;
    }

    /** Number of fields. */
    int size() {
      return fields.length;
    }

    /** The {@code i}-th field in Go encoding order. */
    Field field(int i) {
      return fields[i];
    }

    /** Position of the field named {@code name}, or -1 when the struct has none. */
    int indexOf(String name) {
      int h = name.hashCode();
      for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
        String n = slotNames[s];
        if (n == null) {
          return -1;
        }
        if (n == name || slotHashes[s] == h && n.equals(name)) {
          return slotIndex[s];
        }
      }
    }

    /** How many fields the encoding of an input that lacks every field still holds. */
    int keptWhenAbsent() {
      return keptWhenAbsent;
    }
  }

  /** An entry of a struct's declared field list before flattening. */
  private record Declared(String name, String type, boolean omitempty, boolean omitzero, boolean inline) {}

  /** A flattened field candidate with its embedding depth (Go's dominance rule). */
  private record Candidate(Field field, int depth) {}

  static final String RESOURCE = "/dev/kagentmaven/core/go/k8s-go-types.json";
  static final String KAGENT_RESOURCE = "/dev/kagentmaven/core/go/kagent-go-types.json";

  private final Map<String, Struct> structs;
  /** The structs by {@link GoType#structIndex()}. */
  private final Struct[] structArray;
  /** Every struct and named type by name, resolved. */
  private final Map<String, GoType> types;

  private GoTypeTable(Map<String, Struct> structs, Struct[] structArray, Map<String, GoType> types) {
    this.structs = structs;
    this.structArray = structArray;
    this.types = types;
  }

  /** Loads the tables bundled on the class path as one table. */
  static GoTypeTable load() {
    ObjectNode combined = new ObjectMapper().createObjectNode();
    for (String resource : new String[] {RESOURCE, KAGENT_RESOURCE}) {
      JsonNode table = read(resource);
      for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.startsWith("_") && combined.has(name)) {
          throw new IllegalStateException(resource + " redefines " + name);
        }
      }
      combined.setAll((ObjectNode) table);
    }
    return parse(combined);
  }

  private static JsonNode read(String resource) {
    try (InputStream in = GoTypeTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      JsonNode table = new ObjectMapper().readTree(in);
      if (!table.isObject()) {
        throw new IllegalStateException(resource + " is not a JSON object");
      }
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Builds the table from its JSON form: struct name → field list, named type → type expression. */
  static GoTypeTable parse(JsonNode root) {
    Map<String, List<Declared>> declared = new LinkedHashMap<>();
    Map<String, String> namedExprs = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("_")) {
        continue;
      } else if (e.getValue().isArray()) {
        declared.put(e.getKey(), declaredFields(e.getValue()));
      } else {
        namedExprs.put(e.getKey(), e.getValue().asText());
      }
    }
    Map<String, Integer> structIndex = new HashMap<>();
    for (String name : declared.keySet()) {
      structIndex.put(name, structIndex.size());
    }
    Map<String, GoType> types = new HashMap<>();
    GoType.Resolver resolver = new GoType.Resolver() {
      @Override
      public GoType resolve(String ref) {
        Integer index = structIndex.get(ref);
        if (index != null) {
          return GoType.struct(ref, index);
        }
        String expr = namedExprs.get(ref);
        if (expr == null) {
          throw new IllegalArgumentException("unknown Go type: " + ref);
        }
        return GoType.parse(expr, this);
      }
    };
    namedExprs.keySet().forEach(n -> types.put(n, resolver.resolve(n)));
    Map<String, Struct> structs = new HashMap<>();
    Struct[] structArray = new Struct[declared.size()];
    for (String name : declared.keySet()) {
      Struct s = flatten(name, declared, resolver);
      structs.put(name, s);
      structArray[structIndex.get(name)] = s;
      types.put(name, resolver.resolve(name));
    }
    return new GoTypeTable(Map.copyOf(structs), structArray, Map.copyOf(types));
  }

  private static List<Declared> declaredFields(JsonNode array) {
    List<Declared> out = new ArrayList<>();
    for (JsonNode f : array) {
      out.add(new Declared(f.path("name").asText(), f.path("type").asText(),
          f.path("omitempty").asBoolean(), f.path("omitzero").asBoolean(), f.path("inline").asBoolean()));
    }
    return out;
  }

  /**
   * Go encoding/json promotes the fields of embedded structs into the outer object, in declaration
   * order; on a name clash the shallowest field wins and equally deep clashes drop the name.
   */
  private static Struct flatten(String name, Map<String, List<Declared>> declared, GoType.Resolver resolver) {
    List<Candidate> candidates = new ArrayList<>();
    collect(name, 0, declared, resolver, candidates);
    Map<String, Integer> minDepth = new HashMap<>();
    Map<String, Integer> countAtMin = new HashMap<>();
    for (Candidate c : candidates) {
      String n = c.field().name();
      Integer d = minDepth.get(n);
      if (d == null || c.depth() < d) {
        minDepth.put(n, c.depth());
        countAtMin.put(n, 1);
      } else if (c.depth() == d) {
        countAtMin.merge(n, 1, Integer::sum);
      }
    }
    List<Field> fields = new ArrayList<>();
    for (Candidate c : candidates) {
      String n = c.field().name();
      if (c.depth() == minDepth.get(n) && countAtMin.get(n) == 1) {
        fields.add(c.field());
      }
    }
    return new Struct(fields);
  }

  private static void collect(String name, int depth, Map<String, List<Declared>> declared,
      GoType.Resolver resolver, List<Candidate> out) {
    List<Declared> fields = declared.get(name);
    if (fields == null) {
      throw new IllegalStateException("inline type is not a struct: " + name);
    }
    for (Declared f : fields) {
      if (f.inline()) {
        collect(f.type(), depth + 1, declared, resolver, out);
      } else {
        GoType type = GoType.parse(f.type(), resolver);
        out.add(new Candidate(new Field(f.name(), type, f.omitempty(), f.omitzero()), depth));
      }
    }
  }

  /** Parses a type expression against this table; unknown references throw IllegalArgumentException. */
  GoType type(String expr) {
    GoType named = types.get(expr);
    if (named != null) {
      return named;
    }
    return GoType.parse(expr, ref -> {
      GoType t = types.get(ref);
      if (t == null) {
        throw new IllegalArgumentException("unknown Go type: " + ref);
      }
      return t;
    });
  }

  /** The flattened struct named {@code name}. */
  Struct struct(String name) {
    Struct s = structs.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown Go struct: " + name);
    }
    return s;
  }

  /** Every struct of the table by name. */
  Map<String, Struct> structs() {
    return structs;
  }

  /** The flattened struct {@code type} refers to (a STRUCT type resolved by this table). */
  Struct struct(GoType type) {
    int index = type.structIndex();
    return index >= 0 ? structArray[index] : struct(type.ref());
  }

  /** True when {@code name} is a struct or named type of the table. */
  boolean contains(String name) {
    return types.containsKey(name);
  }
}
