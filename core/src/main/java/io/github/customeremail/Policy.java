package io.github.customeremail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 4: runs the policy rules on a parsed address, cheapest first (stable: ties keep their order), and stops
 * after the first {@link Severity#ERROR}. A rule that throws is reported as {@link FindingCode#POLICY_RULE_FAILED}.
 * Immutable and thread-safe.
 */
final class Policy {

    private final List<PolicyRule> rules;
    /** {@link #rules} without those that read only the domain, in the same order. */
    private final List<PolicyRule> beyondDomain;

    Policy(List<PolicyRule> rules) {
        List<PolicyRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(PolicyRule::cost)); // List.sort is stable
        this.rules = List.copyOf(sorted);
        this.beyondDomain = sorted.stream().filter(rule -> !readsOnlyTheDomain(rule)).toList();
    }

    List<PolicyRule> rules() {
        return rules;
    }

    /**
     * @param address  the parsed address
     * @param findings the findings so far (not modified)
     * @return {@code findings} with the policy findings appended (the same list when there are none; otherwise a new
     *         immutable one)
     */
    List<Finding> apply(ParsedAddress address, List<Finding> findings) {
        return apply(rules, address, findings);
    }

    /**
     * Applies the rules that read more than the domain, for an address whose domain is known to pass the others
     * ({@link CleanDomains}): those give no finding there, so leaving them out changes nothing.
     */
    List<Finding> applyBeyondDomain(ParsedAddress address, List<Finding> findings) {
        return apply(beyondDomain, address, findings);
    }

    /** @return whether the rules that read only the domain give no finding for this address */
    boolean domainRulesPass(ParsedAddress address) {
        for (PolicyRule rule : rules) {
            if (readsOnlyTheDomain(rule) && evaluate(rule, address) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsOnlyTheDomain(PolicyRule rule) {
        return rule instanceof DomainListRule || rule instanceof DisposableDomainRule;
    }

    private static List<Finding> apply(List<PolicyRule> rules, ParsedAddress address, List<Finding> findings) {
        List<Finding> out = findings;
        for (int i = 0, n = rules.size(); i < n; i++) {
            Finding finding = evaluate(rules.get(i), address);
            if (finding != null) {
                out = Findings.append(out, finding); // rarely more than one finding: a copy each is cheap
                if (finding.severity() == Severity.ERROR) {
                    break;
                }
            }
        }
        return out;
    }

    private static Finding evaluate(PolicyRule rule, ParsedAddress address) {
        try {
            Optional<Finding> result = rule.evaluate(address);
            return result == null ? null : result.orElse(null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Finding(FindingCode.POLICY_RULE_FAILED, Severity.ERROR,
                    Map.of("rule", nameOf(rule), "error", e.getClass().getName()));
        }
    }

    private static String nameOf(PolicyRule rule) {
        try {
            String name = rule.name();
            return name == null ? rule.getClass().getName() : name;
        } catch (RuntimeException e) {
            return rule.getClass().getName();
        }
    }
}
