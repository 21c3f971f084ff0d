package io.github.customeremail.dns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Resolver resolver;
    private final Executor executor;
    private final AsyncLimiter limiter;
    private final OpenSockets sockets;
    final LongAdder queriesSent = new LongAdder();

    DnsQueries(Resolver resolver, Executor executor, int maxConcurrent) {
        this.resolver = resolver;
        this.executor = executor;
        this.limiter = new AsyncLimiter(maxConcurrent);
        this.sockets = new OpenSockets(maxConcurrent);
    }

    /**
     * Asks one question.
     *
     * @param name the absolute name
     * @param type a {@link org.xbill.DNS.Type} value
     * @param scope the future of the check this question serves; when it is already done by the time a permit is
     *     free (its deadline passed), the question is not sent; when it ends while the question is in flight, the
     *     answer is a failure ({@code deadline}) at once and the permit is returned (see {@link OpenSockets})
     * @return the answer; never completes exceptionally
     */
    CompletableFuture<Answer> query(Name name, int type, CompletableFuture<?> scope) {
        return query(name, type, scope, false, 0);
    }

    /**
     * Asks one question whose reply is wanted even after its scope ends, to be cached: as {@link #query}, except
     * that a reply already on its way when the scope ends is still delivered (the permit is returned all the same).
     */
    CompletableFuture<Answer> queryForCache(Name name, int type, CompletableFuture<?> scope) {
        return query(name, type, scope, true, 0);
    }

    /** Asks again for the end of a CNAME chain whose records the answer left out, a bounded number of times. */
    private CompletableFuture<Answer> query(Name name, int type, CompletableFuture<?> scope, boolean late,
                                            int aliasesFollowed) {
        return ask(name, type, scope, late).thenCompose(answer -> {
            if (answer.aliasTarget() == null) {
                return CompletableFuture.completedFuture(answer);
            }
            if (aliasesFollowed >= Answer.MAX_CNAME_HOPS) {
                return CompletableFuture.completedFuture(Answer.failure("CNAME chain too long"));
            }
            return query(answer.aliasTarget(), type, scope, late, aliasesFollowed + 1);
        });
    }

    private CompletableFuture<Answer> ask(Name name, int type, CompletableFuture<?> scope, boolean late) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        limiter.<Void>submit(() -> send(name, type, scope, late, reply));
        return reply.handle((response, error) -> {
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

    /**
     * Runs with a permit: sends the question unless its scope is over, and returns the future that gives the
     * permit back. The reply (or {@code null} when not sent) goes to {@code reply} before the permit is returned, so
     * that whatever the reply settles (a domain decided, a host lookup nobody needs any more) is known before the
     * next queued question is considered.
     */
    private CompletableFuture<Void> send(Name name, int type, CompletableFuture<?> scope, boolean late,
                                         CompletableFuture<Message> reply) {
        if (scope.isDone()) {
            reply.complete(null);
            return DONE;
        }
        queriesSent.increment();
        sockets.opened();
        CompletableFuture<Message> sent;
        try {
            Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(name, type, DClass.IN));
            sent = resolver.sendAsync(query, executor).toCompletableFuture();
        } catch (RuntimeException e) {
            sockets.closed();
            reply.completeExceptionally(e);
            return DONE;
        }
        CompletableFuture<Void> permit = new CompletableFuture<>();
        AtomicBoolean orphan = new AtomicBoolean();
        sent.whenComplete((m, e) -> {
            sockets.closed();
            if (orphan.compareAndSet(true, false)) {
                sockets.orphanClosed(); // only after the socket is counted closed: the bound holds at every moment
            }
            if (e != null) {
                reply.completeExceptionally(e);
            } else {
                reply.complete(m);
            }
            permit.complete(null);
        });
        // dnsjava closes a question's socket only when the reply arrives or its own timeout passes (it checks its
        // timeouts only about once a second, and only when no reply is arriving), never when its future is
        // cancelled. A question whose scope ends first gives its permit back at once, so that it does not hold up
        // live checks, while its socket stays open as an orphan; at most as many orphans as permits, so sockets
        // stay bounded.
        scope.whenComplete((x, e) -> {
            if (!late) {
                reply.complete(null);
            }
            if (!sent.isDone() && sockets.adoptOrphan()) {
                orphan.set(true);
                if (sent.isDone() && orphan.compareAndSet(true, false)) {
                    sockets.orphanClosed(); // closed meanwhile, before it saw the flag
                }
                permit.complete(null);
            }
        });
        return permit;
    }

    /** @return how many questions have a socket open in dnsjava now */
    int openSockets() {
        return sockets.open();
    }

    /** @return the most questions that had a socket open in dnsjava at once */
    int mostOpenSockets() {
        return sockets.most();
    }
}
