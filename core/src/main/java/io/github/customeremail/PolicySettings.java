package io.github.customeremail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The mutable policy part of {@link CustomerEmailValidator.Builder}; {@link #build()} makes the immutable stage. */
final class PolicySettings {

    final Set<String> corporateDomains = new LinkedHashSet<>();
    final Set<String> blockedDomains = new LinkedHashSet<>();
    final Set<String> allowedDomains = new LinkedHashSet<>();
    final Set<String> extraDisposableDomains = new LinkedHashSet<>();
    boolean disposableCheck = true;
    RuleMode roleAccounts = RuleMode.WARNING;
    RuleMode nonAsciiLocalPart = RuleMode.INVALID;
    ProviderRuleMode providerRules = ProviderRuleMode.STANDARD;
    final List<PolicyRule> customRules = new ArrayList<>();

    /**
     * Canonicalizes every domain first, so that one bad value changes nothing.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static void addDomains(Set<String> target, String... domains) {
        Objects.requireNonNull(domains, "domains");
        List<String> canonical = new ArrayList<>(domains.length);
        for (String d : domains) {
            canonical.add(DomainSet.canonical(d));
        }
        target.addAll(canonical);
    }

    Policy build() {
        List<PolicyRule> rules = new ArrayList<>(5 + customRules.size());
        DomainListRule lists = new DomainListRule(DomainSet.of(corporateDomains), DomainSet.of(blockedDomains),
                DomainSet.of(allowedDomains));
        if (!lists.isEmpty()) {
            rules.add(lists);
        }
        if (disposableCheck) {
            rules.add(DisposableDomainRule.withBundledAnd(extraDisposableDomains));
        }
        if (nonAsciiLocalPart != RuleMode.OFF) {
            rules.add(new NonAsciiLocalPartRule(severity(nonAsciiLocalPart)));
        }
        if (roleAccounts != RuleMode.OFF) {
            rules.add(new RoleAccountRule(severity(roleAccounts)));
        }
        if (providerRules != ProviderRuleMode.OFF) {
            rules.add(new ProviderMailboxRule(providerRules));
        }
        rules.addAll(customRules);
        return new Policy(rules);
    }

    private static Severity severity(RuleMode mode) {
        return mode == RuleMode.INVALID ? Severity.ERROR : Severity.WARNING;
    }
}
