package dev.kagentmaven.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private List<Document> read(String name, String text) {
        return YamlDocuments.read(Source.ofString(name, text), diagnostics);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private Diagnostic onlyDiagnostic() {
        assertEquals(1, diagnostics.size(), () -> "diagnostics: " + diagnostics);
        return diagnostics.get(0);
    }

    private static void assertAt(Origin origin, int line, int column, String path) {
        assertEquals(line + ":" + column + " " + path,
                origin.line() + ":" + origin.column() + " " + origin.path(), origin::toString);
    }

    @Test
    void readsEveryDocumentAndCountsEmptyOnes() throws Exception {
        List<Document> docs = read("a.yaml",
                "kind: A\n---\n---\n# only a comment\n---\nkind: B\n---\n~\n---\n");
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(2, docs.size());
        assertEquals(json("{\"kind\":\"A\"}"), docs.get(0).root());
        assertEquals(1, docs.get(0).index());
        assertEquals(json("{\"kind\":\"B\"}"), docs.get(1).root());
        assertEquals(4, docs.get(1).index(), "empty and comment-only documents still consume an index");
        assertEquals("a.yaml", docs.get(1).source());
        assertEquals("", docs.get(1).basePath());
        assertEquals(new Origin("a.yaml", 4, 6, 1, "/kind"), docs.get(1).origin("/kind"));
    }

    @Test
    void leadingSeparatorDocumentEndMarkerAndDirectives() throws Exception {
        List<Document> docs = read("a.yaml", "---\na: 1\n...\n%YAML 1.1\n---\nb: 2\n");
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(List.of(json("{\"a\":1}"), json("{\"b\":2}")), docs.stream().map(Document::root).toList());
        assertEquals(List.of(1, 2), docs.stream().map(Document::index).toList());
        assertTrue(read("empty.yaml", "").isEmpty());
        assertTrue(read("comments.yaml", "# nothing here\n\n").isEmpty());
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
    }

    @Test
    void listWrapperYieldsOneDocumentPerItem() throws Exception {
        String text = "apiVersion: v1\nkind: List\nitems:\n"
                + "  - kind: ConfigMap\n    metadata:\n      name: one\n"
                + "  - just a string\n"
                + "  - kind: Secret\n    metadata:\n      name: two\n";
        List<Document> docs = read("list.yaml", "kind: First\n---\n" + text);
        assertEquals(3, docs.size());
        Document second = docs.get(2);
        assertEquals("/items/2", second.basePath());
        assertEquals(2, second.index(), "items share their wrapper's index");
        assertEquals(json("{\"kind\":\"Secret\",\"metadata\":{\"name\":\"two\"}}"), second.root());
        assertAt(second.origin("/metadata/name"), 12, 7, "/items/2/metadata/name");
        assertAt(second.origin(""), 10, 5, "/items/2");
        assertAt(docs.get(1).origin("/metadata/name"), 8, 7, "/items/0/metadata/name");
        Diagnostic error = onlyDiagnostic();
        assertEquals("yaml-not-object", error.code());
        assertAt(error.origin(), 9, 5, "/items/1");
        assertEquals(2, error.origin().document());
        assertTrue(read("empty-list.yaml", "apiVersion: v1\nkind: List\nitems: []\n").isEmpty());
    }

    @Test
    void crlfLineEndsAreAccepted() throws Exception {
        List<Document> docs = read("crlf.yaml", "a: 1\r\nb:\r\n  c: x\r\n  d: |\r\n    one\r\n    two\r\n---\r\ne: 2\r\n");
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(json("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":\"one\\ntwo\\n\"}}"), docs.get(0).root());
        assertAt(docs.get(0).origin("/b/c"), 3, 3, "/b/c");
        assertAt(docs.get(1).origin("/e"), 8, 1, "/e");
    }

    @Test
    void utf8BomIsIgnoredAndInvalidUtf8IsAnError() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<Document> docs = YamlDocuments.read(new Source("bom.yaml", concat(bom, "a: é\n")), diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(json("{\"a\":\"é\"}"), docs.get(0).root());
        assertAt(docs.get(0).origin("/a"), 1, 1, "/a");

        byte[] bad = concat("a: 1\nb: x".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '(', '\n'});
        assertTrue(YamlDocuments.read(new Source("bad.yaml", bad), diagnostics).isEmpty());
        Diagnostic error = onlyDiagnostic();
        assertEquals("yaml-syntax", error.code());
        assertTrue(error.message().contains("not valid UTF-8"), error.message());
        assertEquals(2, error.origin().line());
        assertEquals(5, error.origin().column());
    }

    @Test
    void malformedYamlGivesOneErrorWithPositionAndKeepsEarlierDocuments() {
        List<Document> docs = read("bad.yaml", "a: 1\n---\nb: 2\n---\nc: 1\nd: e: f\n---\ne: 5\n");
        assertEquals(2, docs.size(), "documents before the syntax error are returned");
        Diagnostic error = onlyDiagnostic();
        assertEquals("yaml-syntax", error.code());
        assertTrue(error.isError());
        assertTrue(error.message().startsWith("malformed YAML: "), error.message());
        assertEquals(3, error.origin().document());
        assertEquals(6, error.origin().line());
        assertEquals(5, error.origin().column());
        assertEquals("malformed YAML: mapping values are not allowed here", error.message());
        assertCleanMessage(error.message());
    }

    @Test
    void syntaxMessagesAreShortAndFreeOfClassNames() {
        String[] inputs = {"a: b: c\n", "a:\tb\n", "? [a]\n: 1\n", "a: 'open\n", "a: \"\\x\"\n", "- a\nb: 1\n", "a: !!binary '%%'\n"};
        for (String input : inputs) {
            diagnostics.clear();
            read("x.yaml", input);
            Diagnostic error = onlyDiagnostic();
            assertEquals("yaml-syntax", error.code(), error::toString);
            assertTrue(error.origin().line() > 0, error::toString);
            assertCleanMessage(error.message());
        }
    }

    private static void assertCleanMessage(String message) {
        for (String bad : List.of("\n", "com.fasterxml", "org.yaml", "Exception", "reference chain", "[Source")) {
            assertFalse(message.contains(bad), () -> "message contains '" + bad + "': " + message);
        }
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() throws Exception {
        List<Document> docs = read("dup.yaml", "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n");
        Diagnostic error = onlyDiagnostic();
        assertEquals("yaml-duplicate-key", error.code());
        assertEquals("duplicate key \"c\"", error.message());
        assertAt(error.origin(), 5, 3, "/b/c");
        assertEquals(json("{\"a\":1,\"b\":{\"c\":3,\"d\":2}}"), docs.get(0).root());
    }

    @Test
    void rootThatIsNotAMappingIsAnError() {
        assertTrue(read("s.yaml", "just text\n---\n- a\n- b\n---\n''\n").isEmpty());
        assertEquals(3, diagnostics.size(), diagnostics::toString);
        assertEquals("expected a Kubernetes object (a YAML mapping) but found a scalar", diagnostics.get(0).message());
        assertEquals("expected a Kubernetes object (a YAML mapping) but found a sequence", diagnostics.get(1).message());
        assertEquals("yaml-not-object", diagnostics.get(1).code());
        assertAt(diagnostics.get(1).origin(), 3, 1, "");
        assertEquals(2, diagnostics.get(1).origin().document());
        assertEquals(3, diagnostics.get(2).origin().document(), "a quoted empty string is a scalar, not an empty document");
    }

    @Test
    void originPointsAtKeysAndFallsBackToNearestAncestor() {
        String text = "apiVersion: kagent.dev/v1alpha2\n"
                + "kind: Agent\n"
                + "metadata:\n"
                + "  name: x\n"
                + "  labels:\n"
                + "    app.kubernetes.io/name: y\n"
                + "spec:\n"
                + "  declarative:\n"
                + "    modelConfig: default\n"
                + "    tools:\n"
                + "      - type: McpServer\n"
                + "        mcpServer:\n"
                + "          name: a\n";
        Document doc = read("agent.yaml", text).get(0);
        assertAt(doc.origin("/spec/declarative/modelConfig"), 9, 5, "/spec/declarative/modelConfig");
        assertAt(doc.origin("/spec/declarative/tools/0/mcpServer"), 12, 9, "/spec/declarative/tools/0/mcpServer");
        assertAt(doc.origin("/spec/declarative/tools/0"), 11, 9, "/spec/declarative/tools/0");
        assertAt(doc.origin("/metadata/labels/app.kubernetes.io~1name"), 6, 5, "/metadata/labels/app.kubernetes.io~1name");
        assertAt(doc.origin("/spec/missing/deeper"), 7, 1, "/spec/missing/deeper");
        assertAt(doc.origin("/spec/declarative/tools/7/x"), 10, 5, "/spec/declarative/tools/7/x");
        assertAt(doc.origin(""), 1, 1, "");
        assertEquals(new Origin("agent.yaml", 1, 4, 3, "/metadata/name"), doc.origin("metadata/name"));
    }

    @Test
    void jsonFilesAreParsedAsOneJsonValue() throws Exception {
        List<Document> docs = read("obj.JSON", "{\n  \"kind\": \"A\",\n  \"spec\": {\"n\": 1.5, \"big\": 12345678901, \"on\": \"yes\"}\n}\n");
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(json("{\"kind\":\"A\",\"spec\":{\"n\":1.5,\"big\":12345678901,\"on\":\"yes\"}}"), docs.get(0).root());
        assertEquals(1, docs.get(0).index());
        assertAt(docs.get(0).origin("/spec/n"), 3, 12, "/spec/n");

        assertTrue(read("bad.json", "{\"a\": 1,}").isEmpty());
        assertTrue(onlyDiagnostic().message().startsWith("malformed JSON: "), diagnostics::toString);
        diagnostics.clear();
        read("two.json", "{\"a\": 1} {\"b\": 2}");
        assertEquals("yaml-syntax", onlyDiagnostic().code());
        diagnostics.clear();
        read("list.json", "{\"kind\": \"List\", \"items\": [{\"kind\": \"A\"}, [1]]}");
        assertEquals("expected a Kubernetes object (a JSON object) but found an array", onlyDiagnostic().message());
    }

    @Test
    void scalarTypesFollowJacksonsYaml11Resolver() throws Exception {
        Document doc = read("types.yaml", "a: [yes, y, on, Off, '1', 0123, 0x1F, 1_000, 0o17, 1e3, 1.5, .inf, -.Inf, .NaN,"
                + " 12:30, 2024-01-01, =, ~, null, 'null', 99999999999999999999, 12345678901]\n"
                + "empty:\nquoted: ''\ntagged: !!str 12\n").get(0);
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        JsonNode a = doc.root().get("a");
        assertEquals(json("[true,\"y\",true,false,\"1\",83,31,1000,\"0o17\",1000.0,1.5]"),
                JSON.valueToTree(List.of(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5), a.get(6),
                        a.get(7), a.get(8), a.get(9), a.get(10))));
        assertEquals(Double.POSITIVE_INFINITY, a.get(11).doubleValue());
        assertEquals(Double.NEGATIVE_INFINITY, a.get(12).doubleValue());
        assertTrue(Double.isNaN(a.get(13).doubleValue()));
        assertEquals("12:30", a.get(14).textValue());
        assertEquals("2024-01-01", a.get(15).textValue());
        assertEquals("=", a.get(16).textValue());
        assertTrue(a.get(17).isNull() && a.get(18).isNull());
        assertEquals("null", a.get(19).textValue());
        assertTrue(a.get(20).isBigInteger());
        assertTrue(a.get(21).isLong());
        assertTrue(doc.root().get("empty").isNull(), "an empty plain value is null, as in Go");
        assertEquals("", doc.root().get("quoted").textValue());
        assertEquals("12", doc.root().get("tagged").textValue());
    }

    @Test
    void anchorsAliasesAndMergeKeysAreResolved() throws Exception {
        String text = "base: &base {image: x, port: 80}\n"
                + "name: &n agent\n"
                + "copy: *base\n"
                + "ref: *n\n"
                + "merged:\n  <<: *base\n  port: 81\n"
                + "multi:\n  <<: [*base, {extra: 1, image: y}]\n"
                + "quoted:\n  '<<': *n\n";
        Document doc = read("anchors.yaml", text).get(0);
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(json("{\"base\":{\"image\":\"x\",\"port\":80},\"name\":\"agent\",\"copy\":{\"image\":\"x\",\"port\":80},"
                + "\"ref\":\"agent\",\"merged\":{\"image\":\"x\",\"port\":81},"
                + "\"multi\":{\"image\":\"x\",\"port\":80,\"extra\":1},\"quoted\":{\"<<\":\"agent\"}}"), doc.root());
        assertTrue(doc.root().get("copy") != doc.root().get("base"), "aliases are copies");

        diagnostics.clear();
        read("unknown.yaml", "a: *nope\nb: &r [1, *r]\n");
        assertEquals(2, diagnostics.size(), diagnostics::toString);
        assertEquals("yaml-syntax", diagnostics.get(0).code());
        assertAt(diagnostics.get(0).origin(), 1, 4, "/a");
    }

    @Test
    void billionLaughsFailsFastWithALimitError() {
        StringBuilder text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            text.append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*" + previous))).append("]\n");
            previous = c;
        }
        List<Document> docs = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read("lol.yaml", text.toString()));
        assertTrue(docs.isEmpty());
        Diagnostic error = onlyDiagnostic();
        assertEquals("yaml-limits", error.code());
        assertTrue(error.message().contains("1000000 nodes"), error.message());
    }

    @Test
    void deepNestingFailsWithALimitError() {
        String flow = "a: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read("deep.yaml", flow)).isEmpty());
        assertEquals("yaml-limits", onlyDiagnostic().code());

        diagnostics.clear();
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        read("deep-block.yaml", block.toString());
        assertEquals("yaml-limits", onlyDiagnostic().code());

        diagnostics.clear();
        String ok = "a: " + "[".repeat(150) + "1" + "]".repeat(150) + "\n";
        assertEquals(1, read("ok.yaml", ok).size());
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
    }

    private static byte[] concat(byte[] first, Object second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) second);
        return out.toByteArray();
    }
}
