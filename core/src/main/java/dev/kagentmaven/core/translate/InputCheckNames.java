package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kagentmaven.core.io.Document;
import dev.kagentmaven.core.model.Kind;
import dev.kagentmaven.core.model.Node;
import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Names are data, never paths: object names and namespaces must be what the API server accepts
 * (apimachinery's validation), and Secret/ConfigMap keys must be valid keys with valid base64 data.
 * <ul>
 *   <li>Agent: name and namespace DNS-1123 labels (the Agent's Service carries its name) — worded as
 *       {@link Pipeline} words it for the Agents it translates;</li>
 *   <li>Namespace: DNS-1123 label; Service: DNS-1035 label; every other kind: DNS-1123 subdomain;</li>
 *   <li>{@code metadata.namespace} of namespaced kinds: DNS-1123 label;</li>
 *   <li>keys of Secret {@code data}/{@code stringData} and ConfigMap {@code data}/{@code binaryData}:
 *       {@code [-._a-zA-Z0-9]+}, not {@code .}/{@code ..}, not starting with {@code ..}, at most 253
 *       characters; Secret {@code data} and ConfigMap {@code binaryData} values base64 (as
 *       {@link dev.kagentmaven.core.model.Secrets} decodes them).</li>
 * </ul>
 * A missing name is {@link ObjectIndex}'s to report, a name of the wrong type {@link InputCheckTypes}'.
 */
final class InputCheckNames {

    private static final String LABEL_RULE =
            "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
    private static final String DNS1035_RULE =
            "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most 63 characters";
    private static final String SUBDOMAIN_RULE = "lowercase letters, digits, '-' and '.', every dot-separated part"
            + " starting and ending with a letter or digit, at most 253 characters";
    private static final String KEY_RULE =
            "letters, digits, '-', '_' and '.', not \".\" or \"..\", not starting with \"..\", at most 253 characters";

    private InputCheckNames() {
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, at most 63 characters. */
    static boolean isLabel(String s) {
        return s.length() <= 63 && isLabel(s, 0, s.length());
    }

    /** {@code [a-z]([-a-z0-9]*[a-z0-9])?}, at most 63 characters. */
    static boolean isDns1035Label(String s) {
        return s.length() <= 63 && isLabel(s, 0, s.length()) && isLower(s.charAt(0));
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}, at most 253 characters. */
    static boolean isSubdomain(String s) {
        int n = s.length();
        if (n > 253) {
            return false;
        }
        int start = 0;
        while (true) {
            int dot = s.indexOf('.', start);
            int end = dot < 0 ? n : dot;
            if (!isLabel(s, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** {@code [-._a-zA-Z0-9]+}, not {@code .}, not starting with {@code ..}, at most 253 characters. */
    static boolean isKey(String s) {
        int n = s.length();
        if (n == 0 || n > 253 || s.equals(".") || s.startsWith("..")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(isLower(c) || c >= 'A' && c <= 'Z' || isDigit(c) || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** {@code s[from, to)} is {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}. */
    private static boolean isLabel(String s, int from, int to) {
        if (from >= to || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(isLower(c) || isDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static void check(Kind kind, Node obj, Problems problems) {
        Document doc = obj.document();
        JsonNode meta = obj.json().get("metadata");
        if (meta == null || !meta.isObject() || !meta.path("name").isTextual() || meta.path("name").textValue().isEmpty()) {
            return;
        }
        String name = meta.get("name").textValue();
        JsonNode nsNode = meta.path("namespace");
        boolean nsValid = !nsNode.isTextual() || nsNode.textValue().isEmpty() || isLabel(nsNode.textValue());
        String ns = nsNode.isTextual() && !nsNode.textValue().isEmpty() ? nsNode.textValue() : ObjectIndex.DEFAULT_NAMESPACE;
        switch (kind) {
            case AGENT -> {
                if (!isLabel(name) || !nsValid) {
                    String key = ns + "/" + name;
                    problems.error("name", "Agent name and namespace must be DNS-1123 labels (lowercase letters, digits"
                            + " and '-', at most 63 characters): " + (InputChecks.plain(key) ? key : InputChecks.quote(key)),
                            doc.origin("/metadata"));
                }
                return;
            }
            case NAMESPACE -> {
                if (!isLabel(name)) {
                    problems.error("name", "Namespace name " + InputChecks.quote(name) + " is not a valid DNS-1123 label ("
                            + LABEL_RULE + ")", doc.origin("/metadata/name"));
                }
                return;
            }
            case SERVICE -> {
                if (!isDns1035Label(name)) {
                    problems.error("name", "Service name " + InputChecks.quote(name) + " is not a valid DNS-1035 label ("
                            + DNS1035_RULE + ")", doc.origin("/metadata/name"));
                }
            }
            default -> {
                if (!isSubdomain(name)) {
                    problems.error("name", kind.kind() + " name " + InputChecks.quote(name)
                            + " is not a valid DNS-1123 subdomain (" + SUBDOMAIN_RULE + ")", doc.origin("/metadata/name"));
                }
            }
        }
        if (!nsValid) {
            problems.error("name", kind.kind() + " " + InputChecks.quote(name) + ": namespace "
                    + InputChecks.quote(nsNode.textValue()) + " is not a valid DNS-1123 label (" + LABEL_RULE + ")",
                    doc.origin("/metadata/namespace"));
        }
        if (kind == Kind.SECRET) {
            keys(obj, "data", kind, ns + "/" + name, true, problems);
            keys(obj, "stringData", kind, ns + "/" + name, false, problems);
        } else if (kind == Kind.CONFIG_MAP) {
            keys(obj, "data", kind, ns + "/" + name, false, problems);
            keys(obj, "binaryData", kind, ns + "/" + name, true, problems);
        }
    }

    /**
     * Checks the keys of map {@code field} and, when {@code base64}, that its string values decode;
     * {@code object} is the namespace/name the messages name.
     */
    private static void keys(Node obj, String field, Kind kind, String object, boolean base64, Problems problems) {
        JsonNode map = obj.json().get(field);
        if (map == null || !map.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!isKey(key)) {
                String what = kind.kind() + " " + InputChecks.quote(object);
                problems.error("key", what + ": " + field + " key " + InputChecks.quote(key) + " is not a valid key ("
                        + KEY_RULE + ")", obj.document().origin(pointer(field, key)));
            }
            if (base64 && e.getValue().isTextual() && !decodes(e.getValue().textValue())) {
                String shown = InputChecks.plain(key) ? "\"" + key + "\"" : InputChecks.quote(key);
                String message = obj.json().path("kind").asText().equals("Secret")
                        ? "Secret data key " + shown + " is not valid base64" // as Secrets.data words it
                        : "ConfigMap binaryData key " + shown + " is not valid base64";
                problems.error("base64", message, obj.document().origin(pointer(field, key)));
            }
        }
    }

    private static String pointer(String field, String key) {
        return "/" + field + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** As {@link dev.kagentmaven.core.model.Secrets#data} decodes. */
    private static boolean decodes(String value) {
        try {
            Base64.getDecoder().decode(value.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
