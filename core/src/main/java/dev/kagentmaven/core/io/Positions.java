package dev.kagentmaven.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Where the nodes of one YAML document are: for every mapping its keys' positions, for every
 * sequence its items' positions, and the document root's own. Stored per container (keyed by node
 * identity, aligned with the container's iteration order) instead of per JSON pointer string, so a
 * document costs a few bytes per node rather than a string and a map entry per node; pointers are
 * resolved on demand, which only diagnostics need.
 *
 * <p>A member that came from a YAML merge key ({@code <<}) is positioned at that merge key, and so is
 * everything inside it; a copy made for an alias has no positions of its own (its place is that of
 * the alias). Not changed once the document is built; then safe to share between threads.
 */
final class Positions {
    /** Set on a child whose own descendants have no positions (a member added by a merge key). */
    private static final long OPAQUE = 1L << 63;

    private final long rootAt;
    private final IdentityHashMap<JsonNode, long[]> children = new IdentityHashMap<>();
    private JsonNode root;

    /** Positions of a document whose root starts at {@code line}:{@code column}. */
    Positions(int line, int column) {
        this.rootAt = pack(line, column, false);
    }

    /** Sets the document root, once it is built (before the positions are shared). */
    void root(JsonNode node) {
        this.root = node;
    }

    static long pack(int line, int column, boolean opaque) {
        return ((long) line << 32) | (column & 0xFFFFFFFFL) | (opaque ? OPAQUE : 0);
    }

    /** Records the positions of {@code container}'s members or items, in its iteration order. */
    void put(JsonNode container, long[] packed) {
        children.put(container, packed);
    }

    /** {line, column} of the node at {@code pointer}, or {@code null} when there is no such node. */
    int[] exact(String pointer) {
        return find(pointer, true);
    }

    /** {line, column} of the node at {@code pointer}, else of its nearest existing ancestor. */
    int[] nearest(String pointer) {
        return find(pointer, false);
    }

    private int[] find(String pointer, boolean exact) {
        long at = rootAt;
        JsonNode node = root;
        int from = 0;
        int n = pointer.length();
        while (from < n) {
            if (pointer.charAt(from) != '/') {
                return exact ? null : unpack(at);
            }
            int end = pointer.indexOf('/', from + 1);
            if (end < 0) {
                end = n;
            }
            String segment = unescape(pointer.substring(from + 1, end));
            from = end;
            long[] kids = node == null ? null : children.get(node);
            int index = kids == null ? -1 : indexOf(node, segment);
            if (index < 0 || index >= kids.length) {
                return exact ? null : unpack(at);
            }
            at = kids[index];
            node = (at & OPAQUE) != 0 ? null : child(node, segment, index);
            if (node == null && from < n && exact) {
                return null;
            }
        }
        return unpack(at);
    }

    private static JsonNode child(JsonNode container, String segment, int index) {
        return container.isObject() ? container.get(segment) : container.get(index);
    }

    /** Position of {@code segment} among the members (by key) or items (by decimal index) of {@code container}. */
    private static int indexOf(JsonNode container, String segment) {
        if (container.isObject()) {
            int i = 0;
            for (Iterator<String> it = container.fieldNames(); it.hasNext(); i++) {
                if (it.next().equals(segment)) {
                    return i;
                }
            }
            return -1;
        }
        if (!container.isArray() || segment.isEmpty() || segment.length() > 9
                || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < container.size() ? v : -1;
    }

    private static String unescape(String segment) {
        if (segment.indexOf('~') < 0) {
            return segment;
        }
        return segment.replace("~1", "/").replace("~0", "~");
    }

    private static int[] unpack(long at) {
        return new int[] {(int) ((at & ~OPAQUE) >>> 32), (int) at};
    }

    /** Aligns positions recorded per key with the final member order of {@code object}. */
    static long[] aligned(JsonNode object, Map<String, Long> byKey) {
        long[] out = new long[object.size()];
        int i = 0;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); i++) {
            Long p = byKey.get(it.next());
            out[i] = p == null ? 0 : p;
        }
        return out;
    }
}
