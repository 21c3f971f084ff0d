package io.github.customeremail.spring;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.Verdict;
import io.github.customeremail.dns.DnsMailDomainChecker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer meters of customer-email, bound by Spring Boot to its {@code MeterRegistry}:
 * <ul>
 *   <li>{@code customer.email.checks} (counter, tag {@code verdict}): checks by verdict;</li>
 *   <li>{@code customer.email.findings} (counter, tag {@code code}): findings by code, repairs included;</li>
 *   <li>{@code customer.email.mx.cache.hits}, {@code .misses}, {@code .evictions} (function counters) and
 *       {@code customer.email.mx.cache.size} (gauge): the DNS checker's cache;</li>
 *   <li>{@code customer.email.dns.lookups} (timer, tag {@code outcome}): DNS lookup latency, cache hits excluded;</li>
 *   <li>{@code customer.email.dns.timeouts} (function counter): lookups ended by the deadline.</li>
 * </ul>
 * Events before the registry is bound (during startup) are not counted.
 */
public final class CustomerEmailMetrics implements MeterBinder {

    private final ObjectProvider<DnsMailDomainChecker> dnsChecker;
    private volatile MeterRegistry registry;
    private final Map<Verdict, Counter> checks = new EnumMap<>(Verdict.class);
    private final Map<String, Counter> findings = new ConcurrentHashMap<>();
    private final Map<String, Timer> lookups = new ConcurrentHashMap<>();

    /** @param dnsChecker the DNS checker whose cache is measured, if there is one */
    public CustomerEmailMetrics(ObjectProvider<DnsMailDomainChecker> dnsChecker) {
        this.dnsChecker = dnsChecker;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        for (Verdict verdict : Verdict.values()) {
            checks.put(verdict, Counter.builder("customer.email.checks").tag("verdict", verdict.name())
                    .description("Addresses checked, by verdict").register(meterRegistry));
        }
        DnsMailDomainChecker checker = dnsChecker.getIfUnique();
        if (checker != null) {
            cacheCounter(meterRegistry, checker, "customer.email.mx.cache.hits", "MX checks answered from the cache",
                    c -> c.stats().hits());
            cacheCounter(meterRegistry, checker, "customer.email.mx.cache.misses",
                    "MX checks not answered from the cache", c -> c.stats().misses());
            cacheCounter(meterRegistry, checker, "customer.email.mx.cache.evictions",
                    "Domains evicted from the MX cache", c -> c.stats().evictions());
            cacheCounter(meterRegistry, checker, "customer.email.dns.timeouts", "DNS lookups ended by the deadline",
                    c -> c.stats().timeouts());
            Gauge.builder("customer.email.mx.cache.size", checker, c -> c.stats().cachedDomains())
                    .description("Domains in the MX cache (estimate)").register(meterRegistry);
        }
        this.registry = meterRegistry;
    }

    private static void cacheCounter(MeterRegistry registry, DnsMailDomainChecker checker, String name,
                                     String description, ToDoubleFunction<DnsMailDomainChecker> value) {
        FunctionCounter.builder(name, checker, value).description(description).register(registry);
    }

    /**
     * Counts one finished check; the validator's check listener.
     *
     * @param check the check
     */
    public void record(EmailCheck check) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        checks.get(check.verdict()).increment();
        List<Finding> list = check.findings();
        for (int i = 0; i < list.size(); i++) {
            String code = list.get(i).code().toString();
            findings.computeIfAbsent(code, c -> Counter.builder("customer.email.findings").tag("code", c)
                    .description("Findings, by code").register(r)).increment();
        }
    }

    /**
     * Times one DNS lookup; the DNS checker's lookup listener.
     *
     * @param domain the domain
     * @param status the outcome
     * @param elapsed how long it took
     */
    public void lookupEnded(String domain, MailDomainStatus status, Duration elapsed) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        String outcome = status.getClass().getSimpleName();
        lookups.computeIfAbsent(outcome, o -> Timer.builder("customer.email.dns.lookups").tag("outcome", o)
                .description("DNS lookups of mail domains (cache hits excluded)").register(r)).record(elapsed);
    }
}
