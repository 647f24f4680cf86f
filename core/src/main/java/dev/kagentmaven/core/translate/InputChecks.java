package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.ObjectIndex;
import dev.kagentmaven.core.model.Problems;
import java.util.List;

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
    private static final String HEX = "0123456789abcdef";

    private InputChecks() {
    }

    /**
     * Checks every recognised object. Objects are checked independently (in parallel, {@link Parallel})
     * into problem lists of their own, which are added to {@code problems} in index order: the same
     * diagnostics in the same order as checking them one after the other.
     */
    static void check(ObjectIndex index, Problems problems) {
        List<Problems> found = Parallel.map(index.recognised(), r -> {
            Problems own = new Problems();
            InputCheckTypes.check(r.kind(), r.object(), own);
            InputCheckNames.check(r.kind(), r.object(), own);
            return own;
        });
        for (Problems own : found) {
            problems.addAll(own.list());
        }
    }

    /**
     * A name, key or field name for a message: in double quotes, control characters, quotes and
     * backslashes escaped, at most 80 characters (longer ones are cut and end in {@code ...}).
     */
    static String quote(String s) {
        int n = s.length();
        StringBuilder sb = new StringBuilder(Math.min(n, 80) + 8).append('"');
        int i = 0;
        for (int count = 0; count < 80 && i < n; count++) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (escaped(c)) {
                sb.append("\\u").append(HEX.charAt(c >> 12 & 0xf)).append(HEX.charAt(c >> 8 & 0xf))
                        .append(HEX.charAt(c >> 4 & 0xf)).append(HEX.charAt(c & 0xf));
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.append(i < n ? "...\"" : "\"").toString();
    }

    /** Code points {@link #quote} writes as a backslash-u escape of four hex digits (all below U+10000). */
    private static boolean escaped(int c) {
        return c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029;
    }

    /** True when {@link #quote} would change nothing but add the quotes. */
    static boolean plain(String s) {
        int n = s.length();
        if (n <= 80) { // at most 80 code points: nothing is cut
            boolean clean = true;
            for (int i = 0; i < n && clean; i++) {
                clean = !escaped(s.charAt(i)); // surrogates are never escaped, alone or paired
            }
            if (clean) {
                return true;
            }
        }
        return quote(s).equals("\"" + s + "\"");
    }
}
