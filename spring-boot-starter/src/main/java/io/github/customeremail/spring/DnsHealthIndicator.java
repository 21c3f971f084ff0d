package io.github.customeremail.spring;

import io.github.customeremail.dns.DnsMailDomainChecker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Health of the MX check: asks the configured DNS servers for the canary domain's MX records on every health
 * request, past the checker's cache (a cached answer says nothing about DNS now). UP when a server answers (NOERROR
 * or NXDOMAIN), DOWN with the reason when none answers within the deadline or the answer is an error (SERVFAIL,
 * REFUSED…). The details carry the checker's cache and lookup counters.
 */
public final class DnsHealthIndicator implements HealthIndicator {

    private final DnsMailDomainChecker checker;
    private final Resolver resolver;
    private final List<String> servers;
    private final Name canary;
    private final Duration deadline;

    /**
     * @param checker the checker whose counters are reported
     * @param servers the servers it asks; empty for the system's resolvers
     * @param canaryDomain the domain asked for
     * @param deadline how long to wait for an answer
     */
    public DnsHealthIndicator(DnsMailDomainChecker checker, List<InetSocketAddress> servers, String canaryDomain,
                              Duration deadline) {
        this.checker = checker;
        List<InetSocketAddress> targets = servers.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : servers;
        List<Resolver> simple = new ArrayList<>(targets.size());
        List<String> names = new ArrayList<>(targets.size());
        for (InetSocketAddress target : targets) {
            simple.add(new SimpleResolver(target));
            names.add(target.getAddress().getHostAddress() + ":" + target.getPort());
        }
        ExtendedResolver extended = new ExtendedResolver(simple);
        extended.setTimeout(deadline);
        extended.setRetries(1);
        for (Resolver r : extended.getResolvers()) {
            r.setTimeout(deadline);
        }
        this.resolver = extended;
        this.servers = List.copyOf(names);
        try {
            this.canary = Name.fromString(canaryDomain, Name.root);
        } catch (TextParseException e) {
            throw new InvalidCustomerEmailPropertyException("customer-email.dns.health.canary-domain", canaryDomain,
                    "not a domain name", e);
        }
        this.deadline = deadline;
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder();
        if (servers.isEmpty()) {
            return health.down().withDetail("reason", "no DNS server configured or found in the system")
                    .withDetails(stats()).build();
        }
        health.withDetail("servers", servers).withDetail("canary", canary.toString(true));
        long start = System.nanoTime();
        try {
            Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(canary, Type.MX, DClass.IN));
            Message answer = resolver.sendAsync(query).toCompletableFuture()
                    .get(deadline.toMillis() + 500, TimeUnit.MILLISECONDS);
            int rcode = answer.getRcode();
            health.withDetail("answer", Rcode.string(rcode))
                    .withDetail("elapsedMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
                health.up();
            } else {
                health.down().withDetail("reason", "the DNS server answered " + Rcode.string(rcode));
            }
        } catch (TimeoutException e) {
            health.down().withDetail("reason", "no answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            health.down().withDetail("reason", "no answer: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health.unknown().withDetail("reason", "interrupted");
        }
        return health.withDetails(stats()).build();
    }

    private Map<String, Object> stats() {
        DnsMailDomainChecker.Stats s = checker.stats();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cacheHits", s.hits());
        details.put("cacheMisses", s.misses());
        details.put("cachedDomains", s.cachedDomains());
        details.put("cacheEvictions", s.evictions());
        details.put("lookups", s.lookups());
        details.put("lookupTimeouts", s.timeouts());
        details.put("lookupFailures", s.failures());
        return details;
    }
}
