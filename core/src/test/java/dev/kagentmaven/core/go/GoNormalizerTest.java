package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the normalizer works out once per type must agree with what it would find per value: the
 * omission of absent fields, and a checking run's findings must be a normalizing run's, in order.
 */
class GoNormalizerTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final GoTypeTable TABLE = GoTypeTable.load();
    private static final GoShape.Problems NONE = new GoShape.Problems() {
        @Override
        public void unknownField(String path, String field) {
            throw new AssertionError("unknown field " + path + " " + field);
        }

        @Override
        public void invalid(String path, String message) {
            throw new AssertionError("invalid " + path + " " + message);
        }
    };

    /** Field.omitAbsent() is the omitempty/omitzero decision on the field's encoded Go zero value. */
    @Test
    void absentFieldsAreOmittedExactlyWhenTheirZeroValueIs() {
        GoNormalizer normalizer = new GoNormalizer(TABLE, NONE, true);
        int fields = 0;
        for (Map.Entry<String, GoTypeTable.Struct> e : TABLE.structs().entrySet()) {
            int kept = 0;
            for (GoTypeTable.Field f : e.getValue().fields()) {
                JsonNode zero = normalizer.zero(f.type());
                boolean omitted = zero == null ? f.omitempty() || f.omitzero()
                        : f.omitempty() && GoEmptiness.isEmpty(f.type(), zero)
                                || f.omitzero() && GoEmptiness.isZero(TABLE, f.type(), zero);
                assertEquals(omitted, f.omitAbsent(), e.getKey() + "." + f.name() + " " + f.type());
                kept += omitted ? 0 : 1;
                fields++;
            }
            assertEquals(kept, e.getValue().keptWhenAbsent(), e.getKey());
        }
        assertTrue(fields > 1000, "fields checked: " + fields);
    }

    /** The by-name index finds every field and nothing else. */
    @Test
    void fieldIndexFindsEveryFieldByName() {
        for (Map.Entry<String, GoTypeTable.Struct> e : TABLE.structs().entrySet()) {
            GoTypeTable.Struct s = e.getValue();
            for (int i = 0; i < s.size(); i++) {
                assertEquals(i, s.indexOf(new String(s.field(i).name())), e.getKey() + "." + s.field(i).name());
                assertEquals(-1, s.indexOf(s.field(i).name() + "x"));
            }
            assertEquals(-1, s.indexOf(""));
        }
    }

    /** Random inputs shaped like each input kind, with wrong types and unknown keys mixed in. */
    @Test
    void checkReportsWhatNormalizeReportsInTheSameOrder() {
        Random rnd = new Random(20240611);
        int findings = 0;
        for (String type : List.of("v1alpha2.Agent", "v1alpha2.ModelConfig", "v1alpha2.RemoteMCPServer", "kmcp.MCPServer",
                "v1.Secret", "v1.ConfigMap", "v1.Service", "v1.Namespace", "apps/v1.Deployment", "[]v1.Container")) {
            for (int i = 0; i < 300; i++) {
                JsonNode input = random(TABLE.type(type), rnd, 0);
                List<String> normalized = new ArrayList<>();
                List<String> checked = new ArrayList<>();
                GoShape.kubernetes().normalize(type, input, recorder(normalized));
                GoShape.kubernetes().check(type, input, recorder(checked));
                assertEquals(normalized, checked, type + " " + input);
                findings += normalized.size();
            }
        }
        assertTrue(findings > 1000, "findings: " + findings);
    }

    private static GoShape.Problems recorder(List<String> out) {
        return new GoShape.Problems() {
            @Override
            public void unknownField(String path, String field) {
                throw new AssertionError("the normalizer calls the three-argument form");
            }

            @Override
            public void unknownField(String path, String field, boolean inKubernetesType) {
                out.add("unknown " + path + " " + field + " " + inKubernetesType);
            }

            @Override
            public void invalid(String path, String message) {
                throw new AssertionError("the normalizer calls the three-argument form");
            }

            @Override
            public void invalid(String path, String message, GoShape.Rejection r) {
                out.add("invalid " + path + " " + message + " " + r);
            }
        };
    }

    private static final String[] ODD_KEYS = {"unknown", "a/b", "x~y", "", "Name"};

    private static JsonNode random(GoType type, Random rnd, int depth) {
        if (rnd.nextInt(12) == 0 || depth > 7) {
            return wrong(rnd);
        }
        switch (type.kind()) {
            case STRING: return NODES.textNode("s" + rnd.nextInt(3));
            case BOOL: return NODES.booleanNode(rnd.nextBoolean());
            case INT: return NODES.numberNode(BigInteger.valueOf(rnd.nextLong()).shiftRight(rnd.nextInt(64)));
            case FLOAT: return NODES.numberNode(rnd.nextDouble());
            case QUANTITY: return NODES.textNode(List.of("1", "100m", "1.5Gi", "x", "0", "1e3").get(rnd.nextInt(6)));
            case INT_OR_STRING: return rnd.nextBoolean() ? NODES.textNode("80%") : NODES.numberNode(rnd.nextInt());
            case RAW_JSON: return NODES.objectNode().put("any", 1);
            case POINTER: return random(type.elem(), rnd, depth);
            case SLICE: {
                ArrayNode a = NODES.arrayNode();
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    a.add(rnd.nextInt(10) == 0 ? NODES.nullNode() : random(type.elem(), rnd, depth + 1));
                }
                return a;
            }
            case MAP: {
                ObjectNode o = NODES.objectNode();
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    o.set(ODD_KEYS[rnd.nextInt(ODD_KEYS.length)] + i, random(type.elem(), rnd, depth + 1));
                }
                return o;
            }
            default: {
                GoTypeTable.Struct s = TABLE.struct(type);
                ObjectNode o = NODES.objectNode();
                for (int i = 0; i < s.size(); i++) {
                    if (rnd.nextInt(3) == 0) {
                        GoTypeTable.Field f = s.field(i);
                        o.set(f.name(), rnd.nextInt(15) == 0 ? NODES.nullNode() : random(f.type(), rnd, depth + 1));
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    o.set(ODD_KEYS[rnd.nextInt(ODD_KEYS.length)], NODES.textNode("v"));
                }
                return o;
            }
        }
    }

    private static JsonNode wrong(Random rnd) {
        switch (rnd.nextInt(5)) {
            case 0: return NODES.textNode("w");
            case 1: return NODES.numberNode(1.5);
            case 2: return NODES.booleanNode(true);
            case 3: return NODES.arrayNode().add(1);
            default: return NODES.numberNode(new BigInteger("123456789012345678901234567890123456789012345"));
        }
    }
}
