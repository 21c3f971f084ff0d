package io.github.customeremail;

import java.util.List;

/**
 * Stage 3: suggests the known mailbox domain a mistyped domain was probably meant to be ({@code gmial.com} →
 * gmail.com), or unmasks a domain that imitates a known one with look-alike letters ({@code gmаil.com} with a
 * Cyrillic {@code а}). Precision comes first: a wrong "did you mean" is worse than none.
 *
 * <p>A domain is split into its name and public suffix ({@link PublicSuffixes}); suggestions are always domains of
 * the dictionary ({@link KnownDomains}) and come from these corrections, each with a cost (see
 * {@link KeyboardDistance}):
 * <ol>
 *   <li><b>suffix</b> — the exact name of a known domain under a wrong suffix: {@code gmail.con}, {@code yahoo.cm},
 *       {@code gmail.com.co}, {@code hotmail.net}. When the typed suffix is legitimate (its TLD exists) this is done
 *       only for brands, whose name is nowhere else a mail domain; a brand is regional only under country codes,
 *       so {@code yahoo.com.xx} of a country we do not list is corrected only when close to a listed one;</li>
 *   <li><b>name</b> — a name close to a known one: {@code gmial.com}, {@code hotmial.es}, {@code gmai.com.ar}.
 *       Allowed cost grows with the length of the name ({@link #maxNameCost}); short names (four letters or fewer)
 *       and common words are never targets, and with a legitimate typed suffix the suffix must be the target's
 *       own, unless the target is a brand;</li>
 *   <li><b>structure</b> — missing or misplaced dots and extra parts: {@code gmailcom}, bare {@code gmail},
 *       {@code gmailc.om}, {@code gmail.com.com}.</li>
 * </ol>
 * The cheapest candidate wins only if it is clearly cheaper than the runner-up (by {@link #MARGIN}), or at least
 * {@link #DOMINANCE} times as common; otherwise it is a tie and nothing is suggested. Known domains are never
 * corrected, and a domain whose name is not close to any known name is left alone whatever its suffix, so company
 * domains ({@code empresa.com.co}, {@code example.co}) and legitimate suffixes ({@code .com.ar}, {@code .cl},
 * {@code .pe}) are never rewritten into others.
 *
 * <p>The common path — a known domain — is one hash lookup and allocates nothing. Other domains are looked up
 * through the dictionary's indexes (names near a typed one: among those of about the same length, by character sets
 * and then common subsequence), with regions of the typed domain rather than substrings, and suffix distances come
 * from a table ({@link SuffixDistances}). Each answer is remembered in a small bounded memo ({@link CorrectionMemo}):
 * customer lists repeat their unknown domains, a company's own and the common slips alike. Immutable in what it
 * answers and thread-safe.
 */
final class TypoCorrector {

    /** A candidate must be cheaper than the runner-up by this much (a quarter of an edit), else it is a tie. */
    static final double MARGIN = 0.25;
    /** ...unless it is this many times as common as the runner-up ({@code hotmail.cm}: .com, not .cl). */
    static final int DOMINANCE = 10;
    /** Most a suffix correction may cost: a whole wrong suffix on a brand ({@code gmail.es}) costs this. */
    static final double MAX_SUFFIX_COST = 1.5;
    /** What a name correction may add on top of its own cost for the suffix ({@code gmial.con}). */
    static final double NAME_AND_SUFFIX_SLACK = 0.6;
    static final double DOTLESS_COST = 0.5;
    static final double DOT_MOVED_COST = KeyboardDistance.TRANSPOSE;
    /** A real country code stuck after a complete domain ({@code gmail.com.co}): cheap, it happens a lot. */
    static final double EXTRA_COUNTRY_COST = 0.5;
    /** Per missing character of a suffix cut short ({@code gmail.co}, {@code gmail.c}). */
    static final double CUT_SHORT_COST = 0.15;
    /** {@code rn} for {@code m}: two letters that read as one, a slip of reading more than of typing. */
    static final double RN_FOR_M_COST = 0.5;
    /** A country code typed without the second level its provider's domain has ({@code yahoo.uk}: co.uk). */
    static final double MISSING_SECOND_LEVEL_COST = 0.4;
    /** {@code .col} for {@code .com}: the {@code co} of Colombia, then a slip toward {@code m}. */
    static final double COL_FOR_COM_COST = 0.6;
    /** Per extra character run on after a complete suffix ({@code gmail.comm}). */
    static final double RUN_ON_COST = 0.5;
    /** A broken extra part ({@code gmail.com.b}). */
    static final double EXTRA_PART_COST = 1.0;
    /** Longer typed domains are not looked at: every known domain is far shorter. */
    static final int MAX_TYPED_LENGTH = 64;

    /**
     * A correction.
     *
     * @param domain     the suggested known domain (lower-case ASCII)
     * @param confidence in {@code (0, 1]}: {@code 1 / (1 + cost)}, 1 for an exact look-alike
     * @param lookalike  whether the typed domain imitates {@code domain} with look-alike Unicode letters
     */
    record Correction(String domain, double confidence, boolean lookalike) {
    }

    /**
     * The {@code limit} of suffix edit distances: callers compare a suffix cost with {@link #MAX_SUFFIX_COST}, or
     * with {@code maxNameCost(7)} once a name cost is added; above the larger of the two its exact value makes no
     * difference.
     */
    static final double SUFFIX_DISTANCE_LIMIT = Math.max(MAX_SUFFIX_COST, maxNameCost(7));

    private final KnownDomains known;
    private final PublicSuffixes suffixes;
    private final SuffixDistances suffixDistances;
    /** The name search's per-domain table; {@code null} in the reference search, which computes every cost. */
    private final NameDomainTable nameDomains;
    /** {@code null} when answers are not remembered (benchmarks of the search itself). */
    private final CorrectionMemo memo;

    TypoCorrector(KnownDomains known, PublicSuffixes suffixes) {
        this.known = known;
        this.suffixes = suffixes;
        this.suffixDistances = new SuffixDistances(known, SUFFIX_DISTANCE_LIMIT);
        this.nameDomains = new NameDomainTable(known, suffixDistances, this::ruleCost);
        this.memo = new CorrectionMemo();
    }

    private TypoCorrector(TypoCorrector base, NameDomainTable nameDomains, CorrectionMemo memo) {
        this.known = base.known;
        this.suffixes = base.suffixes;
        this.suffixDistances = base.suffixDistances;
        this.nameDomains = nameDomains;
        this.memo = memo;
    }

    /** @return the same corrector without the memo of answers: every unknown domain is searched */
    TypoCorrector withoutMemo() {
        return memo == null ? this : new TypoCorrector(this, nameDomains, null);
    }

    /**
     * @return the same corrector without its shortcuts (no memo, no table of suffix costs, every name of the
     *         dictionary tested), whose answers the tests compare with this one's
     */
    TypoCorrector reference() {
        return new TypoCorrector(this, null, null);
    }

    /** @return a corrector over the bundled dictionary */
    static TypoCorrector bundled() {
        return Holder.BUNDLED;
    }

    KnownDomains knownDomains() {
        return known;
    }

    /**
     * @param domain        the typed domain, lower-case ASCII (A-labels); may be one the parser refused for having
     *                      no TLD or an unknown TLD
     * @param unicodeDomain the same domain as typed in Unicode, or {@code null} / equal to {@code domain} for ASCII
     * @return the correction, or {@code null} when the domain is known or no correction is clear
     */
    Correction correct(String domain, String unicodeDomain) {
        if (domain == null || known.contains(domain)) {
            return null; // the common path: one hash lookup (String caches its hash), no allocation
        }
        if (unicodeDomain != null && !unicodeDomain.equals(domain)) {
            return lookalike(unicodeDomain);
        }
        return typo(domain);
    }

    /**
     * A domain typed in Unicode that reads as a known one: the same UTS #39 skeleton ({@code gmаil.com}, Cyrillic
     * {@code а}), or the same letters once accents are dropped and other scripts read as Latin ({@code gmaíl.com},
     * {@code gмаil.com}), or a typo of a known domain once read so.
     */
    Correction lookalike(String unicodeDomain) {
        Confusables confusables = Confusables.bundled();
        String sameSkeleton = known.bySkeleton(confusables.skeleton(unicodeDomain));
        if (sameSkeleton != null) {
            return new Correction(sameSkeleton, 1.0, true);
        }
        String latin = confusables.toLatin(unicodeDomain);
        if (latin == null) {
            return null; // a genuine international name: nothing to compare it with
        }
        if (known.contains(latin)) {
            return new Correction(latin, 1.0, true);
        }
        Correction typo = typo(latin);
        if (typo == null) {
            return null;
        }
        // Accents alone on a name near a known one (españa.es, near iespana) are a genuine Spanish name: only a
        // letter of another script, or a name read exactly, makes a look-alike worth a suggestion.
        boolean sameName = typo.domain().regionMatches(0, latin, 0, latin.indexOf('.') + 1);
        return sameName || !latinScript(unicodeDomain) ? new Correction(typo.domain(), typo.confidence(), true) : null;
    }

    private static boolean latinScript(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                    && script != Character.UnicodeScript.INHERITED) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #correct(String, String)} of a parsed address's domain; a known ASCII domain is looked up in place,
     * without the domain string.
     */
    Correction correct(ParsedAddress address) {
        if (address.internationalDomain() || address.address().indexOf(Idna.ACE_PREFIX, address.at()) >= 0) {
            return correct(address.domain(), unicodeForm(address));
        }
        // An ASCII domain without A-labels is its own Unicode form: looked up in place once, then searched.
        if (known.get(address.address(), address.at() + 1, address.address().length()) != null) {
            return null;
        }
        return typo(address.domain());
    }

    /**
     * @return the domain in Unicode form, also when it was typed as A-labels ({@code xn--gmil-6na.com} is
     *         {@code gmáil.com}): a look-alike is the same whichever way it is typed
     */
    static String unicodeForm(ParsedAddress address) {
        if (address.internationalDomain() || address.address().indexOf(Idna.ACE_PREFIX, address.at()) < 0) {
            return address.unicodeDomain();
        }
        String[] labels = address.domain().split("\\.");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].startsWith(Idna.ACE_PREFIX)) {
                String unicode = Idna.fromAce(labels[i]);
                labels[i] = unicode == null ? labels[i] : unicode;
            }
        }
        return String.join(".", labels);
    }

    /** @return the most a name correction toward a name of this length may cost */
    static double maxNameCost(int nameLength) {
        if (nameLength <= 4) {
            return 0.0;
        }
        return nameLength <= 6 ? 1.0 : 1.6;
    }

    private Correction typo(String domain) {
        // Known domains are short; a long one is no slip of theirs, and this bounds the work on hostile input.
        if (domain.isEmpty() || domain.length() > MAX_TYPED_LENGTH || !ldh(domain)) {
            return null;
        }
        if (memo == null) {
            return search(domain);
        }
        Correction remembered = memo.get(domain);
        if (remembered != CorrectionMemo.MISSING) {
            return remembered;
        }
        Correction correction = search(domain);
        memo.put(domain, correction);
        return correction;
    }

    /** The search behind {@link #typo}, for an LDH domain of at most {@link #MAX_TYPED_LENGTH} characters. */
    private Correction search(String domain) {
        // Each step gets the candidates so far and returns them; they are created with the first one (most
        // unknown domains have none, and then nothing is allocated).
        Candidates candidates = null;
        if (domain.indexOf('.') < 0) {
            candidates = dotless(domain, candidates);
        } else {
            candidates = movedDot(domain, candidates);
            candidates = extraPart(domain, candidates);
            candidates = nameAndSuffix(domain, candidates);
            candidates = rnForM(domain, candidates);
        }
        return candidates == null ? null : candidates.decide();
    }

    /**
     * {@code rn} read or typed for {@code m} ({@code grnail.com}, {@code hotrnail.es}, {@code yahoo.corn}): every
     * {@code rn} read as {@code m}, then a known domain or a clear correction of it.
     */
    private Candidates rnForM(String domain, Candidates candidates) {
        if (!domain.contains("rn")) {
            return candidates;
        }
        String read = domain.replace("rn", "m");
        KnownDomains.Entry exact = known.get(read);
        if (exact != null) {
            return add(candidates, exact, RN_FOR_M_COST);
        }
        Correction further = search(read);
        KnownDomains.Entry e = further == null ? null : known.get(further.domain());
        if (e != null) {
            candidates = add(candidates, e, RN_FOR_M_COST + 1.0 / further.confidence() - 1.0);
        }
        return candidates;
    }

    /** {@code gmailcom} → gmail.com; a bare name → its most common domain ({@code gmail} → gmail.com). */
    private Candidates dotless(String domain, Candidates candidates) {
        KnownDomains.Entry joined = known.byDotless(domain);
        if (joined != null) {
            candidates = add(candidates, joined, DOTLESS_COST);
        }
        KnownDomains.Entry primary = domain.length() >= 3 ? known.primary(domain) : null;
        if (primary != null) {
            candidates = add(candidates, primary, DOTLESS_COST);
        }
        return candidates;
    }

    /** A dot typed one place early or late: {@code gmailc.om}, {@code comcastn.et}. */
    private Candidates movedDot(String domain, Candidates candidates) {
        if (!known.hasDotless(domain)) {
            return candidates; // moving a dot keeps the letters: no known domain has these, so none is one move away
        }
        int length = domain.length();
        for (int i = 0; i < length; i++) {
            if (domain.charAt(i) != '.') {
                continue;
            }
            for (int j = i - 1; j <= i + 1; j += 2) {
                if (j > 0 && j < length - 1 && domain.charAt(j) != '.') {
                    KnownDomains.Entry e = known.getSwapped(domain, i, j);
                    if (e != null) {
                        candidates = add(candidates, e, DOT_MOVED_COST);
                    }
                }
            }
        }
        return candidates;
    }

    /** A complete known domain followed by more: {@code gmail.com.com}, {@code gmail.com.co}, {@code gmail.com.b}. */
    private Candidates extraPart(String domain, Candidates candidates) {
        for (int dot = domain.indexOf('.'); dot > 0; dot = domain.indexOf('.', dot + 1)) {
            KnownDomains.Entry e = known.get(domain, 0, dot);
            if (e == null || e.subdomain()) {
                continue;
            }
            String rest = domain.substring(dot + 1);
            if (suffixes.legitimate(rest) && !e.brand()) {
                continue; // une.net.co.uk could be a company of its own: only brands are known to live nowhere else
            }
            double cost = extraPartCost(rest, e);
            if (cost <= MAX_SUFFIX_COST) {
                candidates = add(candidates, e, cost);
            }
        }
        return candidates;
    }

    private Candidates nameAndSuffix(String domain, Candidates candidates) {
        int start = suffixes.suffixStart(domain);
        if (start <= 1) {
            return candidates;
        }
        int nameEnd = start - 1;
        int nameStart = domain.lastIndexOf('.', start - 2) + 1;
        if (nameStart > 0) {
            return candidates; // a subdomain of something unknown (mail.empresa.cmo): not ours to guess
        }
        // The name is domain[0, nameEnd), the suffix domain[start, end); they are looked up in place, and made
        // strings only once a known name is close (for an unknown domain, usually never).
        String suffix = null;
        double[] table = null; // the edit distances' work table, shared by this search (see tableSize)
        boolean legitimate = suffixes.legitimate(domain, start, domain.length());

        // The typed suffix prepared for its distances to the dictionary's suffixes when the table of suffix
        // distances does not keep it (not in the reference search, which computes each distance as it comes).
        KeyboardDistance.Typed typedOwnSuffix = null;

        // 1. Exact name, wrong suffix.
        List<KnownDomains.Entry> sameName = known.withName(domain, 0, nameEnd);
        for (int i = 0; i < sameName.size(); i++) { // indexed: an iterator of the (usually empty) list allocates
            KnownDomains.Entry e = sameName.get(i);
            if (!legitimate || e.brand() || countrySlip(domain, start, e.suffix())) {
                if (suffix == null) {
                    suffix = domain.substring(start);
                    table = table == null ? new double[tableSize(nameEnd)] : table;
                    typedOwnSuffix = nameDomains == null || suffixDistances.indexOf(suffix) >= 0 ? null
                            : KeyboardDistance.Typed.of(suffix);
                }
                // A domain whose name may be edited is left out a margin above the cheapest (see pruneBound).
                double cost = typedOwnSuffix == null ? suffixCost(suffix, legitimate, e, table)
                        : suffixCost(suffix, typedOwnSuffix, legitimate, e, table,
                                e.nameEditable() ? pruneBound(candidates) : SUFFIX_DISTANCE_LIMIT);
                if (cost <= MAX_SUFFIX_COST) {
                    candidates = add(candidates, e, cost);
                }
            }
        }
        // 2. Close name. Names that may not be edited still compete, so that a typed name halfway between an
        //    editable and a non-editable one (qmail: gmail or mail?) is a tie unless one is far more common.
        if (nameEnd < 3) {
            return candidates;
        }
        String name = null; // made a string only for a distance the prepared one cannot compute
        boolean typedPrepared = false;
        long letters = KnownDomains.letters(domain, 0, nameEnd);
        // With the table, each domain of a near name costs a read of its suffix cost and its flags (a brand has
        // dozens of domains: hotmail.es, hotmail.com.ar...); the reference search computes each.
        NameDomainTable domainTable = nameDomains;
        int typedSuffix = -1;
        boolean typedCountryCode = false;
        KeyboardDistance.Typed typedName = null; // prepared for its distances to the names (not in the reference)
        // The reference search tests every name in one pass; the other takes the names of the typed length first,
        // then one and two characters shorter and longer: most slips keep the length or change it by one, so the
        // cheapest candidate is usually found first and bounds the edit distances of the names after it.
        int passes = domainTable == null ? 1 : 2 * MAX_LENGTH_CHANGE + 1;
        for (int pass = 0; pass < passes; pass++) {
            int length = nameEnd + (pass + 1) / 2 * (pass % 2 == 1 ? -1 : 1);
            int first = domainTable == null ? 0 : length < 0 ? 0 : known.namesFrom(length);
            int last = domainTable == null ? known.nameCount() : length < 0 ? 0 : known.namesFrom(length + 1);
            // The reference tests each name; the other search tests the letters of 64 names at once and looks
            // closer only at those that pass (a few of the bundled dictionary's 141, usually).
            long passed = 0;
            int word = first / 64 - 1;
            for (int i = first; i < last; i++) {
                if (domainTable == null) {
                    if (!known.near(i, domain, 0, nameEnd, letters)) {
                        continue;
                    }
                } else {
                    if (i / 64 != word) {
                        word = i / 64;
                        passed = known.nearLetters(word, letters);
                    }
                    long rest = passed & (-1L << i); // this name's bit and the ones after it in the word
                    if (rest == 0) {
                        i = Math.min(last, 64 * word + 64) - 1; // none left in this word
                        continue;
                    }
                    i = 64 * word + Long.numberOfTrailingZeros(rest);
                    if (i >= last || !known.nearSubsequence(i, domain, 0, nameEnd)) {
                        continue;
                    }
                }
                KnownDomains.Name candidate = known.name(i);
                if (candidate.is(domain, 0, nameEnd)) {
                    continue;
                }
                if (!typedPrepared) {
                    typedPrepared = true;
                    boolean prepared = suffix != null;
                    suffix = prepared ? suffix : domain.substring(start);
                    typedSuffix = domainTable == null ? -1 : suffixDistances.indexOf(suffix);
                    if (!prepared) {
                        typedOwnSuffix = domainTable == null || typedSuffix >= 0 ? null
                                : KeyboardDistance.Typed.of(suffix);
                    }
                    typedCountryCode = countryCode(suffix);
                    typedName = domainTable == null ? null : KeyboardDistance.Typed.of(domain, 0, nameEnd);
                }
                String near = candidate.name();
                // Above maxNameCost(7), the most any name correction may cost, neither branch below takes it; above
                // a margin over the cheapest candidate so far, every domain of the name would be left out.
                double limit = Math.min(maxNameCost(7), pruneBound(candidates));
                table = table == null ? new double[tableSize(nameEnd)] : table;
                KeyboardDistance.Spelling spelling = known.spelling(i);
                if (typedName == null || spelling == null) {
                    name = name == null ? domain.substring(0, nameEnd) : name;
                }
                double nameCost = typedName != null && spelling != null
                        ? KeyboardDistance.distanceWithin(typedName, spelling, limit, table)
                        : KeyboardDistance.distanceWithin(name, near, limit, table);
                if (nameCost > limit) {
                    continue; // suffix costs are never negative: no domain of this name can be taken
                }
                candidates = nameDomains(candidates, i, candidate, nameCost, suffix, typedOwnSuffix, legitimate,
                        typedSuffix, typedCountryCode, table);
            }
        }
        return candidates;
    }

    /** Names of the dictionary whose length differs from the typed one's by more are never near it. */
    private static final int MAX_LENGTH_CHANGE = 2;

    /**
     * A cost this far above the cheapest candidate is left out by {@link Candidates#put} for every candidate of the
     * name search (see there): the search needs no exact distance above it. The small slack keeps rounding from
     * leaving out a candidate the reference keeps.
     *
     * @return the bound, or infinity without candidates or in the reference search (which leaves nothing out)
     */
    private double pruneBound(Candidates candidates) {
        return candidates == null || nameDomains == null ? Double.POSITIVE_INFINITY
                : candidates.cheapest + MARGIN + ROUNDING_SLACK;
    }

    /** Far above the rounding error of a sum of a few costs, far below any difference of two costs. */
    private static final double ROUNDING_SLACK = 1e-9;

    /** The domains of the near name {@code i}, whose name costs {@code nameCost}, as candidates of the name search. */
    private Candidates nameDomains(Candidates candidates, int i, KnownDomains.Name candidate, double nameCost,
                                   String suffix, KeyboardDistance.Typed typedOwnSuffix, boolean legitimate,
                                   int typedSuffix, boolean typedCountryCode, double[] table) {
        NameDomainTable domainTable = nameDomains;
        double max = maxNameCost(candidate.name().length());
        List<KnownDomains.Entry> domains = candidate.domains();
        for (int k = 0; k < domains.size(); k++) {
            int target = domainTable == null ? -1 : domainTable.suffixOf(i, k);
            boolean editable = target >= 0 ? domainTable.editable(i, k) : domains.get(k).nameEditable();
            if (editable && nameCost > max) {
                continue; // the first branch below needs nameCost <= max, and the second is for the others
            }
            double suffixCost;
            if (target >= 0 && typedSuffix >= 0) {
                suffixCost = target == typedSuffix ? 0.0
                        : legitimate && !domainTable.brand(i, k) ? Double.MAX_VALUE
                        : domainTable.cost(typedSuffix, target, i, k, legitimate, typedCountryCode, domains.size());
                if (Double.isNaN(suffixCost)) {
                    suffixCost = suffixCost(suffix, legitimate, domains.get(k), table);
                }
            } else if (target >= 0 && !(legitimate && !domainTable.brand(i, k))
                    && !extraPart(suffix, suffixDistances.suffix(target))) {
                // A typed suffix of its own (con, cmo): its edit distance to the target's is needed exactly only
                // below the bound where the candidate would be left out anyway (see pruneBound).
                double limit = Math.max(0.0, Math.min(SUFFIX_DISTANCE_LIMIT, pruneBound(candidates) - nameCost));
                double rule = ruleCost(suffix, typedOwnSuffix, target, table, limit);
                suffixCost = domainTable.capped(rule, i, k, legitimate, typedCountryCode, domains.size());
            } else {
                KnownDomains.Entry e = domains.get(k);
                suffixCost = suffix.equals(e.suffix()) ? 0.0
                        : (!legitimate || e.brand()) ? suffixCost(suffix, legitimate, e, table) : Double.MAX_VALUE;
            }
            double total = nameCost + suffixCost;
            if (editable && nameCost <= max && suffixCost <= MAX_SUFFIX_COST
                    && total <= max + NAME_AND_SUFFIX_SLACK) {
                candidates = add(candidates, domains.get(k), total);
            } else if (!editable && total <= maxNameCost(7)) {
                candidates = compete(candidates, domains.get(k), total);
            }
        }
        return candidates;
    }

    /**
     * @return the size of a work table for the prepared edit distances toward the names near one of
     * {@code nameLength} characters (at most two longer) and toward suffixes; a longer target, or a distance of
     * unprepared strings (which needs a row more), gets its own table
     */
    private static int tableSize(int nameLength) {
        return 3 * (Math.max(nameLength + 2, 8) + 1);
    }

    /** Cost of having typed {@code typed} for the suffix of {@code e}. */
    private double suffixCost(String typed, boolean typedLegitimate, KnownDomains.Entry e, double[] table) {
        String target = e.suffix();
        if (typed.equals(target)) {
            return 0.0;
        }
        if (extraPart(typed, target)) {
            return extraPartCost(typed.substring(target.length() + 1), e);
        }
        // e is a brand's primary domain: one Entry per domain in a dictionary, so identity is equality.
        return brandCap(ruleCost(typed, target, table), typedLegitimate, countryCode(typed),
                e.brand() && e == known.primary(e.name()), known.withName(e.name()).size());
    }

    /**
     * {@link #suffixCost(String, boolean, KnownDomains.Entry, double[])} of a typed suffix the table of suffix
     * distances does not keep, when it is at most {@code limit}; otherwise some value above {@code limit}, or
     * {@link #MAX_SUFFIX_COST} when that is the brand's cap.
     */
    private double suffixCost(String typed, KeyboardDistance.Typed prepared, boolean typedLegitimate,
                              KnownDomains.Entry e, double[] table, double limit) {
        String target = e.suffix();
        if (typed.equals(target)) {
            return 0.0;
        }
        if (extraPart(typed, target)) {
            return extraPartCost(typed.substring(target.length() + 1), e);
        }
        double rule = ruleWithoutDistance(typed, target);
        if (Double.isNaN(rule)) {
            int position = suffixDistances.indexOf(target);
            KeyboardDistance.Spelling spelling = position < 0 ? null : suffixDistances.spelling(position);
            double bound = Math.max(0.0, Math.min(SUFFIX_DISTANCE_LIMIT, limit));
            rule = spelling != null ? KeyboardDistance.distanceWithin(prepared, spelling, bound, table)
                    : KeyboardDistance.distanceWithin(typed, target, bound, table);
        }
        return brandCap(rule, typedLegitimate, countryCode(typed), e.brand() && e == known.primary(e.name()),
                known.withName(e.name()).size());
    }

    /** Whether {@code typed} is {@code target} followed by a further part ({@code com.co} for {@code com}). */
    static boolean extraPart(String typed, String target) {
        return typed.length() > target.length() + 1 && typed.startsWith(target)
                && typed.charAt(target.length()) == '.';
    }

    /**
     * The cost of a suffix slip that depends on the two suffixes only: every case of {@link #suffixCost} but the
     * extra part and the cap for brands. Pure, so {@link NameDomainTable} keeps it for the common suffixes.
     */
    double ruleCost(String typed, String target, double[] table) {
        double rule = ruleWithoutDistance(typed, target);
        if (!Double.isNaN(rule)) {
            return rule;
        }
        // One search passes the same typed string each time: its hash is computed once.
        int typedIndex = suffixDistances.indexOf(typed);
        int targetIndex = typedIndex < 0 ? -1 : suffixDistances.indexOf(target);
        return targetIndex >= 0 ? suffixDistances.distance(typedIndex, targetIndex)
                : KeyboardDistance.distanceWithin(typed, target, SUFFIX_DISTANCE_LIMIT, table);
    }

    /**
     * {@link #ruleCost(String, String, double[])} of a typed suffix the table does not keep toward the kept suffix at
     * position {@code target}, when it is at most {@code limit}, otherwise some value above {@code limit}.
     *
     * @param prepared {@code typed} prepared for its distances, or {@code null}
     */
    private double ruleCost(String typed, KeyboardDistance.Typed prepared, int target, double[] table,
                            double limit) {
        String suffix = suffixDistances.suffix(target);
        double rule = ruleWithoutDistance(typed, suffix);
        if (!Double.isNaN(rule)) {
            return rule;
        }
        KeyboardDistance.Spelling spelling = suffixDistances.spelling(target);
        return prepared != null && spelling != null
                ? KeyboardDistance.distanceWithin(prepared, spelling, limit, table)
                : KeyboardDistance.distanceWithin(typed, suffix, limit, table);
    }

    /** @return the cost of the slips {@link #ruleCost} names, or NaN when the cost is the edit distance */
    private static double ruleWithoutDistance(String typed, String target) {
        if (target.length() > typed.length() + 1 && target.endsWith(typed)
                && target.charAt(target.length() - typed.length() - 1) == '.' && countryCode(typed)) {
            return MISSING_SECOND_LEVEL_COST; // yahoo.uk, hotmail.ar: the country's domain of that provider
        } else if ("com".equals(target) && typed.endsWith("col")
                && (typed.length() == 3 || typed.charAt(typed.length() - 4) == '.')) {
            return COL_FOR_COM_COST;
        } else if (target.startsWith(typed)) {
            // Typing stopped early (co, c for com): the commonest suffix slip, and cheap. But one letter of a
            // country code says little (com.v: .ve, .vn, or .br with v next to b): no correction toward one.
            return lastLabelLength(typed) == 1 && lastLabelLength(target) == 2
                    ? Double.MAX_VALUE : CUT_SHORT_COST * (target.length() - typed.length());
        } else if (typed.startsWith(target)) {
            return RUN_ON_COST * (typed.length() - target.length()); // fingers ran on: comm, coml, com.brr
        }
        return Double.NaN;
    }

    /**
     * A brand's name under a suffix unrelated to any of its domains ({@code gmail.es}, {@code hotmail.net}): its
     * main domain was meant. Not under a country code for a regional brand: {@code yahoo.com.xx} may be a site we do
     * not list.
     *
     * @param primaryBrand whether the target is a brand's primary domain
     * @param nameDomains  how many domains the target's name has
     */
    static double brandCap(double cost, boolean typedLegitimate, boolean typedCountryCode, boolean primaryBrand,
                           int nameDomains) {
        if (primaryBrand && (!typedLegitimate || nameDomains == 1 || !typedCountryCode)) {
            return Math.min(cost, MAX_SUFFIX_COST);
        }
        return cost;
    }

    /**
     * Cost of a part typed after a complete suffix ({@code gmail.com.co}, {@code gmail.com.b}), or
     * {@link Double#MAX_VALUE} when that part may as well be a slip in a regional domain of the same name
     * ({@code outlook.com.bt}: outlook.com.br, with t next to r) — then the two readings are not told apart here.
     */
    private double extraPartCost(String rest, KnownDomains.Entry e) {
        String regional = e.suffix() + ".";
        for (KnownDomains.Entry sibling : known.withName(e.name())) {
            String s = sibling.suffix();
            if (s.startsWith(regional)
                    && KeyboardDistance.distanceWithin(rest, s.substring(regional.length()), 1.0) <= 1.0) {
                return Double.MAX_VALUE;
            }
        }
        return suffixes.legitimate(rest) ? EXTRA_COUNTRY_COST : EXTRA_PART_COST;
    }

    /**
     * Whether the typed suffix {@code domain[start, end)} is the known two-label suffix with one letter of its
     * country code on a touching key ({@code uol.com.bt}, {@code prodigy.net.mz}): the name and the second level
     * match, so the country code is a slip even though the typed one exists.
     */
    private static boolean countrySlip(String domain, int start, String known) {
        int length = domain.length() - start;
        if (length != known.length() || length < 4 || known.charAt(length - 3) != '.'
                || !domain.regionMatches(start, known, 0, length - 2)) {
            return false;
        }
        char a = domain.charAt(domain.length() - 2);
        char b = domain.charAt(domain.length() - 1);
        char x = known.charAt(length - 2);
        char y = known.charAt(length - 1);
        return (a == x && KeyboardDistance.adjacent(b, y)) || (b == y && KeyboardDistance.adjacent(a, x));
    }

    private static int lastLabelLength(String suffix) {
        return suffix.length() - suffix.lastIndexOf('.') - 1;
    }

    static boolean countryCode(String suffix) {
        return suffix.length() - suffix.lastIndexOf('.') - 1 == 2;
    }

    private static boolean ldh(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return s.charAt(0) != '.' && s.charAt(s.length() - 1) != '.';
    }

    /** @return {@code candidates} (a new set when {@code null}) with {@code e} as a candidate that can win */
    private Candidates add(Candidates candidates, KnownDomains.Entry e, double cost) {
        Candidates c = candidates == null ? new Candidates(nameDomains != null) : candidates;
        c.put(e, cost, true);
        return c;
    }

    /** @return {@code candidates} (a new set when {@code null}) with {@code e} as a competitor that cannot win */
    private Candidates compete(Candidates candidates, KnownDomains.Entry e, double cost) {
        Candidates c = candidates == null ? new Candidates(nameDomains != null) : candidates;
        c.put(e, cost, false);
        return c;
    }

    /**
     * The candidates for one domain: the cheapest cost per known domain, and the competitors. Primitive arrays
     * rather than lists of boxed costs and flags: no Double or Boolean per candidate.
     */
    private static final class Candidates {
        private KnownDomains.Entry[] entries = new KnownDomains.Entry[4];
        private double[] costs = new double[4];
        private boolean[] eligible = new boolean[4];
        private int size;
        /** The cheapest cost put so far. */
        private double cheapest = Double.POSITIVE_INFINITY;
        /** Whether candidates that cannot matter are left out (not in the reference search, which keeps all). */
        private final boolean prune;

        Candidates(boolean prune) {
            this.prune = prune;
        }

        private void put(KnownDomains.Entry e, double cost, boolean canWin) {
            // A candidate a margin dearer than one already found can neither win nor tie with the winner (which
            // costs at most that one): a brand's dozens of regional domains are mostly such, and need no place.
            // Only a competitor, or a domain whose name may be edited (it never competes), is left out: a domain
            // that may win here but only competes elsewhere keeps its right to win.
            if (prune && cost - cheapest >= MARGIN && (!canWin || e.nameEditable())) {
                return;
            }
            cheapest = Math.min(cheapest, cost);
            int i = indexOf(e);
            if (i < 0) {
                if (size == entries.length) {
                    entries = java.util.Arrays.copyOf(entries, 2 * size);
                    costs = java.util.Arrays.copyOf(costs, 2 * size);
                    eligible = java.util.Arrays.copyOf(eligible, 2 * size);
                }
                entries[size] = e;
                costs[size] = cost;
                eligible[size++] = canWin;
            } else {
                if (cost < costs[i]) {
                    costs[i] = cost;
                }
                eligible[i] = eligible[i] || canWin;
            }
        }

        /** Like {@code entries.indexOf(e)}: there is one Entry per domain in a dictionary, so identity is equality. */
        private int indexOf(KnownDomains.Entry e) {
            for (int i = 0; i < size; i++) {
                if (entries[i] == e) {
                    return i;
                }
            }
            return -1;
        }

        Correction decide() {
            int best = -1;
            for (int i = 0; i < size; i++) {
                // equal costs: the more popular domain (higher weight) wins
                if (best < 0 || costs[i] < costs[best]
                        || (Double.compare(costs[i], costs[best]) == 0 && entries[i].weight() > entries[best].weight())) {
                    best = i;
                }
            }
            if (best < 0 || !eligible[best]) {
                return null;
            }
            double cost = costs[best];
            KnownDomains.Entry winner = entries[best];
            for (int i = 0; i < size; i++) {
                if (i != best && costs[i] - cost < MARGIN
                        && winner.weight() < DOMINANCE * entries[i].weight()) {
                    return null; // a tie: two known domains are about equally likely
                }
            }
            return new Correction(winner.domain(), 1.0 / (1.0 + cost), false);
        }
    }

    private static final class Holder {
        static final TypoCorrector BUNDLED = new TypoCorrector(KnownDomains.bundled(), PublicSuffixes.bundled());
    }
}
