package io.github.customeremail.dns;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The A and AAAA addresses of mail hosts, cached for their TTL once both questions are answered (or one family
 * already yields a public address), and looked up at most once at a time per host: every domain check that needs a
 * host while its lookup is in flight waits on that same {@link SharedHostLookup}, which outlives the check that
 * started it and is abandoned only when no check waits any more. A check that joined a lookup started before it
 * does not take that lookup's timeout as its own: it asks again while its own deadline has time left.
 */
final class MailHostAddresses {

    private final DnsQueries queries;
    private final ResolverHonesty honesty;
    private final Cache<String, HostAddresses> known;
    private final ConcurrentMap<String, SharedHostLookup> inFlight = new ConcurrentHashMap<>();
    private final long negativeTtlSeconds;

    MailHostAddresses(DnsQueries queries, ResolverHonesty honesty, TtlBounds ttl, long maximumSize, Ticker ticker,
                      Executor executor) {
        this.queries = queries;
        this.honesty = honesty;
        this.negativeTtlSeconds = ttl.negativeTtlSeconds();
        this.known = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new TtlExpiry<HostAddresses>((h, now) -> ttl.nanos(h.ttlSeconds())))
                .ticker(ticker)
                .executor(executor)
                .build();
    }

    /**
     * @param key the host name in lower case, without trailing dot
     * @return its cached addresses, or {@code null} when they are not known now; never starts a lookup
     */
    HostAddresses known(String key) {
        return known.getIfPresent(key);
    }

    /**
     * @param key    the host name in lower case, without trailing dot
     * @param name   the same as an absolute DNS name
     * @param waiter the future of the domain check that waits; when it completes, the check stops waiting
     * @return the addresses: cached ones at once, or those of the lookup in flight, shared with the other waiters;
     *     partial ones (a question failed) serve the waiters of this lookup only; when a lookup this waiter joined
     *     (did not start) times out before the waiter's own end, those of a new lookup
     */
    CompletableFuture<HostAddresses> addresses(String key, Name name, CompletableFuture<?> waiter) {
        HostAddresses cached = known.getIfPresent(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        while (true) {
            SharedHostLookup lookup = inFlight.get(key);
            boolean mine = false;
            if (lookup != null && lookup.result.isDone()) {
                HostAddresses ended = lookup.result.join();
                if (ended.complete()) {
                    return lookup.result;
                }
                inFlight.remove(key, lookup); // failed a moment ago: a later waiter asks again
                continue;
            }
            if (lookup == null) {
                SharedHostLookup fresh = new SharedHostLookup();
                lookup = inFlight.putIfAbsent(key, fresh);
                if (lookup == null) {
                    // A lookup that finished meanwhile cached its answer before leaving the map: look again
                    cached = known.getIfPresent(key);
                    if (cached != null) {
                        inFlight.remove(key, fresh);
                        return CompletableFuture.completedFuture(cached);
                    }
                    lookup = fresh;
                    mine = true;
                }
            }
            if (!lookup.join()) {
                inFlight.remove(key, lookup); // abandoned by its last waiter a moment ago
                continue;
            }
            if (mine) {
                start(key, name, lookup);
            }
            SharedHostLookup joined = lookup;
            waiter.whenComplete((x, e) -> {
                if (joined.leave()) {
                    inFlight.remove(key, joined);
                }
            });
            if (mine) {
                // its questions were sent after this waiter's deadline started: their timeout is not shorter
                return lookup.result;
            }
            // Joined late: the lookup's timeout counts from its start, so it may run out while this waiter still has
            // time. Then the waiter asks again (one new lookup, shared with the other late waiters).
            return lookup.result.thenCompose(h -> h.complete() || !Answer.TIMEOUT.equals(h.failure())
                    || waiter.isDone() ? CompletableFuture.completedFuture(h) : addresses(key, name, waiter));
        }
    }

    private void start(String key, Name name, SharedHostLookup lookup) {
        lookup.result.whenComplete((h, error) -> {
            lookup.scope.complete(null);
            inFlight.remove(key, lookup);
        });
        // Abandoning the lookup gives up its questions in flight and closes their sockets (no reply is cached then)
        CompletableFuture<Answer> a = queries.query(name, Type.A, lookup.scope).thenCompose(honesty::vet);
        CompletableFuture<Answer> aaaa = queries.query(name, Type.AAAA, lookup.scope)
                .thenCompose(honesty::vet);
        a.thenAccept(x -> finishIfPublic(key, lookup, x));
        aaaa.thenAccept(x -> finishIfPublic(key, lookup, x));
        a.thenCombine(aaaa, (x, y) -> HostAddresses.combine(x, y, negativeTtlSeconds))
                .whenComplete((h, error) -> finish(key, lookup, h != null ? h
                        : HostAddresses.failed("internal error: " + error.getClass().getSimpleName())));
    }

    private void finishIfPublic(String key, SharedHostLookup lookup, Answer answer) {
        HostAddresses h = HostAddresses.of(answer);
        if (h.hasPublic()) {
            finish(key, lookup, h);
        }
    }

    /**
     * Caches a complete answer before the waiters hear of it: a waiter decided by this host leaves its other hosts'
     * lookups, and a domain checked at that moment must already find this host known instead of asking again for a
     * host whose lookup was just abandoned.
     */
    private void finish(String key, SharedHostLookup lookup, HostAddresses h) {
        if (lookup.result.isDone()) {
            return;
        }
        if (h.complete()) {
            known.put(key, h);
        }
        lookup.result.complete(h);
    }

    /** Answers every lookup in flight with no address and the given reason (the checker is closing). */
    void abandonAll(String reason) {
        for (SharedHostLookup lookup : inFlight.values()) {
            lookup.result.complete(HostAddresses.failed(reason));
        }
    }

    void invalidateAll() {
        known.invalidateAll();
        inFlight.clear();
    }

    void cleanUp() {
        known.cleanUp();
    }
}
