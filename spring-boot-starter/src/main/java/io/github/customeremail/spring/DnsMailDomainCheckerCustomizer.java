package io.github.customeremail.spring;

import io.github.customeremail.dns.DnsMailDomainChecker;

/**
 * Adjusts the auto-configured {@link DnsMailDomainChecker} after the {@code customer-email.dns.*} properties were
 * applied, e.g. its TTL bounds. Declare it as a bean; customizers run in their {@code @Order}.
 */
@FunctionalInterface
public interface DnsMailDomainCheckerCustomizer {

    /** @param builder the builder, with the properties already applied */
    void customize(DnsMailDomainChecker.Builder builder);
}
