package io.github.customeremail.dns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;

/**
 * Sends single questions through a dnsjava {@link Resolver} with its asynchronous API, bounded by an
 * {@link AsyncLimiter}, and turns every outcome (including exceptions) into an {@link Answer}. The returned futures
 * never complete exceptionally. Questions go over UDP through this instance's own {@link UdpTransport}, so that a
 * question whose check has ended closes its socket at once; a truncated answer is asked again over dnsjava's TCP.
 *
 * <p>dnsjava's own {@code Cache} is not involved: it is only consulted by {@code Lookup} and {@code LookupSession},
 * which this class does not use. Caching is done once, by the checker, with TTL-aware Caffeine caches.
 */
final class DnsQueries implements AutoCloseable {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final UdpTransport udp;
    private final Resolver resolver;
    private final Executor executor;
    private final AsyncLimiter limiter;
    final LongAdder queriesSent = new LongAdder();

    /**
     * @param resolvers builds the resolver over the transport to use ({@link UdpTransport#create()})
     * @param executor where dnsjava completes its futures
     * @param maxConcurrent the most questions in flight, each with at most one UDP socket open
     */
    DnsQueries(Function<UdpTransport, Resolver> resolvers, Executor executor, int maxConcurrent) {
        this.limiter = new AsyncLimiter(maxConcurrent);
        this.udp = UdpTransport.create();
        this.resolver = resolvers.apply(udp);
        this.executor = executor;
    }

    /**
     * Asks one question, and asks again for the end of a CNAME chain whose records the answer left out.
     *
     * @param name the absolute name
     * @param type a {@link org.xbill.DNS.Type} value
     * @param scope the future of the check (or shared host lookup) this question serves; when it is already done
     *     by the time a permit is free (its deadline passed), the question is not sent; when it ends while the
     *     question is in flight, the answer is a failure ({@code deadline}) at once, the question's socket is
     *     closed and its permit returned
     * @return the answer; never completes exceptionally
     */
    CompletableFuture<Answer> query(Name name, int type, CompletableFuture<?> scope) {
        return query(name, type, scope, 0);
    }

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
        CompletableFuture<Message> reply = new CompletableFuture<>();
        limiter.<Void>submit(() -> send(name, type, scope, reply));
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
     * permit back. The reply (or {@code null} when not sent or given up) goes to {@code reply} before the permit is
     * returned, so that whatever the reply settles (a domain decided, a host lookup nobody needs any more) is known
     * before the next queued question is considered.
     */
    private CompletableFuture<Void> send(Name name, int type, CompletableFuture<?> scope,
                                         CompletableFuture<Message> reply) {
        if (scope.isDone()) {
            reply.complete(null);
            return DONE;
        }
        queriesSent.increment();
        CompletableFuture<Message> sent;
        UdpTransport.Question ticket;
        try {
            Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(name, type, DClass.IN));
            ticket = udp.track(query);
            try {
                sent = resolver.sendAsync(query, executor).toCompletableFuture();
            } catch (RuntimeException e) {
                ticket.close();
                throw e;
            }
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
            return DONE;
        }
        CompletableFuture<Void> permit = new CompletableFuture<>();
        sent.whenComplete((m, e) -> {
            ticket.close();
            if (e != null) {
                reply.completeExceptionally(e);
            } else {
                reply.complete(m);
            }
            permit.complete(null);
        });
        scope.whenComplete((x, e) -> {
            reply.complete(null);
            ticket.cancel(); // closes the socket now: the permit's socket is free when the permit is
            permit.complete(null);
        });
        return permit;
    }

    /** @return how many UDP sockets are open now */
    int openSockets() {
        return udp.open();
    }

    /** @return the most UDP sockets open at once */
    int mostOpenSockets() {
        return udp.most();
    }

    /** Fails the questions in flight, closes their sockets and stops the UDP selector thread. */
    @Override
    public void close() {
        udp.close();
    }
}
