package io.github.customeremail;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known mailbox domains (gmail.com, hotmail.es…) on which every stage of a check that looks only at the domain
 * passes for one validator's configuration: no special-use name, no typo correction, no IDN work, no finding of the
 * domain-list or disposable-domain rules. Worked out once when the validator is built, by running those stages on
 * each domain, so a check of an address there answers them all with one lookup; any other domain takes every stage.
 */
final class CleanDomains {

    static final CleanDomains NONE = new CleanDomains(Map.of());

    private final StringTable<Boolean> table;
    private final boolean empty;

    private CleanDomains(Map<String, Boolean> domains) {
        this.table = new StringTable<>(domains);
        this.empty = domains.isEmpty();
    }

    /**
     * @param candidates  domains to try, in canonical ASCII form
     * @param parser      the validator's parser
     * @param specialUse  the validator's special-use check
     * @param typos       the validator's typo corrector, or {@code null}
     * @param policy      the validator's policy
     * @return the candidates on which all of them pass
     */
    static CleanDomains of(Collection<String> candidates, AddressParser parser, SpecialUseDomains specialUse,
                           TypoCorrector typos, Policy policy) {
        Map<String, Boolean> clean = new LinkedHashMap<>();
        for (String domain : candidates) {
            if (domain.contains(Idna.ACE_PREFIX)
                    || !(parser.parse("postmaster@" + domain) instanceof ParsedAddress probe)
                    || probe.internationalDomain() || !probe.domain().equals(domain)
                    || specialUse.refused(probe) != null
                    || (typos != null && typos.correct(probe) != null)
                    || !policy.domainRulesPass(probe)) {
                continue;
            }
            clean.put(domain, Boolean.TRUE);
        }
        return clean.isEmpty() ? NONE : new CleanDomains(clean);
    }

    /** @return whether the parsed address's domain is one of them, in place (an upper-case domain is not) */
    boolean contains(ParsedAddress address) {
        String s = address.address();
        return !empty && table.get(s, address.at() + 1, s.length()) != null;
    }
}
