package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;

/**
 * Checks of the recognised input objects against their API types before translation, so that every
 * input problem of a run is reported at once, each at its file, document, line:column and path:
 * <ul>
 *   <li>unknown fields (warnings: the API server would prune them, kagent never sees them — a typo like
 *       {@code systemMesage} must not pass silently) and values of the wrong JSON type (errors: the API
 *       server and Go's decoder would reject the object), against the Go API types of kagent
 *       ({@code Agent}, {@code ModelConfig}, {@code RemoteMCPServer}), kmcp ({@code MCPServer}) and
 *       Kubernetes ({@code Secret}, {@code ConfigMap}, {@code Service}, {@code Namespace}) —
 *       {@link InputCheckTypes};</li>
 *   <li>object names and namespaces (DNS-1123, as the API server requires) and Secret/ConfigMap keys and
 *       base64 data — {@link InputCheckNames}.</li>
 * </ul>
 * The checks word their findings exactly as the translator's own reads of the same node would
 * ({@link dev.kagentmaven.core.model.Node#typeError}, {@link PassThrough}, {@link Pipeline}'s Agent name
 * check, {@link dev.kagentmaven.core.model.Secrets}), so that one problem yields one diagnostic. No
 * message quotes a value (only field names, object names and keys, escaped and shortened), so Secret
 * data never reaches a diagnostic. Missing required fields and dangling references are left to the
 * translator, which reports them with kagent's own messages.
 */
final class InputChecks {
    private InputChecks() {
    }

    static void check(ObjectIndex index, Problems problems) {
        for (ObjectIndex.Recognised r : index.recognised()) {
            InputCheckTypes.check(r.kind(), r.object(), problems);
            InputCheckNames.check(r.kind(), r.object(), problems);
        }
    }

    /**
     * A name, key or field name for a message: in double quotes, control characters, quotes and
     * backslashes escaped, at most 80 characters (longer ones are cut and end in {@code ...}).
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c >= 0x80 && c <= 0x9f
                    || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(s.codePointCount(0, s.length()) > 80 ? "...\"" : "\"").toString();
    }

    /** True when {@link #quote} would change nothing but add the quotes. */
    static boolean plain(String s) {
        return quote(s).equals("\"" + s + "\"");
    }
}
