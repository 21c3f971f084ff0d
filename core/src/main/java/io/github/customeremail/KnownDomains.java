package io.github.customeremail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dictionary of known mailbox domains the typo corrector suggests from, with the indexes it needs so that no
 * lookup scans the whole list: the domains themselves (one hash lookup for the common case of a known domain),
 * domains by name ({@code hotmail} → hotmail.com, hotmail.es, hotmail.com.ar…), domains with their dots removed
 * ({@code gmailcom}), and the names sorted by length with a bit set of their characters, so that the names within
 * two deletions of a typed name are found among the names of about the same length, nearly all of them ruled out by
 * their characters, 64 names at a time ({@link #nearLetters}: for the bundled dictionary, a few dozen operations;
 * the cost grows with the number of names an application adds, where a SymSpell index of deletions would grow in
 * memory instead). Each name is also prepared for the edit distance ({@link KeyboardDistance.Spelling}). Lookups take a
 * region of the typed domain ({@link StringTable}): the typo corrector runs for every unknown domain, and its
 * lookups allocate nothing.
 *
 * <p>The bundled list is {@code known-domains.txt} (its header documents the format and the flags). Immutable.
 */
final class KnownDomains {

    static final String RESOURCE = "known-domains.txt";
    /** Weight of a domain added by the application: a middle value, as common as a national provider. */
    static final int USER_WEIGHT = 10;
    private static final int MAX_DELETES = 2;
    /**
     * Symbols of {@link #letters} and {@link #near}: {@code a-z}, {@code 0-9}, and one for anything else, which in
     * an LDH name can only be {@code -} (the corrector looks only at LDH domains).
     */
    private static final int SYMBOLS = 37;

    /**
     * One known domain.
     *
     * @param domain    the domain, lower-case ASCII
     * @param name      the label before the public suffix ({@code hotmail} in hotmail.com.ar)
     * @param suffix    the public suffix ({@code com.ar})
     * @param subdomain whether labels precede the name ({@code mail.empresa.com}); such entries are only matched
     *                  exactly, never used as the target of a name or suffix correction
     * @param weight    relative popularity, at least 1
     * @param brand     the name exists only as these mailbox domains, so other suffixes on it are typos
     * @param word      the name is a common word: never the target of a spelling correction of the name
     */
    record Entry(String domain, String name, String suffix, boolean subdomain, int weight, boolean brand,
                 boolean word) {

        /** Short names and common words are one slip away from other real names (gm.com, life.com): never edit. */
        boolean nameEditable() {
            return !subdomain && !word && name.length() >= 5;
        }
    }

    /**
     * A name of the dictionary with its domains, for the search of names near a typed one.
     *
     * @param name    the name ({@code hotmail})
     * @param domains its domains, sorted
     */
    record Name(String name, List<Entry> domains) {

        /** @return whether this name is exactly {@code s[from, to)} */
        boolean is(String s, int from, int to) {
            return name.length() == to - from && name.regionMatches(0, s, from, to - from);
        }
    }

    private final Map<String, Entry> byDomain;
    private final StringTable<Entry> domainTable;
    private final Map<String, List<Entry>> byName;
    private final StringTable<List<Entry>> nameTable;
    private final Map<String, Entry> primaryByName;
    private final StringTable<Entry> byDotless;
    /** Every name, sorted by length, then alphabetically. */
    private final Name[] names;
    /**
     * {@code nameLetters[i]} is {@link #letters} of {@code names[i]}: the first filter of the near-name search reads
     * this flat array rather than every candidate Name object.
     */
    private final long[] nameLetters;
    /**
     * {@code namePositions[i][symbol(c)]}: a bit per position of {@code c} in {@code names[i]}, for the
     * bit-parallel common subsequence of {@link #near}.
     */
    private final long[][] namePositions;
    /** Words of the name bit sets below: bit {@code i % 64} of word {@code i / 64} stands for {@code names[i]}. */
    private final int nameWords;
    /** {@code namesWithSymbol[s * nameWords + w]}: the names that contain symbol {@code s}. */
    private final long[] namesWithSymbol;
    /** {@code namesWithAtMost[k * nameWords + w]}: the names with at most {@code k} distinct symbols. */
    private final long[] namesWithAtMost;
    /** {@code nameSpellings[i]}: {@code names[i]} prepared for {@link KeyboardDistance}, or {@code null}. */
    private final KeyboardDistance.Spelling[] nameSpellings;
    /** {@code namesByLength[n]}: index in {@link #names} of the first name of length {@code n} or more. */
    private final int[] namesByLength;
    /** Skeleton → known domain, built on first use (a benign race: every thread builds the same map). */
    private volatile Map<String, String> skeletons;
    /** {@link #domains()}, built on first use. */
    private volatile Set<String> sortedDomains;

    private KnownDomains(Collection<Entry> entries) {
        Map<String, Entry> domains = new HashMap<>(entries.size() * 2);
        for (Entry e : entries) {
            domains.merge(e.domain(), e, (a, b) -> b);
        }
        Map<String, List<Entry>> names = new HashMap<>();
        Map<String, Entry> dotless = new HashMap<>();
        for (Entry e : domains.values()) {
            dotless.put(e.domain().replace(".", ""), e);
            if (!e.subdomain()) {
                names.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Entry> primary = new HashMap<>();
        List<Name> nameList = new ArrayList<>(names.size());
        for (Map.Entry<String, List<Entry>> n : names.entrySet()) {
            n.getValue().sort((a, b) -> a.domain().compareTo(b.domain()));
            n.setValue(List.copyOf(n.getValue()));
            Entry top = primaryOf(n.getValue());
            if (top != null) {
                primary.put(n.getKey(), top);
            }
            nameList.add(new Name(n.getKey(), n.getValue()));
        }
        nameList.sort(Comparator.comparingInt((Name n) -> n.name().length()).thenComparing(Name::name));
        this.byDomain = domains;
        this.domainTable = new StringTable<>(domains);
        this.byName = names;
        this.nameTable = new StringTable<>(names);
        this.primaryByName = primary;
        this.byDotless = new StringTable<>(dotless);
        this.names = nameList.toArray(new Name[0]);
        this.nameLetters = new long[this.names.length];
        this.namePositions = new long[this.names.length][];
        this.nameSpellings = new KeyboardDistance.Spelling[this.names.length];
        for (int i = 0; i < this.names.length; i++) {
            String name = this.names[i].name();
            nameLetters[i] = letters(name, 0, name.length());
            namePositions[i] = positions(name);
            nameSpellings[i] = KeyboardDistance.Spelling.of(name);
        }
        this.nameWords = (this.names.length + 63) / 64;
        this.namesWithSymbol = new long[SYMBOLS * nameWords];
        this.namesWithAtMost = new long[(SYMBOLS + 1) * nameWords];
        for (int i = 0; i < this.names.length; i++) {
            long bit = 1L << i;
            for (int s = 0; s < SYMBOLS; s++) {
                if ((nameLetters[i] & (1L << s)) != 0) {
                    namesWithSymbol[s * nameWords + i / 64] |= bit;
                }
            }
            for (int k = Long.bitCount(nameLetters[i]); k <= SYMBOLS; k++) {
                namesWithAtMost[k * nameWords + i / 64] |= bit;
            }
        }
        int longest = this.names.length == 0 ? 0 : this.names[this.names.length - 1].name().length();
        this.namesByLength = new int[longest + 2];
        for (int length = 0, i = 0; length < namesByLength.length; length++) {
            while (i < this.names.length && this.names[i].name().length() < length) {
                i++;
            }
            namesByLength[length] = i;
        }
    }

    /** @return the bundled dictionary (loaded once) */
    static KnownDomains bundled() {
        return Holder.BUNDLED;
    }

    /**
     * @param extra domains to add (lower-case or not, Unicode or A-labels), each with {@link #USER_WEIGHT}
     * @return a new dictionary with the bundled entries and {@code extra}
     * @throws IllegalArgumentException if one of them is not a valid domain
     */
    KnownDomains plus(Collection<String> extra) {
        List<Entry> all = new ArrayList<>(byDomain.values());
        for (String d : extra) {
            all.add(userEntry(d));
        }
        return new KnownDomains(all);
    }

    /**
     * @param domains the whole list to use instead of the bundled one
     * @return a dictionary of exactly these domains, each with {@link #USER_WEIGHT} and no flags
     * @throws IllegalArgumentException if one of them is not a valid domain
     */
    static KnownDomains of(Collection<String> domains) {
        List<Entry> all = new ArrayList<>(domains.size());
        for (String d : domains) {
            all.add(userEntry(d));
        }
        return new KnownDomains(all);
    }

    /** @return the entry of exactly this domain, or {@code null}; a single hash lookup, no allocation */
    Entry get(String domain) {
        return domainTable.get(domain);
    }

    /** @return the entry of exactly the domain {@code s[from, to)}, or {@code null} */
    Entry get(String s, int from, int to) {
        return domainTable.get(s, from, to);
    }

    /** @return the entry of exactly {@code domain} with its characters at {@code i} and {@code j} swapped, or null */
    Entry getSwapped(String domain, int i, int j) {
        return domainTable.getSwapped(domain, i, j);
    }

    boolean contains(String domain) {
        return domainTable.get(domain) != null;
    }

    /** @return the domains with this name (sorted), possibly none */
    List<Entry> withName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** @return the domains with the name {@code s[from, to)} (sorted), possibly none */
    List<Entry> withName(String s, int from, int to) {
        List<Entry> entries = nameTable.get(s, from, to);
        return entries == null ? List.of() : entries;
    }

    /** @return the clearly most common domain of this name, or {@code null} when two share the top weight */
    Entry primary(String name) {
        return primaryByName.get(name);
    }

    /** @return the domain whose dots were left out ({@code gmailcom}), or {@code null} */
    Entry byDotless(String dotless) {
        return byDotless.get(dotless);
    }

    /**
     * @return whether a known domain reads like {@code domain} once the dots of both are left out: a domain with a
     *         dot moved ({@code gmailc.om}) can only be one of those, so most domains need no closer look
     */
    boolean hasDotless(String domain) {
        return byDotless.getSkipping(domain, '.') != null;
    }

    /**
     * The names that may be within two deletions of a typed name of length {@code length} are {@code name(i)} for
     * {@code namesFrom(length - 2) <= i < namesFrom(length + 3)}: check each with {@link #near}.
     *
     * @return the index of the first name of at least this length
     */
    int namesFrom(int length) {
        return namesByLength[Math.max(0, Math.min(length, namesByLength.length - 1))];
    }

    Name name(int index) {
        return names[index];
    }

    /** @return {@code name(index)} prepared for {@link KeyboardDistance}, or {@code null} when it cannot be */
    KeyboardDistance.Spelling spelling(int index) {
        return nameSpellings[index];
    }

    /** @return how many names there are: {@link #name(int)} takes {@code 0 <= index < nameCount()} */
    int nameCount() {
        return names.length;
    }

    /**
     * Whether {@code name(index)} and {@code s[from, to)} become equal after deleting at most {@link #MAX_DELETES}
     * characters from each, i.e. have a common subsequence that long: the names a SymSpell index of deletions would
     * find. A character of one that the other lacks must be deleted, so more than {@link #MAX_DELETES} such
     * characters rule the pair out at once, which is the case for nearly every name; the others get the length of
     * their longest common subsequence, bit-parallel (Hyyrö's algorithm: one step per typed character).
     *
     * @param letters {@link #letters} of the region
     */
    boolean near(int index, String s, int from, int to, long letters) {
        long other = nameLetters[index];
        if (Long.bitCount(letters & ~other) > MAX_DELETES || Long.bitCount(other & ~letters) > MAX_DELETES) {
            return false;
        }
        return nearSubsequence(index, s, from, to);
    }

    /**
     * The first test of {@link #near} for 64 names at once, bit-parallel: for each typed symbol, the names lacking
     * it are counted (up to three) in bit planes, and a name passes when at most {@link #MAX_DELETES} typed symbols
     * are missing from it and at most that many of its own from the typed region. The bundled dictionary's names
     * are a few words: a typed name is tested against all of them in a few dozen operations per word.
     *
     * @param word    which 64 names: {@code name(64 * word)} to {@code name(64 * word + 63)}
     * @param letters {@link #letters} of the typed region
     * @return a bit per name of that word that passes
     */
    long nearLetters(int word, long letters) {
        long none = -1L; // names lacking none of the typed symbols so far
        long one = 0L; // ...exactly one
        long two = 0L; // ...exactly two
        for (long rest = letters; rest != 0; rest &= rest - 1) {
            long lacking = ~namesWithSymbol[Long.numberOfTrailingZeros(rest) * nameWords + word];
            two = (two & ~lacking) | (one & lacking);
            one = (one & ~lacking) | (none & lacking);
            none &= ~lacking;
        }
        // A name with d' distinct symbols sharing d - j of the d typed ones has d' - d + j of its own.
        int d = Long.bitCount(letters);
        return (none & atMost(d + MAX_DELETES, word)) | (one & atMost(d + MAX_DELETES - 1, word))
                | (two & atMost(d + MAX_DELETES - 2, word));
    }

    private long atMost(int distinct, int word) {
        return namesWithAtMost[Math.min(distinct, SYMBOLS) * nameWords + word];
    }

    /**
     * {@link #near} of a name that passed {@link #nearLetters}: the length and common-subsequence tests.
     */
    boolean nearSubsequence(int index, String s, int from, int to) {
        int m = names[index].name().length();
        int n = to - from;
        if (Math.abs(n - m) > MAX_DELETES) {
            return false;
        }
        long[] positions = namePositions[index];
        long v = -1L;
        for (int i = from; i < to; i++) {
            long u = v & positions[symbol(s.charAt(i))];
            v = (v + u) | (v - u);
        }
        long used = m == 64 ? ~v : ~v & ((1L << m) - 1);
        int common = Long.bitCount(used);
        return n - common <= MAX_DELETES && m - common <= MAX_DELETES;
    }

    /** @return the bit masks of {@link #namePositions} for one name (at most 63 characters, a DNS label) */
    private static long[] positions(String name) {
        long[] positions = new long[SYMBOLS];
        for (int j = 0; j < name.length(); j++) {
            positions[symbol(name.charAt(j))] |= 1L << j;
        }
        return positions;
    }

    private static int symbol(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36;
    }

    /** A bit per character ({@code a-z}, {@code 0-9}; anything else shares one bit) of {@code s[from, to)}. */
    static long letters(String s, int from, int to) {
        long bits = 0;
        for (int i = from; i < to; i++) {
            bits |= 1L << symbol(s.charAt(i));
        }
        return bits;
    }

    /**
     * @param skeleton a UTS #39 skeleton ({@link Confusables#skeleton})
     * @return the known domain with that skeleton, or {@code null} (also when two share it)
     */
    String bySkeleton(String skeleton) {
        Map<String, String> index = skeletons;
        if (index == null) {
            // Built on the first non-ASCII domain only: most applications never see one.
            Confusables confusables = Confusables.bundled();
            Map<String, String> built = new HashMap<>(byDomain.size() * 2);
            for (String domain : byDomain.keySet()) {
                String key = confusables.skeleton(domain);
                if (built.containsKey(key)) {
                    built.put(key, null); // two known domains read the same: neither is suggested
                } else {
                    built.put(key, domain);
                }
            }
            index = built;
            skeletons = built;
        }
        return index.get(skeleton);
    }

    /** @return every known domain, sorted; one unmodifiable set, shared by every caller */
    Set<String> domains() {
        Set<String> sorted = sortedDomains;
        if (sorted == null) {
            sorted = Collections.unmodifiableSortedSet(new TreeSet<>(byDomain.keySet()));
            sortedDomains = sorted; // every thread builds the same set: a race only builds it twice
        }
        return sorted;
    }

    int size() {
        return byDomain.size();
    }

    private static Entry primaryOf(List<Entry> entries) {
        Entry top = null;
        boolean tie = false;
        for (Entry e : entries) {
            if (top == null || e.weight() > top.weight()) {
                top = e;
                tie = false;
            } else if (e.weight() == top.weight()) {
                tie = true;
            }
        }
        return tie ? null : top;
    }

    static Entry entry(String domain, int weight, boolean brand, boolean word) {
        PublicSuffixes suffixes = PublicSuffixes.bundled();
        int start = suffixes.suffixStart(domain);
        if (start <= 1) {
            throw new IllegalArgumentException("not a domain with a name and a public suffix: " + domain);
        }
        int nameStart = domain.lastIndexOf('.', start - 2) + 1;
        return new Entry(domain, domain.substring(nameStart, start - 1), domain.substring(start), nameStart > 0,
                weight, brand, word);
    }

    private static Entry userEntry(String raw) {
        return entry(validate(raw), USER_WEIGHT, false, false);
    }

    /**
     * @param raw a domain given by the application
     * @return its lower-case ASCII form
     * @throws IllegalArgumentException if it is not a valid mail domain (with an existing TLD)
     */
    static String validate(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a known domain cannot be null");
        }
        String candidate = raw.trim().toLowerCase(Locale.ROOT);
        if (candidate.endsWith(".")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        ParseResult parsed = AddressParser.strict().parse("x@" + candidate);
        if (!(parsed instanceof ParsedAddress address)) {
            throw new IllegalArgumentException("not a valid mail domain: '" + raw + "' ("
                    + ((ParseResult.Rejected) parsed).reason().code() + ")");
        }
        return address.domain();
    }

    private static KnownDomains load() {
        try (InputStream in = KnownDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            Map<String, Entry> entries = new LinkedHashMap<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length < 2) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": domain and weight expected");
                }
                int weight = Integer.parseInt(parts[1]);
                boolean brand = false;
                boolean word = false;
                for (int i = 2; i < parts.length; i++) {
                    switch (parts[i]) {
                        case "brand" -> brand = true;
                        case "word" -> word = true;
                        default -> throw new IllegalStateException(RESOURCE + ":" + number + ": unknown flag "
                                + parts[i]);
                    }
                }
                if (entries.put(parts[0], entry(parts[0], weight, brand, word)) != null) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": duplicate " + parts[0]);
                }
            }
            return new KnownDomains(entries.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final KnownDomains BUNDLED = load();
    }
}
