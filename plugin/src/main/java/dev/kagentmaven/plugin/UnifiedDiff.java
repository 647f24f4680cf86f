package dev.kagentmaven.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff ({@code diff -u} format, 3 lines of context) for the {@code check}
 * goal's report. Common leading and trailing lines are trimmed first, then the middle is compared
 * with Myers' O((N+M)D) algorithm; when the files differ in more than {@link #MAX_EDIT_DISTANCE}
 * lines the middle is shown as one replaced block instead (the report is truncated anyway).
 *
 * <p>Lines keep their terminator during comparison, so a missing final newline is a difference; it
 * is shown as {@code \ No newline at end of file}, as {@code diff} does.
 */
final class UnifiedDiff {

    /** Lines of context around each change. */
    static final int CONTEXT = 3;

    /** Beyond this many differing lines the Myers search gives up and reports a block replacement. */
    static final int MAX_EDIT_DISTANCE = 2000;

    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {
    }

    /** One edit-script element: a line kept, deleted from {@code a} or inserted from {@code b}. */
    private record Edit(char op, int aIndex, int bIndex) {
    }

    /**
     * The diff of {@code a} (old) against {@code b} (new) as lines without terminators, headers
     * included, or an empty list when the texts are equal.
     *
     * @param aName header of the old side, e.g. {@code manifests/x.yaml (on disk)} or {@code /dev/null}
     * @param bName header of the new side
     */
    static List<String> diff(String aName, String a, String bName, String b) {
        if (a.equals(b)) {
            return List.of();
        }
        List<String> x = splitLines(a);
        List<String> y = splitLines(b);
        List<Edit> script = editScript(x, y);
        List<String> out = new ArrayList<>();
        out.add("--- " + aName);
        out.add("+++ " + bName);
        appendHunks(out, script, x, y);
        return out;
    }

    /**
     * Truncates a diff to at most {@code maxLines} lines; when lines are cut a last line says how
     * many, e.g. {@code ... 120 more diff lines not shown}.
     */
    static List<String> truncate(List<String> diff, int maxLines) {
        int max = Math.max(maxLines, 0);
        if (diff.size() <= max) {
            return diff;
        }
        List<String> cut = new ArrayList<>(diff.subList(0, max));
        int more = diff.size() - max;
        cut.add("... " + more + " more diff " + (more == 1 ? "line" : "lines") + " not shown");
        return cut;
    }

    /** Splits after every {@code \n}; each element keeps its terminator, the last one may lack it. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static List<Edit> editScript(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int prefix = 0;
        while (prefix < n && prefix < m && x.get(prefix).equals(y.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && x.get(n - 1 - suffix).equals(y.get(m - 1 - suffix))) {
            suffix++;
        }
        List<Edit> script = new ArrayList<>(n + m);
        for (int i = 0; i < prefix; i++) {
            script.add(new Edit('=', i, i));
        }
        List<Edit> middle = myers(x, prefix, n - suffix, y, prefix, m - suffix);
        if (middle == null) {
            for (int i = prefix; i < n - suffix; i++) {
                script.add(new Edit('-', i, -1));
            }
            for (int j = prefix; j < m - suffix; j++) {
                script.add(new Edit('+', -1, j));
            }
        } else {
            script.addAll(middle);
        }
        for (int k = suffix; k > 0; k--) {
            script.add(new Edit('=', n - k, m - k));
        }
        return script;
    }

    /**
     * Myers' greedy shortest edit script for {@code x[x0,x1)} against {@code y[y0,y1)}, or
     * {@code null} when the edit distance exceeds {@link #MAX_EDIT_DISTANCE}.
     */
    private static List<Edit> myers(List<String> x, int x0, int x1, List<String> y, int y0, int y1) {
        int n = x1 - x0;
        int m = y1 - y0;
        int max = Math.min(n + m, MAX_EDIT_DISTANCE);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int xi;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    xi = v[offset + k + 1];
                } else {
                    xi = v[offset + k - 1] + 1;
                }
                int yi = xi - k;
                while (xi < n && yi < m && x.get(x0 + xi).equals(y.get(y0 + yi))) {
                    xi++;
                    yi++;
                }
                v[offset + k] = xi;
                if (xi >= n && yi >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            return null;
        }
        // backtrack through the saved frontiers
        List<Edit> reversed = new ArrayList<>();
        int xi = n;
        int yi = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d);
            int k = xi - yi;
            int prevK = (k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = prev[offset + prevK];
            int prevY = prevX - prevK;
            while (xi > prevX && yi > prevY) {
                xi--;
                yi--;
                reversed.add(new Edit('=', x0 + xi, y0 + yi));
            }
            if (xi == prevX) {
                yi--;
                reversed.add(new Edit('+', -1, y0 + yi));
            } else {
                xi--;
                reversed.add(new Edit('-', x0 + xi, -1));
            }
        }
        while (xi > 0 && yi > 0) {
            xi--;
            yi--;
            reversed.add(new Edit('=', x0 + xi, y0 + yi));
        }
        List<Edit> script = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            script.add(reversed.get(i));
        }
        return script;
    }

    private static void appendHunks(List<String> out, List<Edit> script, List<String> x, List<String> y) {
        int i = 0;
        int size = script.size();
        while (i < size) {
            // next change
            int firstChange = i;
            while (firstChange < size && script.get(firstChange).op() == '=') {
                firstChange++;
            }
            if (firstChange == size) {
                return;
            }
            int start = Math.max(i, firstChange - CONTEXT);
            // extend the hunk while the gap between changes is at most 2 * CONTEXT
            int end = firstChange;
            int lastChange = firstChange;
            while (end < size) {
                if (script.get(end).op() != '=') {
                    lastChange = end;
                    end++;
                    continue;
                }
                int run = end;
                while (run < size && script.get(run).op() == '=') {
                    run++;
                }
                if (run == size || run - end > 2 * CONTEXT) {
                    break;
                }
                end = run;
            }
            int stop = Math.min(size, lastChange + 1 + CONTEXT);
            appendHunk(out, script.subList(start, stop), x, y);
            i = stop;
        }
    }

    private static void appendHunk(List<String> out, List<Edit> hunk, List<String> x, List<String> y) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (Edit e : hunk) {
            if (e.op() != '+') {
                if (aStart < 0) {
                    aStart = e.aIndex();
                }
                aCount++;
            }
            if (e.op() != '-') {
                if (bStart < 0) {
                    bStart = e.bIndex();
                }
                bCount++;
            }
        }
        // a side without lines in the hunk is an empty file (otherwise there would be context): "-0,0"
        out.add("@@ -" + range(aStart, aCount) + " +" + range(bStart, bCount) + " @@");
        for (Edit e : hunk) {
            String line = e.op() == '+' ? y.get(e.bIndex()) : x.get(e.aIndex());
            char prefix = e.op() == '=' ? ' ' : e.op();
            boolean terminated = line.endsWith("\n");
            out.add(prefix + (terminated ? line.substring(0, line.length() - 1) : line));
            if (!terminated) {
                out.add(NO_NEWLINE);
            }
        }
    }

    private static String range(int start, int count) {
        if (count == 0) {
            return "0,0";
        }
        return (start + 1) + (count == 1 ? "" : "," + count);
    }
}
