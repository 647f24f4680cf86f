package dev.kagentmaven.core.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Order-keeping parallel map for the independent per-item steps of a run (reading one source,
 * validating and rendering one manifest). Results come back in input order, so the output never
 * depends on scheduling. Runs on the common fork-join pool, and only when there are at least two
 * processors and enough items for the hand-off to pay; {@code -Dkagent.core.parallel=false} turns
 * it off (for measuring).
 */
final class Parallel {
    /** Below this many items the work runs on the calling thread. */
    static final int MIN_ITEMS = 64;

    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("kagent.core.parallel"))
            && java.lang.Runtime.getRuntime().availableProcessors() > 1;

    private Parallel() {
    }

    /** Whether work may be spread over threads in this JVM. */
    static boolean enabled() {
        return ENABLED;
    }

    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        if (!ENABLED || items.size() < MIN_ITEMS) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(f.apply(item));
            }
            return out;
        }
        return IntStream.range(0, items.size()).parallel()
                .<R>mapToObj(i -> f.apply(items.get(i)))
                .toList();
    }
}
