package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A long backlog of tasks that finish at once (questions skipped because their check's deadline passed while they
 * waited) drains without nesting one stack frame group per task. Before the fix each such task released its permit
 * through a nested {@code drain()}: 100 000 of them overflowed the stack inside a completion callback, the error was
 * swallowed by {@code CompletableFuture}, and permits were lost for good, so the checker answered every later lookup
 * with "deadline" (seen first with 50 000 lookups queued behind one dropped question and one permit).
 */
class AsyncLimiterBacklogTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBacklogOfTasksThatFinishAtOnceLosesNoPermit() throws Exception {
        AsyncLimiter limiter = new AsyncLimiter(1);
        CompletableFuture<String> blocker = new CompletableFuture<>();
        CompletableFuture<String> first = limiter.submit(() -> blocker);
        List<CompletableFuture<String>> backlog = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String value = "skipped" + i;
            backlog.add(limiter.submit(() -> CompletableFuture.completedFuture(value)));
        }
        assertThat(backlog.get(0)).isNotDone();
        assertThat(limiter.inUse()).isEqualTo(1);

        blocker.complete("answer"); // frees the only permit: the whole backlog runs on this thread

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("answer");
        for (int i = 0; i < backlog.size(); i++) {
            assertThat(backlog.get(i)).as("task %d", i).isCompletedWithValue("skipped" + i);
        }
        assertThat(limiter.inUse()).isZero();

        // The permit is still there: a new task runs at once, and a pending one holds it again.
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<String> next = limiter.submit(() -> later);
        assertThat(limiter.inUse()).isEqualTo(1);
        later.complete("later");
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("later");
        assertThat(limiter.inUse()).isZero();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTaskThatFailsAtOnceGivesItsPermitBackToo() throws Exception {
        AsyncLimiter limiter = new AsyncLimiter(1);
        CompletableFuture<String> failed = limiter.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("x")));
        assertThat(failed).isCompletedExceptionally();
        CompletableFuture<String> thrown = limiter.submit(() -> {
            throw new IllegalStateException("y");
        });
        assertThat(thrown).isCompletedExceptionally();
        assertThat(limiter.inUse()).isZero();
        assertThat(limiter.submit(() -> CompletableFuture.completedFuture("ok")).get(5, TimeUnit.SECONDS))
                .isEqualTo("ok");
    }
}
