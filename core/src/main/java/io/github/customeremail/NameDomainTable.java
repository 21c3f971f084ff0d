package io.github.customeremail;

/**
 * What the typo corrector's name search needs of each domain of each dictionary name, computed once: the position of
 * its suffix among the common ones ({@link SuffixDistances}), its flags, and the cost of every common typed suffix
 * for every common target suffix. A mistyped brand name ({@code hotmial}) is near a name with dozens of domains
 * (hotmail.es, hotmail.com.ar, hotmail.co.uk…); with this table each of them costs two array reads instead of
 * string comparisons, hash lookups and a look at the domain's entry. Immutable.
 *
 * <p>Domains are addressed by the name's index in {@link KnownDomains#name(int)} and the domain's index in that
 * name's list. A value the table cannot give (a suffix outside the common ones, or a typed suffix that is a target
 * with a part after it, whose cost depends on the name's other domains) sends the caller to the full computation.
 */
final class NameDomainTable {

    private static final byte BRAND = 1;
    private static final byte PRIMARY_BRAND = 2;
    private static final byte EDITABLE = 4;

    /** A pure suffix cost (typed, target, work table), as {@link TypoCorrector#ruleCost} computes it. */
    @FunctionalInterface
    interface RuleCost {
        double cost(String typed, String target, double[] table);
    }

    private final int suffixCount;
    /** {@code ruleCosts[typed * suffixCount + target]}, NaN for an extra part ({@link TypoCorrector#extraPart}). */
    private final double[] ruleCosts;
    /** {@code offsets[name]}: where the name's domains start in {@link #suffixOf} and {@link #flags}. */
    private final int[] offsets;
    /** The position of each domain's suffix in {@link SuffixDistances}, or -1 when it is not kept. */
    private final int[] suffixOf;
    private final byte[] flags;

    NameDomainTable(KnownDomains known, SuffixDistances suffixes, RuleCost rule) {
        int n = suffixes.size();
        this.suffixCount = n;
        this.ruleCosts = new double[n * n];
        for (int t = 0; t < n; t++) {
            for (int u = 0; u < n; u++) {
                String typed = suffixes.suffix(t);
                String target = suffixes.suffix(u);
                ruleCosts[t * n + u] = t == u ? 0.0
                        : TypoCorrector.extraPart(typed, target) ? Double.NaN : rule.cost(typed, target, null);
            }
        }
        int names = known.nameCount();
        this.offsets = new int[names + 1];
        for (int i = 0; i < names; i++) {
            offsets[i + 1] = offsets[i] + known.name(i).domains().size();
        }
        this.suffixOf = new int[offsets[names]];
        this.flags = new byte[offsets[names]];
        for (int i = 0; i < names; i++) {
            java.util.List<KnownDomains.Entry> domains = known.name(i).domains();
            for (int k = 0; k < domains.size(); k++) {
                KnownDomains.Entry e = domains.get(k);
                int at = offsets[i] + k;
                suffixOf[at] = suffixes.indexOf(e.suffix());
                // one Entry per domain in a dictionary: identity is equality
                flags[at] = (byte) ((e.brand() ? BRAND : 0) | (e.brand() && e == known.primary(e.name()) ? PRIMARY_BRAND : 0)
                        | (e.nameEditable() ? EDITABLE : 0));
            }
        }
    }

    /** @return the position of the suffix of domain {@code k} of name {@code name}, or -1 when it is not kept */
    int suffixOf(int name, int k) {
        return suffixOf[offsets[name] + k];
    }

    /** @return {@link KnownDomains.Entry#brand()} of domain {@code k} of name {@code name} */
    boolean brand(int name, int k) {
        return (flags[offsets[name] + k] & BRAND) != 0;
    }

    /** @return {@link KnownDomains.Entry#nameEditable()} of domain {@code k} of name {@code name} */
    boolean editable(int name, int k) {
        return (flags[offsets[name] + k] & EDITABLE) != 0;
    }

    /**
     * The suffix cost of {@link TypoCorrector}'s name search for a typed suffix other than the target's, both kept.
     *
     * @return the cost, or NaN when the caller must compute it
     */
    double cost(int typed, int target, int name, int k, boolean typedLegitimate, boolean typedCountryCode,
                int nameDomains) {
        double rule = ruleCosts[typed * suffixCount + target];
        return Double.isNaN(rule) ? rule : capped(rule, name, k, typedLegitimate, typedCountryCode, nameDomains);
    }

    /** @return {@link TypoCorrector#brandCap} of a rule cost toward domain {@code k} of name {@code name} */
    double capped(double rule, int name, int k, boolean typedLegitimate, boolean typedCountryCode, int nameDomains) {
        return TypoCorrector.brandCap(rule, typedLegitimate, typedCountryCode,
                (flags[offsets[name] + k] & PRIMARY_BRAND) != 0, nameDomains);
    }
}
