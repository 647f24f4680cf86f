package dev.kagentmaven.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.io.Document;
import dev.kagentmaven.core.io.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The views' JSON pointers (spelled out on demand) and the typed reads' findings. */
class NodeTest {

    private static Node root(String yaml) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Document> docs = YamlDocuments.read(Source.ofString("in.yaml", yaml), diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        return Node.root(docs.get(0), new Problems());
    }

    @Test
    void pathsAreJsonPointersWithEscapedSegmentsAndIndexes() {
        Node r = root("""
                spec:
                  "a/b~c":
                    - x: 1
                    - {y: [p, q]}
                """);
        Node weird = r.obj("spec").child("a/b~c");
        assertEquals("/spec/a~1b~0c", weird.path());
        List<Node> items = r.obj("spec").list("a/b~c");
        assertEquals("/spec/a~1b~0c/1/y", items.get(1).child("y").path());
        assertEquals("/spec/a~1b~0c/0", items.get(0).path());
        assertEquals("/spec/a~1b~0c/1/y/1", items.get(1).list("y").get(1).path());
        assertEquals("", r.path());
        assertEquals("/missing/deeper", r.child("missing").child("deeper").path());
        assertEquals("null/x", new Node(r.document(), null, null, new Problems()).child("x").path());
        assertEquals(r.document().origin("/spec/a~1b~0c/1"), items.get(1).origin());
    }

    @Test
    void typedReadsReportWrongTypesAtTheValue() {
        Node r = root("""
                s: 1
                b: x
                i: 1.5
                l: {}
                sl: [a, 2, null]
                m: {k: v, n: 3, z: null}
                o: [1]
                """);
        Problems p = r.problems();
        assertEquals("", r.str("s"));
        assertFalse(r.bool("b"));
        assertEquals(0, r.integer("i"));
        assertEquals(List.of(), r.list("l"));
        assertEquals(List.of("a", ""), r.strList("sl"));
        assertEquals(Map.of("k", "v", "z", ""), r.strMap("m"));
        assertFalse(r.obj("o").present());
        assertEquals("/o", r.obj("o").path());
        assertTrue(r.has("s"));
        assertFalse(r.has("absent"));
        List<String> messages = p.list().stream().map(d -> d.origin().path() + " " + d.message()).toList();
        assertEquals(List.of(
                "/s s: expected a string but found a number",
                "/b b: expected a boolean but found a string",
                "/i i: expected an integer but found a number",
                "/l l: expected a list but found an object",
                "/sl/1 1: expected a string but found a number",
                "/m/n n: expected a string but found a number",
                "/o o: expected an object but found a list"), messages);
    }
}
