package dev.kagentmaven.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.Source;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Kubernetes objects from YAML (multi-document) or JSON sources, with positions.
 *
 * <p>Behaviour:
 * <ul>
 *   <li>Files whose name ends with {@code .json} (any case) are parsed as ONE JSON value; anything
 *       else as a YAML stream of documents separated by {@code ---}. Input must be UTF-8; a leading BOM
 *       is ignored; CRLF line ends are fine.</li>
 *   <li>Empty, {@code null} and comment-only documents are skipped silently but still consume a
 *       document index.</li>
 *   <li>A {@code kind: List} document yields one {@link Document} per item of {@code items}
 *       ({@link Document#basePath()} {@code /items/<i>}); a missing or null {@code items} yields none.</li>
 *   <li>A root (or List item) that is not a mapping is reported ({@code yaml-not-object}).</li>
 *   <li>Duplicate keys are reported ({@code yaml-duplicate-key}, at the second key); the later value
 *       is kept and the document is still returned (callers stop on any error).</li>
 *   <li>Anchors, aliases and merge keys ({@code <<: *base}) are resolved into plain trees (each alias
 *       is a deep copy). A document may hold at most {@link TreeBuilder#MAX_NODES} nodes after alias
 *       expansion and be nested at most {@link TreeBuilder#MAX_DEPTH} deep; a file may have at most
 *       {@link #MAX_CODE_POINTS} characters ({@code yaml-limits}). Hitting a limit stops reading that
 *       source.</li>
 *   <li>Malformed input yields ONE {@code yaml-syntax} error with the problem's line:column; documents
 *       completed before it are still returned.</li>
 * </ul>
 * Scalar typing is described on {@link TreeBuilder}. Most YAML sources are read by
 * {@link SimpleYamlReader}, a fast reader for the simple subset Kubernetes files use that gives
 * exactly the same documents, positions and diagnostics; anything outside that subset is read with
 * SnakeYAML (through Jackson) from the start of the source.
 */
public final class YamlDocuments {

    /** Largest accepted input, in characters (code points). */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private static final YAMLFactory YAML = new TrackingYamlParser.Factory(
            YAMLFactory.builder().loaderOptions(loaderOptions()));
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private YamlDocuments() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(TreeBuilder.MAX_DEPTH);
        options.setAllowDuplicateKeys(true); // duplicates are detected (and reported) by TreeBuilder
        return options;
    }

    /**
     * Reads every YAML document of the source. Files whose name ends with ".json" are parsed as JSON
     * (one document); everything else as YAML (multi-document). Returns one Document per Kubernetes
     * object. Problems are appended to {@code diagnostics} (never thrown).
     *
     * @param source the input
     * @param diagnostics receives errors; never cleared
     * @return the objects in input order; never {@code null}
     */
    public static List<Document> read(Source source, List<Diagnostic> diagnostics) {
        return read(source, diagnostics, new MappingKeys());
    }

    /**
     * {@link #read(Source, List)}, sharing mapping-key strings with every other source read with the
     * same {@code keys} (what a run over many sources does, to keep the trees small).
     */
    public static List<Document> read(Source source, List<Diagnostic> diagnostics, MappingKeys keys) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(diagnostics, "diagnostics");
        List<Document> documents = new ArrayList<>();
        String text = SourceText.decode(source, diagnostics);
        if (text == null) {
            return documents;
        }
        boolean json = source.name().toLowerCase(Locale.ROOT).endsWith(".json");
        if (!json) {
            List<Document> fast = readSimple(source.name(), text, diagnostics, keys);
            if (fast != null) {
                return fast;
            }
        }
        return readSlow(source.name(), text, json, documents, diagnostics, keys);
    }

    /**
     * The fast path for the simple YAML most inputs are ({@link SimpleYamlReader}); {@code null}, with
     * nothing reported, when it declines the text.
     */
    static List<Document> readSimple(String name, String text, List<Diagnostic> diagnostics, MappingKeys keys) {
        List<SimpleYamlReader.Doc> simple = SimpleYamlReader.read(text, keys);
        if (simple == null) {
            return null;
        }
        List<Document> documents = new ArrayList<>();
        for (SimpleYamlReader.Doc doc : simple) {
            new Split(name, doc.index(), false, doc.positions(), documents, diagnostics).add(doc.root());
        }
        return documents;
    }

    /** The SnakeYAML/Jackson path (every JSON source, and YAML that {@link SimpleYamlReader} declines). */
    static List<Document> readSlow(String name, String text, boolean json, List<Document> documents,
            List<Diagnostic> diagnostics, MappingKeys keys) {
        try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(new StringReader(text))) {
            try {
                readAll(parser, name, json, documents, diagnostics, keys);
            } catch (YamlReadException stop) {
                diagnostics.add(stop.diagnostic());
            } catch (IOException | YAMLException failure) {
                diagnostics.add(ParseFailures.describe(failure, name, currentIndex(parser), json));
            }
        } catch (IOException | YAMLException failure) { // creating or closing the parser
            diagnostics.add(ParseFailures.describe(failure, name, 1, json));
        }
        return documents;
    }

    private static void readAll(JsonParser parser, String name, boolean json, List<Document> out,
            List<Diagnostic> diagnostics, MappingKeys keys) throws IOException, YamlReadException {
        while (parser.nextToken() != null) {
            int index = currentIndex(parser);
            TreeBuilder builder = new TreeBuilder(parser, name, index, diagnostics, keys);
            JsonNode root = builder.root();
            Split split = new Split(name, index, json, builder.positions(), out, diagnostics);
            split.add(root);
            if (json) {
                if (parser.nextToken() != null) {
                    diagnostics.add(Diagnostic.error("yaml-syntax",
                            "malformed JSON: unexpected content after the end of the JSON value",
                            origin(parser, name)));
                }
                return;
            }
        }
    }

    private static int currentIndex(JsonParser parser) {
        return parser instanceof TrackingYamlParser yaml ? Math.max(1, yaml.documentCount()) : 1;
    }

    private static Origin origin(JsonParser parser, String name) {
        var location = parser.currentTokenLocation();
        return new Origin(name, currentIndex(parser), Math.max(0, location.getLineNr()),
                Math.max(0, location.getColumnNr()), "");
    }

    /** Turns one document's root into zero or more {@link Document}s (unwrapping {@code kind: List}). */
    private record Split(String name, int index, boolean json, Positions positions,
            List<Document> out, List<Diagnostic> diagnostics) {

        void add(JsonNode root) {
            if (root.isNull()) {
                return; // empty, null or comment-only document
            }
            if (!root.isObject()) {
                notObject(root, "");
                return;
            }
            if (!"List".equals(root.path("kind").textValue())) {
                out.add(new Document(name, index, "", (ObjectNode) root, positions));
                return;
            }
            JsonNode items = root.path("items");
            if (items.isMissingNode() || items.isNull()) {
                return;
            }
            if (!items.isArray()) {
                diagnostics.add(Diagnostic.error("yaml-not-object",
                        "the items of a kind: List must be a " + (json ? "JSON array" : "YAML sequence"),
                        origin("/items")));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (item.isObject()) {
                    out.add(new Document(name, index, "/items/" + i, (ObjectNode) item, positions));
                } else {
                    notObject(item, "/items/" + i);
                }
            }
        }

        private void notObject(JsonNode node, String pointer) {
            String found = node.isArray() ? (json ? "an array" : "a sequence")
                    : node.isNull() ? "null" : "a scalar";
            String expected = json ? "a JSON object" : "a YAML mapping";
            diagnostics.add(Diagnostic.error("yaml-not-object",
                    "expected a Kubernetes object (" + expected + ") but found " + found, origin(pointer)));
        }

        private Origin origin(String pointer) {
            int[] at = positions.exact(pointer);
            if (at == null) {
                at = positions.exact("");
            }
            return new Origin(name, index, at[0], at[1], pointer);
        }
    }
}
