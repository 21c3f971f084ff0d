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
 * {@link Severity#ERROR}, parameter {@code domain} = the list entry that matched). Three bundled lists: a small one
 * curated by hand ({@value #RESOURCE}), the community list {@code disposable-email-domains} ({@value #COMMUNITY},
 * about 120 000 domains, MIT; refreshed by {@code core/scripts/refresh-disposable-domains.sh}, loaded on the first
 * check), and an allow-list ({@value #ALLOWED}) of forwarding services and real providers those lists wrongly
 * carry. Users add domains with {@link CustomerEmailValidator.Builder#disposableDomains(String...)} or a file.
 * Entries cover their subdomains, except those of the community list's {@code index.json}, which match exactly
 * (it lists {@code edu.pl}, under which Polish universities register); see
 * {@link PackedDomainSet}.
 *
 * @param domains   the hand-curated list and the user's domains
 * @param community the community list
 * @param allowed   never refused
 */
record DisposableDomainRule(DomainSet domains, PackedDomainSet community, DomainSet allowed) implements PolicyRule {

    static final String RESOURCE = "disposable-domains.txt";
    static final String COMMUNITY = "disposable-domains-community.txt.gz";
    static final String ALLOWED = "disposable-allowed.txt";
    static final int COST = 15;

    /**
     * @param extraCanonical domains added by the user, in canonical form
     * @return the rule with the bundled lists and the extra domains
     */
    static DisposableDomainRule withBundledAnd(Collection<String> extraCanonical) {
        if (extraCanonical.isEmpty()) {
            return Bundled.RULE;
        }
        Set<String> all = new LinkedHashSet<>(Bundled.DOMAINS);
        all.addAll(extraCanonical);
        return new DisposableDomainRule(DomainSet.of(all), Bundled.COMMUNITY_SET, Bundled.ALLOWED_SET);
    }

    /** @return the bundled hand-curated list, in canonical form */
    static List<String> bundled() {
        return Bundled.DOMAINS;
    }

    /** @return the bundled community list */
    static PackedDomainSet bundledCommunity() {
        return Bundled.COMMUNITY_SET;
    }

    /** @return the bundled allow-list, in canonical form */
    static List<String> allowList() {
        return Bundled.ALLOWED_DOMAINS;
    }

    @Override
    public Optional<Finding> evaluate(ParsedAddress address) {
        String hit = domains.match(address);
        if (hit == null) {
            hit = community.match(address.address(), address.at() + 1);
        }
        if (hit == null || allowed.match(address) != null) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(FindingCode.DISPOSABLE_DOMAIN, Severity.ERROR, "domain", hit));
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
        static final List<String> DOMAINS = load(RESOURCE);
        static final List<String> ALLOWED_DOMAINS = load(DisposableDomainRule.ALLOWED);
        static final DomainSet ALLOWED_SET = DomainSet.of(ALLOWED_DOMAINS);
        static final PackedDomainSet COMMUNITY_SET = PackedDomainSet.resource(DisposableDomainRule.COMMUNITY);
        static final DisposableDomainRule RULE =
                new DisposableDomainRule(DomainSet.of(DOMAINS), COMMUNITY_SET, ALLOWED_SET);

        private static List<String> load(String resource) {
            try (InputStream in = DisposableDomainRule.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled resource missing: " + resource);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a list of domains, one a line ({@code #} comments and blank lines skipped), in canonical form.
     *
     * @throws IllegalArgumentException naming a line that is not a domain
     */
    static List<String> read(InputStream in) throws IOException {
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
    }
}
