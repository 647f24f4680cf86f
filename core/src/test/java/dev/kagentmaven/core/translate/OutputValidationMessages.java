package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle (see {@link NetworkntOracle}): how output validation turned networknt errors into
 * violations before {@link SchemaValidator} replaced it, kept unchanged so the differential test
 * compares against exactly that.
 *
 * <p>Turns networknt errors into {@link OutputValidation.Violation}s: a JSON pointer to the offending
 * field and a short message built only from the keyword and the schema, never from the instance
 * (networknt's own arguments may carry the value, e.g. for {@code format}). As a second guard, a
 * message that happens to contain a value of the object's Secret {@code data}/{@code stringData} is
 * replaced by a generic one.
 */
final class OutputValidationMessages {
    /** Shortest Secret value the redaction guard looks for; shorter ones would match ordinary words. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secretValues = new ArrayList<>();

    OutputValidationMessages(JsonNode tree) {
        if ("Secret".equals(tree.path("kind").asText())) {
            for (String field : List.of("data", "stringData")) {
                tree.path(field).forEach(v -> {
                    if (v.isValueNode() && v.asText().length() >= MIN_SECRET_LENGTH) {
                        secretValues.add(v.asText());
                    }
                });
            }
        }
    }

    OutputValidation.Violation describe(Error e) {
        String pointer = e.getInstanceLocation().toString();
        String definition = definition(e);
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String message;
        switch (keyword) {
            case "additionalProperties" -> {
                pointer = pointer + "/" + escape(e.getProperty());
                message = "unknown field (not in the Kubernetes schema of " + definition + ")";
            }
            case "required" -> {
                pointer = pointer + "/" + escape(e.getProperty());
                message = "required field is missing (" + definition + ")";
            }
            case "type" -> {
                Object found = e.getArguments() != null && e.getArguments().length > 0 ? e.getArguments()[0] : null;
                message = (isTypeName(found) ? found + " found, " : "wrong type, ") + expected(e.getSchemaNode())
                        + " expected" + kindHint(definition);
            }
            case "pattern" -> {
                if (definition.equals("Quantity")) {
                    message = "not a Kubernetes quantity (e.g. 500m, 1.5, 2Gi)";
                } else if (e.getSchemaLocation().toString().endsWith("/data/additionalProperties/pattern")) {
                    message = "not valid base64";
                } else {
                    message = "does not match the pattern " + e.getSchemaNode().asText() + kindHint(definition);
                }
            }
            case "minimum" -> message = "must be at least " + e.getSchemaNode().asText() + kindHint(definition);
            case "maximum" -> message = "must be at most " + e.getSchemaNode().asText() + kindHint(definition);
            case "format" -> message = "not a valid " + e.getSchemaNode().asText();
            default -> message = "violates the schema keyword \"" + keyword + "\" (" + definition + ")";
        }
        for (String secret : secretValues) {
            if (message.contains(secret) || pointer.contains(secret)) {
                message = "violates the schema keyword \"" + keyword + "\" (details withheld: Secret data)";
                if (pointer.contains(secret)) {
                    pointer = e.getInstanceLocation().getParent() == null ? ""
                            : e.getInstanceLocation().getParent().toString();
                }
                break;
            }
        }
        return new OutputValidation.Violation(pointer, message);
    }

    /** {@code V1Container} from {@code ...#/definitions/V1Container/required}. */
    private static String definition(Error e) {
        String loc = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
        int at = loc.indexOf("#/definitions/");
        if (at < 0) {
            return "?";
        }
        String rest = loc.substring(at + "#/definitions/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String kindHint(String definition) {
        return switch (definition) {
            case "Quantity" -> " (a Kubernetes quantity)";
            case "IntOrString" -> " (an int-or-string)";
            default -> "";
        };
    }

    private static boolean isTypeName(Object o) {
        return o != null && List.of("object", "array", "string", "integer", "number", "boolean", "null")
                .contains(o.toString());
    }

    private static String expected(JsonNode typeNode) {
        if (typeNode == null) {
            return "another type";
        }
        if (typeNode.isArray()) {
            List<String> names = new ArrayList<>();
            typeNode.forEach(n -> names.add(n.asText()));
            return String.join(" or ", names);
        }
        return typeNode.asText();
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token == null ? "" : token.replace("~", "~0").replace("/", "~1");
    }
}
