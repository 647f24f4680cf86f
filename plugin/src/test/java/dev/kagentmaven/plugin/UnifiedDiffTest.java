package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static String diff(String a, String b) {
        return String.join("\n", UnifiedDiff.diff("a", a, "b", b));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals(List.of(), UnifiedDiff.diff("a", "x\n", "b", "x\n"));
    }

    @Test
    void oneChangedLineWithContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
        assertEquals("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8", diff(a, b));
    }

    @Test
    void distantChangesMakeSeparateHunksCloseOnesOne() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
        }
        String b = a.toString().replace("\n2\n", "\ntwo\n").replace("\n25\n", "\ntwenty-five\n");
        assertEquals("--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                + "@@ -22,7 +22,7 @@\n 22\n 23\n 24\n-25\n+twenty-five\n 26\n 27\n 28", diff(a.toString(), b));
        String c = a.toString().replace("\n2\n", "\ntwo\n").replace("\n8\n", "\neight\n");
        assertEquals("--- a\n+++ b\n@@ -1,11 +1,11 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n-8\n+eight\n 9\n 10\n 11",
                diff(a.toString(), c));
    }

    @Test
    void insertionsDeletionsAndEmptySides() {
        assertEquals("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y", diff("", "x\ny\n"));
        assertEquals("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y", diff("x\ny\n", ""));
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,3 @@\n x\n+new\n y", diff("x\ny\n", "x\nnew\ny\n"));
    }

    @Test
    void missingFinalNewlineIsMarked() {
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y", diff("x\ny", "x\ny\n"));
    }

    @Test
    void truncationCountsTheRest() {
        List<String> lines = List.of("1", "2", "3", "4", "5");
        assertEquals(List.of("1", "2", "... 3 more diff lines not shown"), UnifiedDiff.truncate(lines, 2));
        assertEquals(List.of("1", "2", "3", "4", "... 1 more diff line not shown"), UnifiedDiff.truncate(lines, 4));
        assertEquals(lines, UnifiedDiff.truncate(lines, 5));
    }

    /** Applying the printed hunks to the old text must give the new text (random edits, checked by patching). */
    @Test
    void diffsPatchBackCorrectly() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> a = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                a.add("l" + random.nextInt(8));
            }
            List<String> b = new ArrayList<>(a);
            int edits = random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int op = random.nextInt(3);
                if (op == 0 || b.isEmpty()) {
                    b.add(random.nextInt(b.size() + 1), "n" + random.nextInt(8));
                } else if (op == 1) {
                    b.remove(random.nextInt(b.size()));
                } else {
                    b.set(random.nextInt(b.size()), "c" + random.nextInt(8));
                }
            }
            String ta = join(a);
            String tb = join(b);
            List<String> d = UnifiedDiff.diff("a", ta, "b", tb);
            assertEquals(tb, patch(ta, d), "round " + round + "\n" + String.join("\n", d));
        }
    }

    @Test
    void hugeDifferencesFallBackToABlockReplacement() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        List<String> d = UnifiedDiff.diff("a", a.toString(), "b", b.toString());
        assertEquals("@@ -1,5000 +1,5000 @@", d.get(2));
        assertEquals(b.toString(), patch(a.toString(), d));
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** A minimal unified-diff applier for the tests (terminated lines only). */
    private static String patch(String text, List<String> diff) {
        List<String> src = new ArrayList<>();
        for (String l : UnifiedDiff.splitLines(text)) {
            src.add(l.substring(0, l.length() - 1));
        }
        List<String> out = new ArrayList<>();
        int pos = 0;
        for (int i = 2; i < diff.size(); i++) {
            String line = diff.get(i);
            if (line.startsWith("@@")) {
                String old = line.substring(4, line.indexOf(' ', 4));
                int start = Integer.parseInt(old.split(",")[0]);
                int from = old.endsWith(",0") ? start : start - 1;
                while (pos < from) {
                    out.add(src.get(pos++));
                }
            } else if (line.startsWith(" ")) {
                assertEquals(src.get(pos), line.substring(1));
                out.add(src.get(pos++));
            } else if (line.startsWith("-")) {
                assertEquals(src.get(pos), line.substring(1));
                pos++;
            } else if (line.startsWith("+")) {
                out.add(line.substring(1));
            }
        }
        while (pos < src.size()) {
            out.add(src.get(pos++));
        }
        return join(out);
    }
}
