package io.github.customeremail;

import java.util.Optional;

/**
 * Built-in rule: the configured domain lists. In this order: the company's own domains
 * ({@link FindingCode#CORPORATE_DOMAIN}), blocked domains ({@link FindingCode#BLOCKED_DOMAIN}), and, when an
 * allow-list is configured, domains outside it ({@link FindingCode#DOMAIN_NOT_ALLOWED}). Every finding has severity
 * {@link Severity#ERROR}. Each list entry covers its subdomains.
 *
 * <p>Parameter {@code domain}: the configured entry that matched; for {@code DOMAIN_NOT_ALLOWED}, the address's
 * own domain (Unicode form, as typed).
 */
record DomainListRule(DomainSet corporate, DomainSet blocked, DomainSet allowed) implements PolicyRule {

    static final int COST = 10;

    boolean isEmpty() {
        return corporate.isEmpty() && blocked.isEmpty() && allowed.isEmpty();
    }

    @Override
    public Optional<Finding> evaluate(ParsedAddress address) {
        String hit = corporate.match(address);
        if (hit != null) {
            return Optional.of(Finding.of(FindingCode.CORPORATE_DOMAIN, Severity.ERROR, "domain", hit));
        }
        hit = blocked.match(address);
        if (hit != null) {
            return Optional.of(Finding.of(FindingCode.BLOCKED_DOMAIN, Severity.ERROR, "domain", hit));
        }
        if (!allowed.isEmpty() && allowed.match(address) == null) {
            return Optional.of(Finding.of(FindingCode.DOMAIN_NOT_ALLOWED, Severity.ERROR,
                    "domain", address.unicodeDomain()));
        }
        return Optional.empty();
    }

    @Override
    public int cost() {
        return COST;
    }

    @Override
    public String name() {
        return "domain-lists";
    }
}
