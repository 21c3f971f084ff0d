package io.github.customeremail.dns;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The A and AAAA addresses of mail hosts, cached for their TTL and coalesced: concurrent checks of domains that share
 * a mail host share one lookup. Answered early when one address family already yields a public address.
 */
final class MailHostAddresses {

    private final DnsQueries queries;
    private final ResolverHonesty honesty;
    private final AsyncCache<String, HostAddresses> cache;
    private final long negativeTtlSeconds;

    MailHostAddresses(DnsQueries queries, ResolverHonesty honesty, TtlBounds ttl, long maximumSize, Ticker ticker, Executor executor) {
        this.queries = queries;
        this.honesty = honesty;
        this.negativeTtlSeconds = ttl.negativeTtlSeconds();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new TtlExpiry<HostAddresses>(
                        (h, now) -> h.complete() ? ttl.nanos(h.ttlSeconds()) : 0))
                .ticker(ticker)
                .executor(executor)
                .buildAsync();
    }

    /** A and AAAA of one host, cached and coalesced; answered early when one family yields a public address. */
    /**
     * @param key   the host name in lower case, without trailing dot
     * @param name  the same as an absolute DNS name
     * @param scope the future of the check this serves (see {@link DnsQueries#query})
     * @return the addresses; complete ones are cached for their TTL, partial ones serve this check only
     */
    CompletableFuture<HostAddresses> addresses(String key, Name name, CompletableFuture<?> scope) {
        CompletableFuture<HostAddresses> f = cache.get(key, (k, executor) -> resolveHost(name, scope));
        f.whenComplete((h, error) -> {
            if (h == null || !h.complete()) {
                cache.asMap().remove(key, f); // partial answers serve this check only
            }
        });
        return f;
    }

    private CompletableFuture<HostAddresses> resolveHost(Name name, CompletableFuture<?> scope) {
        CompletableFuture<Answer> a = queries.query(name, Type.A, scope).thenCompose(honesty::vet);
        CompletableFuture<Answer> aaaa = queries.query(name, Type.AAAA, scope).thenCompose(honesty::vet);
        CompletableFuture<HostAddresses> out = new CompletableFuture<>();
        a.thenAccept(x -> completeIfPublic(out, x));
        aaaa.thenAccept(x -> completeIfPublic(out, x));
        a.thenCombine(aaaa, (x, y) -> HostAddresses.combine(x, y, negativeTtlSeconds)).thenAccept(out::complete);
        return out;
    }

    private static void completeIfPublic(CompletableFuture<HostAddresses> out, Answer answer) {
        HostAddresses h = HostAddresses.of(answer);
        if (h.hasPublic()) {
            out.complete(h);
        }
    }

    /** Answers every lookup in flight with no address and the given reason (the checker is closing). */
    void abandonAll(String reason) {
        for (CompletableFuture<HostAddresses> f : cache.asMap().values()) {
            f.complete(HostAddresses.failed(reason));
        }
    }

    void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    void cleanUp() {
        cache.synchronous().cleanUp();
    }
}
