package io.github.customeremail.dns;

import io.github.customeremail.MailDomainStatus;
import java.time.Duration;

/**
 * Reaches the checker's package-private cache hook from the benchmarks (same package, benchmarks jar only; the
 * published dns jar has no such public entry point).
 */
public final class BenchmarkHooks {

    private BenchmarkHooks() {
    }

    /**
     * Stores a result in the checker's cache as if DNS had answered it.
     *
     * @param checker the checker
     * @param asciiDomain the domain
     * @param status the status to cache
     * @param ttl how long it stays
     */
    public static void prime(DnsMailDomainChecker checker, String asciiDomain, MailDomainStatus status,
                             Duration ttl) {
        checker.prime(asciiDomain, status, ttl);
    }
}
