package io.github.customeremail;

import java.util.Objects;
import java.util.Optional;

/**
 * A policy rule: looks at a syntactically valid, normalized address and may report one {@link Finding}.
 * Register custom rules with {@link CustomerEmailValidator.Builder#rule(PolicyRule)}.
 *
 * <pre>{@code
 * PolicyRule noTestAddresses = PolicyRule.named("no-test-addresses", PolicyRule.CHEAP, address ->
 *         address.localPart().startsWith("prueba")
 *                 ? Optional.of(Finding.of(FindingCode.custom("ACME_TEST_ADDRESS"), Severity.ERROR,
 *                         "message", "No registre direcciones de prueba."))
 *                 : Optional.empty());
 * CustomerEmailValidator validator = CustomerEmailValidator.builder().rule(noTestAddresses).build();
 * }</pre>
 *
 * <p>A custom {@link FindingCode} has no bundled message: put the human text in the {@code message} parameter
 * (it is shown as is, in every language).
 *
 * <p><b>Order.</b> All rules, built-in and custom, run in ascending {@link #cost()} (ties keep the order of
 * registration, built-in rules first). After the first finding of severity {@link Severity#ERROR} no further rule
 * runs: the verdict is already {@link Verdict#INVALID} and one reason is what the clerk needs. Built-in costs:
 * domain lists (corporate, blocked, allowed) 10, disposable domains 15, non-ASCII local part 20, role accounts 30,
 * provider mailbox rules 40; custom rules default to {@link #DEFAULT_COST}.
 *
 * <p><b>Failures.</b> A rule that throws a {@link RuntimeException} does not make the check throw: it is reported as
 * {@link FindingCode#POLICY_RULE_FAILED} (severity {@link Severity#ERROR}, parameters {@code rule} = its
 * {@link #name()} and {@code error} = the exception's class name) and no further rule runs. Returning
 * {@code null} is treated as {@link Optional#empty()}.
 *
 * <p>To block domains, use {@link CustomerEmailValidator.Builder#blockedDomains(String...)} rather than a rule:
 * it matches subdomains correctly ({@code endsWith("tumatera.com")} would also match {@code nottumatera.com}).
 *
 * <p>Rules are called concurrently from many threads and must be thread-safe; they should be fast and must not
 * block (no network calls: the MX check is a separate stage).
 */
@FunctionalInterface
public interface PolicyRule {

    /** A cost for rules that only compare strings or look up a set. */
    int CHEAP = 10;
    /** The cost of a rule that does not say otherwise: after every built-in rule. */
    int DEFAULT_COST = 100;
    /** A cost for rules that do real work (large tables, heavier computation). */
    int EXPENSIVE = 1000;

    /**
     * Evaluates the rule.
     *
     * @param address the normalized, parsed address; {@link ParsedAddress#domain()} is lower-case ASCII
     * @return a finding, or empty when the rule has nothing to say
     */
    Optional<Finding> evaluate(ParsedAddress address);

    /** @return the ordering hint: cheaper rules run first (default {@link #DEFAULT_COST}) */
    default int cost() {
        return DEFAULT_COST;
    }

    /** @return a name used when reporting that this rule failed (default: the class name) */
    default String name() {
        return getClass().getName();
    }

    /**
     * Gives a rule (typically a lambda) a name and a cost.
     *
     * @param name the name reported if the rule fails
     * @param cost the ordering hint
     * @param rule the rule
     * @return the named rule
     */
    static PolicyRule named(String name, int cost, PolicyRule rule) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        return new PolicyRule() {
            @Override
            public Optional<Finding> evaluate(ParsedAddress address) {
                return rule.evaluate(address);
            }

            @Override
            public int cost() {
                return cost;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
