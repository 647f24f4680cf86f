package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputIndexTest {

    @Test
    void renderIsSortedLfWithHeaderAndRoundTrips() {
        byte[] index = OutputIndex.render(List.of("b/x.yaml", "a/y.yaml", "manifests.yaml"));
        String text = new String(index, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# Files in this directory written by kagent-maven-plugin"), text);
        assertTrue(text.endsWith("\na/y.yaml\nb/x.yaml\nmanifests.yaml\n"), text);
        assertFalse(text.contains("\r"));
        assertEquals(List.of("a/y.yaml", "b/x.yaml", "manifests.yaml"), List.copyOf(OutputIndex.parse(index).paths()));
    }

    @Test
    void parseToleratesCrlfBlankLinesAndComments() {
        OutputIndex.Parsed p = OutputIndex.parse("# c\r\n\r\nns/a.yaml\r\n  \nns/b.yaml".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("ns/a.yaml", "ns/b.yaml"), List.copyOf(p.paths()));
        assertEquals(List.of(), p.rejected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../b", "a/./b", "a//b", "a\\b", "C:/x", ".kagent-index", "a/", "."})
    void unsafeEntriesAreRejected(String bad) {
        assertFalse(OutputIndex.isSafe(bad), bad);
        OutputIndex.Parsed p = OutputIndex.parse((bad + "\nok.yaml\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("ok.yaml"), List.copyOf(p.paths()));
        assertEquals(List.of(bad), p.rejected());
    }
}
