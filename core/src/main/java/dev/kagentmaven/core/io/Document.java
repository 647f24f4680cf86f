package dev.kagentmaven.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Origin;
import java.util.Objects;

/**
 * One Kubernetes object read from an input, with the position of every node.
 *
 * <p>Instances are created by {@link YamlDocuments#read}. The tree returned by {@link #root()} must
 * never be mutated: callers that need a changed copy use {@link JsonNode#deepCopy()}.
 */
public final class Document {

    private final String source;
    private final int index;
    private final String basePath;
    private final ObjectNode root;
    /** Where the nodes of the YAML document are (pointers relative to it, i.e. including {@link #basePath}). */
    private final Positions positions;

    Document(String source, int index, String basePath, ObjectNode root, Positions positions) {
        this.source = Objects.requireNonNull(source, "source");
        this.index = index;
        this.basePath = Objects.requireNonNull(basePath, "basePath");
        this.root = Objects.requireNonNull(root, "root");
        this.positions = Objects.requireNonNull(positions, "positions");
    }

    /** The {@link dev.kagentmaven.core.Source#name()} of the input this object was read from. */
    public String source() {
        return source;
    }

    /**
     * 1-based index of the YAML document within the source file (items of a {@code kind: List}
     * share their wrapper's index; a JSON file is document 1).
     */
    public int index() {
        return index;
    }

    /** {@code ""} normally; {@code "/items/3"} for the 4th item of a {@code kind: List} wrapper. */
    public String basePath() {
        return basePath;
    }

    /** The object (an {@link ObjectNode}); never mutated by anyone. */
    public JsonNode root() {
        return root;
    }

    /**
     * Origin of the node at {@code pointer}, a JSON pointer relative to {@link #root()} such as
     * {@code /spec/declarative/tools/0/mcpServer} ({@code ""} for the object itself; a missing leading
     * {@code /} is added). For an object member the position is that of its KEY, so messages point at
     * {@code modelConfig: ...}; for a sequence item or the object itself it is where the value starts.
     * If that exact node does not exist, the nearest existing ancestor's position is used, but
     * {@link Origin#path()} still reports {@code basePath() + pointer}. Line and column are 1-based.
     *
     * @param pointer JSON pointer ({@code ~1} for {@code /} and {@code ~0} for {@code ~} inside keys)
     * @return the origin; never {@code null}
     */
    public Origin origin(String pointer) {
        String relative = pointer == null || pointer.isEmpty() || pointer.startsWith("/")
                ? (pointer == null ? "" : pointer)
                : "/" + pointer;
        String path = basePath + relative;
        int[] at = positions.nearest(path);
        return new Origin(source, index, at[0], at[1], path);
    }

    @Override
    public String toString() {
        return source + " (document " + index + ")" + (basePath.isEmpty() ? "" : " at " + basePath);
    }
}
