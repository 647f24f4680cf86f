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

  /** One JSON field of a struct after inline embedding has been flattened. */
  record Field(String name, GoType type, boolean omitempty, boolean omitzero) {}

  /** A struct's JSON fields in Go encoding order, plus a by-name index. */
  record Struct(List<Field> fields, Map<String, Field> byName) {}

  /** An entry of a struct's declared field list before flattening. */
  private record Declared(String name, String type, boolean omitempty, boolean omitzero, boolean inline) {}

  /** A flattened field candidate with its embedding depth (Go's dominance rule). */
  private record Candidate(Field field, int depth) {}

  static final String RESOURCE = "/dev/kagentmaven/core/go/k8s-go-types.json";
  static final String KAGENT_RESOURCE = "/dev/kagentmaven/core/go/kagent-go-types.json";

  private final Map<String, Struct> structs;
  private final Map<String, GoType> named;

  private GoTypeTable(Map<String, Struct> structs, Map<String, GoType> named) {
    this.structs = structs;
    this.named = named;
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
    Map<String, GoType> named = new HashMap<>();
    GoType.Resolver resolver = new GoType.Resolver() {
      @Override
      public GoType resolve(String ref) {
        if (declared.containsKey(ref)) {
          return GoType.struct(ref);
        }
        String expr = namedExprs.get(ref);
        if (expr == null) {
          throw new IllegalArgumentException("unknown Go type: " + ref);
        }
        return GoType.parse(expr, this);
      }
    };
    namedExprs.keySet().forEach(n -> named.put(n, resolver.resolve(n)));
    Map<String, Struct> structs = new HashMap<>();
    for (String name : declared.keySet()) {
      structs.put(name, flatten(name, declared, resolver));
    }
    return new GoTypeTable(Map.copyOf(structs), Map.copyOf(named));
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
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      String n = c.field().name();
      if (c.depth() == minDepth.get(n) && countAtMin.get(n) == 1) {
        fields.add(c.field());
        byName.put(n, c.field());
      }
    }
    return new Struct(List.copyOf(fields), Collections.unmodifiableMap(byName));
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
    return GoType.parse(expr, ref -> {
      if (structs.containsKey(ref)) {
        return GoType.struct(ref);
      }
      GoType t = named.get(ref);
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

  /** True when {@code name} is a struct or named type of the table. */
  boolean contains(String name) {
    return structs.containsKey(name) || named.containsKey(name);
  }
}
