package dev.kagentmaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile input sizes end in a clear, located {@code yaml-limits} error, never in an OutOfMemoryError or
 * a hang (issue 6): alias expansion (billion laughs), nesting depth, nodes per document, the size of one
 * scalar and of one file, the total size of all inputs. The time limits only guard against hangs; they
 * are no speed requirement.
 */
class InputLimitsTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: ns}\n";

    private static Result translate(List<Source> sources) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> Translator.translate(sources, Options.builder().build()));
    }

    private static Result translate(String name, String text) {
        return translate(List.of(Source.ofString(name, text)));
    }

    /** Exactly one error, {@code yaml-limits}, located in {@code source}, whose message contains {@code words}. */
    private static void assertLimit(Result r, String source, String words) {
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        Diagnostic d = r.errors().get(0);
        assertEquals("yaml-limits", d.code(), d::toString);
        assertEquals(source, d.origin().source());
        assertTrue(d.origin().document() > 0 && d.origin().line() > 0 && d.origin().column() > 0, d::toString);
        assertTrue(d.message().contains(words), d::toString);
        assertTrue(r.manifests().isEmpty());
    }

    @Test
    void billionLaughsStopsAtTheNodeLimit() {
        StringBuilder yaml = new StringBuilder(HEAD).append("data:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertLimit(translate("laughs.yaml", yaml.toString()), "laughs.yaml", "after expanding aliases");
    }

    @Test
    void deepNestingStopsAtTheDepthLimit() {
        assertLimit(translate("flow.yaml", HEAD + "data: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"),
                "flow.yaml", "nested deeper");
        StringBuilder block = new StringBuilder(HEAD).append("data:\n");
        for (int i = 1; i < 2_000; i++) {
            block.append(" ".repeat(i)).append("a:\n");
        }
        assertLimit(translate("block.yaml", block.toString()), "block.yaml", "nested deeper");
        assertLimit(translate("deep.json", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)), "deep.json", "");
    }

    @Test
    void aDocumentWithTooManyNodesStops() {
        StringBuilder wide = new StringBuilder(HEAD).append("data:\n");
        for (int i = 0; i < 1_100_000; i++) {
            wide.append("  k").append(i).append(": v\n");
        }
        assertLimit(translate("wide.yaml", wide.toString()), "wide.yaml", "more than");
    }

    @Test
    void manyDocumentsWithProblemsCostLinearTime() {
        // 50,000 objects, each with a type error and an unknown field: reporting must not be quadratic
        StringBuilder docs = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            docs.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i)
                    .append(", namespace: ns, labelz: {}}\ndata: {k: 1}\n");
        }
        Result r = translate("many.yaml", docs.toString());
        assertEquals(100_000, r.diagnostics().size());
    }

    @Test
    void aHundredMegabyteJsonStringFailsFast() {
        String text = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"},\"data\":{\"k\":\""
                + "a".repeat(100_000_000) + "\"}}";
        assertLimit(translate("big.json", text), "big.json", "limit");
    }

    @Test
    void aHundredMegabyteYamlScalarFailsFast() {
        String text = HEAD + "data:\n  k: " + "a".repeat(100_000_000) + "\n";
        assertLimit(translate("big.yaml", text), "big.yaml", "limit");
    }

    @Test
    void theTotalInputSizeIsBounded() {
        // 150 files of 1.5 MB each (225 MB): no single file is extreme, the sum is
        StringBuilder one = new StringBuilder(HEAD).append("data:\n");
        for (int i = 0; one.length() < 1_500_000; i++) {
            one.append("  key-").append(i).append(": value value value value value value value value value value\n");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            sources.add(Source.ofString("in/f" + i + ".yaml", one.toString().replace("name: x,", "name: x" + i + ",")));
        }
        Result r = translate(sources);
        assertTrue(r.errors().stream().anyMatch(d -> d.code().equals("yaml-limits") && !d.origin().source().isEmpty()),
                () -> "no limit on the total input size: " + r.errors());
    }
}
