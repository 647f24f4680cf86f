package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import dev.kagentmaven.core.bench.AgentRepoGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs big enough for the parallel paths ({@link Parallel}, {@link Overlap}) give exactly what small,
 * sequential runs give: every Agent's text equals its text from a run that selects only that Agent
 * (which stays on the calling thread), and repeated runs give the same diagnostics in the same order.
 */
class LargeRunTest {

    private static final int AGENTS = 300;

    private static List<Source> sources(Map<String, String> files) {
        List<Source> out = new ArrayList<>();
        files.forEach((name, text) -> out.add(Source.ofString(name, text)));
        return out;
    }

    @Test
    void eachAgentRendersAsItDoesAlone() {
        List<Source> sources = sources(AgentRepoGenerator.files(AGENTS));
        Result all = Translator.translate(sources, Options.builder().build());
        assertFalse(all.hasErrors(), () -> all.errors().toString());
        assertEquals(AGENTS, all.manifests().size());
        for (int i = 0; i < AGENTS; i += 37) {
            Manifest m = all.manifests().get(i);
            Result alone = Translator.translate(sources, Options.builder().agents(List.of(m.key())).build());
            assertEquals(1, alone.manifests().size());
            assertEquals(alone.manifests().get(0).yaml(), m.yaml(), m.key());
        }
    }

    @Test
    void diagnosticsOfALargeRunAreTheSameEveryTime() {
        Map<String, String> files = new java.util.TreeMap<>(AgentRepoGenerator.files(AGENTS));
        // warnings and errors spread over the run: an unknown field in every 25th Agent, a missing
        // ModelConfig in every 40th
        List<String> names = new ArrayList<>(files.keySet());
        int n = 0;
        for (String name : names) {
            if (!name.contains("/agent-")) {
                continue;
            }
            String text = files.get(name);
            if (n % 25 == 0) {
                text = text.replace("\nspec:\n", "\nspec:\n  descripton: typo\n");
            }
            if (n % 40 == 0) {
                text = text.replaceFirst("modelConfig: \\S+", "modelConfig: missing-model");
            }
            files.put(name, text);
            n++;
        }
        List<Source> sources = sources(files);
        Result first = Translator.translate(sources, Options.builder().build());
        assertTrue(first.hasErrors());
        long warnings = first.diagnostics().stream().filter(d -> !d.isError()).count();
        assertTrue(warnings >= AGENTS / 25, first.diagnostics().toString());
        List<String> expected = first.diagnostics().stream().map(Diagnostic::toString).toList();
        for (int run = 0; run < 3; run++) {
            Result again = Translator.translate(sources, Options.builder().failOnValidationError(run % 2 == 0).build());
            assertEquals(expected, again.diagnostics().stream().map(Diagnostic::toString).toList());
        }
    }
}
