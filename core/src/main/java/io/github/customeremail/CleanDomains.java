package io.github.customeremail;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known mailbox domains (gmail.com, hotmail.es…) on which every stage of a check that looks only at the domain
 * passes for one validator's configuration: no special-use name, no typo correction, no IDN work, no finding of the
 * domain-list or disposable-domain rules. Each known domain is judged the first time an address there is checked,
 * by running those stages on it, and the answer is kept (one byte a domain), so later checks there answer them all
 * with one lookup; any other domain takes every stage.
 */
final class CleanDomains {

    static final CleanDomains NONE = new CleanDomains(Map.of(), null, null, null, null);

    private static final byte UNKNOWN = 0;
    private static final byte CLEAN = 1;
    private static final byte NOT_CLEAN = 2;

    private final StringTable<Integer> index;
    /**
     * The answer for each domain, by its index; written without a lock because every thread that judges a domain
     * writes the same value, and a thread that reads {@link #UNKNOWN} only judges it once more.
     */
    private final byte[] state;
    private final AddressParser parser;
    private final SpecialUseDomains specialUse;
    private final TypoCorrector typos;
    private final Policy policy;

    private CleanDomains(Map<String, Integer> index, AddressParser parser, SpecialUseDomains specialUse,
                         TypoCorrector typos, Policy policy) {
        this.index = new StringTable<>(index);
        this.state = new byte[index.size()];
        this.parser = parser;
        this.specialUse = specialUse;
        this.typos = typos;
        this.policy = policy;
    }

    /**
     * @param candidates  the known domains, in canonical ASCII form
     * @param parser      the validator's parser
     * @param specialUse  the validator's special-use check
     * @param typos       the validator's typo corrector, or {@code null}
     * @param policy      the validator's policy
     * @return the table, every domain still to be judged
     */
    static CleanDomains of(Collection<String> candidates, AddressParser parser, SpecialUseDomains specialUse,
                           TypoCorrector typos, Policy policy) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String domain : candidates) {
            if (!domain.contains(Idna.ACE_PREFIX)) {
                index.putIfAbsent(domain, index.size());
            }
        }
        return index.isEmpty() ? NONE : new CleanDomains(index, parser, specialUse, typos, policy);
    }

    /** @return whether the parsed address's domain is one of them, in place (an upper-case domain is not) */
    boolean contains(ParsedAddress address) {
        if (state.length == 0) {
            return false;
        }
        String s = address.address();
        Integer i = index.get(s, address.at() + 1, s.length());
        if (i == null) {
            return false;
        }
        byte known = state[i];
        if (known == UNKNOWN) {
            known = judge(s.substring(address.at() + 1)) ? CLEAN : NOT_CLEAN;
            state[i] = known;
        }
        return known == CLEAN;
    }

    /** Runs every domain-only stage on an address at this domain: whether none has anything to say. */
    private boolean judge(String domain) {
        return parser.parse("postmaster@" + domain) instanceof ParsedAddress probe
                && !probe.internationalDomain() && probe.domain().equals(domain)
                && specialUse.refused(probe) == null
                && (typos == null || typos.correct(probe) == null)
                && policy.domainRulesPass(probe);
    }
}
