package io.github.customeremail.dns;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An asynchronous semaphore: runs at most {@code permits} tasks at a time and queues the rest without blocking
 * any thread. A task is a {@link Supplier} of a future; its permit is returned when that future completes.
 */
final class AsyncLimiter {

    private final int permits;
    private final AtomicInteger inUse = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    AsyncLimiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        this.permits = permits;
    }

    /**
     * Runs the task now if a permit is free, or later when one is.
     *
     * @param task starts the work; must not throw
     * @return a future with the task's result
     */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> attempt;
            try {
                attempt = task.get();
            } catch (RuntimeException e) {
                attempt = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> started = attempt;
            if (started.isDone()) {
                // Finished at once (e.g. skipped because its check is over): give the permit back without calling
                // drain() again. The drain() loop that ran this task goes on with the next one; calling drain() from
                // here would nest one level per such task and overflow the stack on a long backlog, losing permits.
                inUse.decrementAndGet();
                forward(started, result);
                return;
            }
            started.whenComplete((value, error) -> {
                release();
                forward(started, result);
            });
        });
        drain();
        return result;
    }

    private static <T> void forward(CompletableFuture<T> from, CompletableFuture<T> to) {
        try {
            to.complete(from.join());
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            to.completeExceptionally(e.getCause() != null ? e.getCause() : e);
        }
    }

    private void release() {
        inUse.decrementAndGet();
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int n = inUse.get();
            if (n >= permits) {
                return;
            }
            if (!inUse.compareAndSet(n, n + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                inUse.decrementAndGet();
                continue; // another thread took it; re-check the queue
            }
            next.run();
        }
    }

    /** @return how many tasks are running */
    int inUse() {
        return inUse.get();
    }
}
