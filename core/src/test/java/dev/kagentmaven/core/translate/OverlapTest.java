package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** {@link Overlap}: results in submission order, each item run exactly once, failures surfaced in order. */
class OverlapTest {

    @Test
    void resultsComeBackInSubmissionOrderWhateverThreadRanThem() {
        for (boolean threaded : new boolean[] {true, false}) {
            AtomicInteger runs = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Overlap<Integer, String> o = new Overlap<>(i -> {
                runs.incrementAndGet();
                threads.add(Thread.currentThread().getName());
                // uneven work so that the two threads interleave
                LockSupport.parkNanos((i * 7919L % 13) * 20_000L);
                return "r" + i;
            }, threaded);
            List<String> expected = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 2_000; i++) {
                o.submit(i);
                expected.add("r" + i);
                if (random.nextInt(50) == 0) {
                    LockSupport.parkNanos(200_000); // the producer is slower now and then, as translation is
                }
            }
            assertEquals(expected, o.finish());
            assertEquals(2_000, runs.get(), "every item runs exactly once");
            if (!threaded) {
                assertEquals(Set.of(Thread.currentThread().getName()), threads);
            } else {
                assertTrue(threads.contains("kagent-overlap"), threads.toString());
            }
        }
    }

    @Test
    void theFirstFailureInSubmissionOrderIsRethrown() {
        IllegalStateException first = new IllegalStateException("item 10");
        Overlap<Integer, Integer> o = new Overlap<>(i -> {
            if (i == 10) {
                throw first;
            }
            if (i == 500) {
                throw new IllegalArgumentException("item 500");
            }
            return i;
        }, true);
        for (int i = 0; i < 1_000; i++) {
            o.submit(i);
        }
        assertSame(first, assertThrows(IllegalStateException.class, o::finish));
    }

    @Test
    void nothingSubmittedGivesNothing() {
        assertEquals(List.of(), new Overlap<Integer, Integer>(i -> i, true).finish());
        assertEquals(List.of(), new Overlap<Integer, Integer>(i -> i, 0).finish());
    }
}
