package dev.kagentmaven.core;

/**
 * Where in the inputs a diagnostic comes from.
 *
 * @param source the {@link Source#name()} of the input file
 * @param document 1-based index of the YAML document inside that file (0 when unknown)
 * @param line 1-based line (0 when unknown)
 * @param column 1-based column (0 when unknown)
 * @param path YAML path inside the document in JSON-pointer form, e.g. {@code /spec/declarative/modelConfig}
 *     ({@code ""} for the document root)
 */
public record Origin(String source, int document, int line, int column, String path) {

    /** An origin for problems that are not tied to any input (e.g. a bad option). */
    public static final Origin NONE = new Origin("", 0, 0, 0, "");

    /** Human-readable form: {@code file.yaml (document 2) 14:7 at /spec/x}. */
    @Override
    public String toString() {
        if (source.isEmpty()) {
            return "<configuration>";
        }
        StringBuilder sb = new StringBuilder(source);
        if (document > 0) {
            sb.append(" (document ").append(document).append(')');
        }
        if (line > 0) {
            sb.append(' ').append(line).append(':').append(column);
        }
        if (!path.isEmpty()) {
            sb.append(" at ").append(path);
        }
        return sb.toString();
    }
}
