package io.github.customeremail.dns;

import java.util.concurrent.CompletableFuture;

/**
 * One mail host's address lookup in flight, shared by every domain check that waits on it and owned by none: it
 * counts its waiters and is abandoned only when the last one leaves (decided by another host, or at its own
 * deadline) before the addresses are known. Abandoning ends {@link #scope}: questions not yet sent are dropped, and a
 * reply already on its way is still cached when it arrives.
 */
final class SharedHostLookup {

    /** The addresses, for every waiter. */
    final CompletableFuture<HostAddresses> result = new CompletableFuture<>();
    /** Ends when the result is known or nobody waits any more (see {@link DnsQueries#query}). */
    final CompletableFuture<Void> scope = new CompletableFuture<>();
    private int waiters;
    private boolean abandoned;

    /** @return {@code false} if the lookup was abandoned already: start a new one */
    synchronized boolean join() {
        if (abandoned) {
            return false;
        }
        waiters++;
        return true;
    }

    /** @return {@code true} when this was the last waiter and the lookup is abandoned */
    boolean leave() {
        synchronized (this) {
            if (--waiters > 0 || result.isDone() || abandoned) {
                return false;
            }
            abandoned = true;
        }
        scope.complete(null);
        return true;
    }
}
