package io.github.customeremail.dns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;

/**
 * Sends single questions through a dnsjava {@link Resolver} with its asynchronous API, bounded by an
 * {@link AsyncLimiter}, and turns every outcome (including exceptions) into an {@link Answer}. The returned futures
 * never complete exceptionally.
 *
 * <p>dnsjava's own {@code Cache} is not involved: it is only consulted by {@code Lookup} and {@code LookupSession},
 * which this class does not use. Caching is done once, by the checker, with TTL-aware Caffeine caches.
 */
final class DnsQueries {

    private final Resolver resolver;
    private final Executor executor;
    private final AsyncLimiter limiter;
    final LongAdder queriesSent = new LongAdder();

    DnsQueries(Resolver resolver, Executor executor, int maxConcurrent) {
        this.resolver = resolver;
        this.executor = executor;
        this.limiter = new AsyncLimiter(maxConcurrent);
    }

    /**
     * Asks one question.
     *
     * @param name the absolute name
     * @param type a {@link org.xbill.DNS.Type} value
     * @param scope the future of the check this question serves; when it is already done by the time a permit is
     *     free (its deadline passed), the question is not sent; when it ends while the question is in flight,
     *     the permit is returned at once and the answer is a failure ({@code deadline})
     * @return the answer; never completes exceptionally
     */
    CompletableFuture<Answer> query(Name name, int type, CompletableFuture<?> scope) {
        return query(name, type, scope, 0);
    }

    /** Asks again for the end of a CNAME chain whose records the answer left out, a bounded number of times. */
    private CompletableFuture<Answer> query(Name name, int type, CompletableFuture<?> scope, int aliasesFollowed) {
        return ask(name, type, scope).thenCompose(answer -> {
            if (answer.aliasTarget() == null) {
                return CompletableFuture.completedFuture(answer);
            }
            if (aliasesFollowed >= Answer.MAX_CNAME_HOPS) {
                return CompletableFuture.completedFuture(Answer.failure("CNAME chain too long"));
            }
            return query(answer.aliasTarget(), type, scope, aliasesFollowed + 1);
        });
    }

    private CompletableFuture<Answer> ask(Name name, int type, CompletableFuture<?> scope) {
        return limiter.<Message>submit(() -> {
            if (scope.isDone()) {
                return CompletableFuture.completedFuture(null);
            }
            queriesSent.increment();
            Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(name, type, DClass.IN));
            CompletableFuture<Message> sent = resolver.sendAsync(query, executor).toCompletableFuture();
            // The permit is held until the answer arrives or the check this question serves ends (its deadline),
            // whichever comes first: dnsjava notices its own timeouts only about once a second, and an abandoned
            // question must not keep a permit that a live check is waiting for.
            CompletableFuture<Message> bounded = new CompletableFuture<>();
            sent.whenComplete((m, e) -> {
                if (e != null) {
                    bounded.completeExceptionally(e);
                } else {
                    bounded.complete(m);
                }
            });
            scope.whenComplete((x, e) -> bounded.complete(null));
            return bounded;
        }).handle((response, error) -> {
            if (error != null) {
                return Answer.failure(Answer.reasonOf(error));
            }
            if (response == null) {
                return Answer.failure("deadline");
            }
            try {
                return Answer.of(name, type, response);
            } catch (RuntimeException e) {
                return Answer.failure("garbled reply");
            }
        });
    }
}
