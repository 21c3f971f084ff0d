package io.github.customeremail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Built-in rule: domains that hand out throw-away mailboxes ({@link FindingCode#DISPOSABLE_DOMAIN}, severity
 * {@link Severity#ERROR}, parameter {@code domain} = the list entry that matched). The bundled list
 * ({@value #RESOURCE}) is curated by hand; users add domains with
 * {@link CustomerEmailValidator.Builder#disposableDomains(String...)}. Entries cover their subdomains.
 */
record DisposableDomainRule(DomainSet domains) implements PolicyRule {

    static final String RESOURCE = "disposable-domains.txt";
    static final int COST = 15;

    /**
     * @param extraCanonical domains added by the user, in canonical form
     * @return the rule with the bundled list and the extra domains
     */
    static DisposableDomainRule withBundledAnd(Collection<String> extraCanonical) {
        if (extraCanonical.isEmpty()) {
            return Bundled.RULE;
        }
        Set<String> all = new LinkedHashSet<>(Bundled.DOMAINS);
        all.addAll(extraCanonical);
        return new DisposableDomainRule(DomainSet.of(all));
    }

    /** @return the bundled list, in canonical form */
    static List<String> bundled() {
        return Bundled.DOMAINS;
    }

    @Override
    public Optional<Finding> evaluate(ParsedAddress address) {
        String hit = domains.match(address);
        return hit == null ? Optional.empty()
                : Optional.of(Finding.of(FindingCode.DISPOSABLE_DOMAIN, Severity.ERROR, "domain", hit));
    }

    @Override
    public int cost() {
        return COST;
    }

    @Override
    public String name() {
        return "disposable-domains";
    }

    /** Loaded on first use. */
    private static final class Bundled {
        static final List<String> DOMAINS = load();
        static final DisposableDomainRule RULE = new DisposableDomainRule(DomainSet.of(DOMAINS));

        private static List<String> load() {
            try (InputStream in = DisposableDomainRule.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled resource missing: " + RESOURCE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> list = new ArrayList<>(256);
                String line;
                while ((line = reader.readLine()) != null) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        list.add(DomainSet.canonical(line));
                    }
                }
                return List.copyOf(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
