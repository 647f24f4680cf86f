package dev.kagentmaven.core.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs an independent per-item step (validating and rendering a translated draft) on a second
 * thread while the calling thread is still producing items (translating the next Agents), then
 * shares the rest of the work with it. Translation has to stay on one thread (it reads the shared
 * index and reports into the shared problem list in a fixed order), but the step after it does not,
 * so on two cores the two overlap instead of running one after the other.
 *
 * <p>Results come back in submission order whatever thread computed them, so the outcome never
 * depends on scheduling. One instance serves one run: {@link #submit} and {@link #finish} are called
 * by the producing thread only. Without a second processor (or with {@code -Dkagent.core.parallel=false})
 * everything runs on the calling thread, in {@link #finish}.
 *
 * @param <T> item type
 * @param <R> result type
 */
final class Overlap<T, R> {

    /** One submitted item: claimed by exactly one thread, which stores the result and counts down. */
    private final class Slot {
        final T item;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CountDownLatch done = new CountDownLatch(1);
        R result;
        Throwable failure;

        Slot(T item) {
            this.item = item;
        }

        /** Runs the step if no other thread has claimed this slot. */
        void runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result = step.apply(item);
            } catch (Throwable t) {
                failure = t;
            } finally {
                done.countDown();
            }
        }
    }

    private final Function<? super T, ? extends R> step;
    private final List<Slot> slots = new ArrayList<>();
    private final LinkedBlockingQueue<Object> queue;
    private final Thread worker;
    private static final Object END = new Object();

    /**
     * @param step the per-item step; must be safe to run on another thread (touch only its item and
     *     immutable shared state)
     * @param expected how many items are expected; below {@link Parallel#MIN_ITEMS} no thread is started
     */
    Overlap(Function<? super T, ? extends R> step, int expected) {
        this(step, Parallel.enabled() && expected >= Parallel.MIN_ITEMS);
    }

    /** @param threaded whether to start the second thread (tests choose; runs use the other constructor) */
    Overlap(Function<? super T, ? extends R> step, boolean threaded) {
        this.step = step;
        if (threaded) {
            this.queue = new LinkedBlockingQueue<>();
            this.worker = new Thread(this::work, "kagent-overlap");
            this.worker.setDaemon(true);
            this.worker.start();
        } else {
            this.queue = null;
            this.worker = null;
        }
    }

    /** Hands an item over; the second thread may start on it at once. */
    void submit(T item) {
        Slot s = new Slot(item);
        slots.add(s);
        if (queue != null) {
            queue.add(s);
        }
    }

    /**
     * Ends the submissions, runs every item nobody has started (newest first, while the second thread
     * takes the oldest), waits for the rest and returns the results in submission order.
     *
     * @throws RuntimeException or Error: the first failure of the step, in submission order
     */
    List<R> finish() {
        close();
        for (int i = slots.size() - 1; i >= 0; i--) {
            slots.get(i).runIfUnclaimed();
        }
        List<R> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            awaitUninterruptibly(s.done);
            if (s.failure instanceof RuntimeException e) {
                throw e;
            }
            if (s.failure instanceof Error e) {
                throw e;
            }
            if (s.failure != null) {
                throw new IllegalStateException(s.failure);
            }
            out.add(s.result);
        }
        return out;
    }

    /** Stops the second thread once the queue is drained; safe to call more than once. */
    void close() {
        if (queue != null) {
            queue.add(END);
        }
    }

    @SuppressWarnings("unchecked")
    private void work() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == END) {
                return;
            }
            ((Slot) next).runIfUnclaimed();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
