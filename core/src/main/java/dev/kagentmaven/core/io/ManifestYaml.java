package dev.kagentmaven.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes Kubernetes objects as a multi-document YAML stream that kubectl (Go's YAML 1.1 stack),
 * PyYAML, SnakeYAML and YAML 1.2 readers all read back with the same types and text.
 *
 * <h2>Layout</h2>
 * Each document is preceded by a line {@code ---}; block style; 2-space indentation; sequences are
 * indented under their key ({@code key:\n  - a}); the first member of a mapping inside a sequence
 * shares the dash line ({@code - name: x\n  image: y}); empty mappings and sequences are written
 * {@code {}} and {@code []}; keys keep the node's own iteration order; LF line ends only; the text
 * ends with exactly one {@code \n} ({@code ""} for no documents). Lines are never folded or wrapped.
 * A key longer than {@value #MAX_SIMPLE_KEY} characters (YAML readers reject longer implicit keys)
 * is written as an explicit key ({@code ? key\n: value}).
 *
 * <h2>Scalars</h2>
 * Numbers, booleans and null are plain ({@code 8080}, {@code true}, {@code null}); doubles use
 * Java's shortest form with a dot and a signed exponent ({@code 1.0e+20}), {@code .inf},
 * {@code -.inf}, {@code .nan}. A string is written PLAIN only if it is provably safe:
 * <ul>
 *   <li>non-empty, without leading or trailing whitespace (including Unicode spaces);</li>
 *   <li>every character printable and not a YAML 1.1 line break: no tab, CR, LF, other control
 *       characters, NEL, U+2028, U+2029, BOM, or non-characters;</li>
 *   <li>does not start with an indicator or sign: {@code - ? : , [ ] { } # & * ! | > ' " % @ `},
 *       {@code +}, {@code ~}, {@code =}, {@code <}, nor with a digit (this covers every YAML 1.1 int,
 *       float, sexagesimal number and timestamp, e.g. {@code 0123}, {@code 0o17}, {@code 1e3},
 *       {@code 12:30}, {@code 2024-01-01}), nor with {@code .} followed by a digit, {@code _} or
 *       {@code .} (or being {@code .} alone, {@code .inf} or {@code .nan} in any case);</li>
 *   <li>contains neither {@code ": "} nor {@code " #"}, and does not end with {@code :};</li>
 *   <li>is not, in any letter case, one of the YAML 1.1 boolean and null words {@code y n yes no
 *       true false on off null} ({@code ~}, {@code =} and {@code <<} are excluded by their first
 *       character).</li>
 * </ul>
 * Otherwise a single-line string of printable characters is single-quoted ({@code '} doubled). A
 * string with {@code \n} is a literal block scalar ({@code |}, {@code |-} without a trailing newline,
 * {@code |+} with several) indented two spaces more than its key, unless a line ends with a space,
 * the first non-empty line starts with a space, it holds other control or non-printable characters,
 * or its content is empty; then, and for any string with control or non-printable characters, the
 * string is double-quoted on one line with escapes ({@code \n \t \r \\ \"}, {@code \xNN},
 * <code>&#92;uNNNN</code>). Keys follow the same rules as values but are never block scalars.
 */
public final class ManifestYaml {

    /** Longest key written as an implicit key; YAML readers limit implicit keys to 1024 characters. */
    static final int MAX_SIMPLE_KEY = 1000;

    private ManifestYaml() {}

    /**
     * Renders the documents as one multi-document YAML stream: each document is preceded by a line
     * {@code ---} (so the text starts with {@code "---\n"}), block style, 2-space indentation,
     * sequences indented under their key, object keys in the node's own iteration order, LF line
     * ends only, ends with exactly one {@code "\n"}.
     *
     * @param documents the objects to write (usually {@code ObjectNode}s); none may be {@code null}
     * @return the YAML text; {@code ""} when {@code documents} is empty
     */
    public static String write(List<? extends JsonNode> documents) {
        Objects.requireNonNull(documents, "documents");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = Objects.requireNonNull(documents.get(i), "documents[" + i + "]");
            int start = out.length();
            out.append("---\n");
            new Emitter(out, true).document(document);
            if (i == documents.size() - 1 && out.length() >= 2 && out.charAt(out.length() - 2) == '\n') {
                // a "|+" scalar ended the stream with blank lines: write that document without "|+"
                out.setLength(start);
                out.append("---\n");
                new Emitter(out, false).document(document);
            }
        }
        return out.toString();
    }

    /**
     * One document as {@link #write} writes it inside a stream: {@code "---\n"} and the document.
     * {@link #write} of a list equals the concatenation of {@code document(d, true)} of each
     * document, except that a last document for which {@link #endsWithBlankLine} holds is written
     * with {@code keepAllowed} false.
     *
     * @param document the object to write
     * @param keepAllowed whether a string may be written as a {@code |+} block scalar
     */
    public static String document(JsonNode document, boolean keepAllowed) {
        Objects.requireNonNull(document, "document");
        StringBuilder out = new StringBuilder(1024);
        out.append("---\n");
        new Emitter(out, keepAllowed).document(document);
        return out.toString();
    }

    /** Whether a text from {@link #document} ends with a blank line (so it cannot end a stream). */
    public static boolean endsWithBlankLine(String documentText) {
        return documentText.length() >= 2 && documentText.charAt(documentText.length() - 2) == '\n';
    }

    /** Writes one document into a shared buffer. */
    private static final class Emitter {
        private final StringBuilder out;
        private final boolean keepAllowed;

        Emitter(StringBuilder out, boolean keepAllowed) {
            this.out = out;
            this.keepAllowed = keepAllowed;
        }

        void document(JsonNode root) {
            if (root.isContainerNode() && !root.isEmpty()) {
                block(root, 0, false);
            } else {
                leaf(root, 0);
            }
        }

        /** A non-empty mapping or sequence whose lines are at {@code indent}. */
        private void block(JsonNode node, int indent, boolean firstInline) {
            if (node.isObject()) {
                mapping(node, indent, firstInline);
            } else {
                sequence(node, indent, firstInline);
            }
        }

        private void mapping(JsonNode object, int indent, boolean firstInline) {
            boolean first = true;
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (!(first && firstInline)) {
                    indent(indent);
                }
                first = false;
                key(member.getKey(), indent);
                value(member.getValue(), indent, false);
            }
        }

        private void sequence(JsonNode array, int indent, boolean firstInline) {
            boolean first = true;
            for (JsonNode item : array) {
                if (!(first && firstInline)) {
                    indent(indent);
                }
                first = false;
                out.append('-');
                value(item, indent, true);
            }
        }

        private void key(String key, int indent) {
            String text = YamlScalars.flow(key);
            if (text.length() <= MAX_SIMPLE_KEY) {
                out.append(text).append(':');
                return;
            }
            out.append("? ").append(text).append('\n');
            indent(indent);
            out.append(':');
        }

        /**
         * Writes what follows a key's {@code :} or an item's {@code -}, both at {@code indent}: nested
         * mappings/sequences go below the key (indented by 2) or stay on the dash line.
         */
        private void value(JsonNode value, int indent, boolean inSequence) {
            if (value.isContainerNode() && !value.isEmpty()) {
                out.append(inSequence ? ' ' : '\n');
                block(value, indent + 2, inSequence);
                return;
            }
            out.append(' ');
            leaf(value, indent);
        }

        /** A scalar or an empty container, then the line end; block scalar content goes at {@code indent + 2}. */
        private void leaf(JsonNode node, int indent) {
            if (node.isObject()) {
                out.append("{}\n");
            } else if (node.isArray()) {
                out.append("[]\n");
            } else if (node.isTextual() || node.isBinary() || node.isPojo()) {
                string(node.asText(), indent + 2);
            } else {
                out.append(YamlScalars.nonString(node)).append('\n');
            }
        }

        private void string(String s, int contentIndent) {
            if (s.indexOf('\n') < 0 || !YamlScalars.isLiteralSafe(s, keepAllowed)) {
                out.append(YamlScalars.flow(s)).append('\n');
                return;
            }
            int end = YamlScalars.contentEnd(s);
            int trailing = s.length() - end;
            out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+").append('\n');
            int from = 0;
            while (from <= end) {
                int nl = s.indexOf('\n', from);
                int to = nl < 0 || nl > end ? end : nl;
                if (to > from) {
                    indent(contentIndent);
                    out.append(s, from, to);
                }
                out.append('\n');
                from = to + 1;
            }
            for (int i = 1; i < trailing; i++) {
                out.append('\n');
            }
        }

        private void indent(int spaces) {
            for (int i = 0; i < spaces; i++) {
                out.append(' ');
            }
        }
    }
}
