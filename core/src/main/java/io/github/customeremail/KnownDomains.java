package io.github.customeremail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
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
 * ({@code gmailcom}), and a SymSpell-style index of every name with up to two characters deleted, so that the names
 * within two edits of a typed name are found by a few hash lookups.
 *
 * <p>The bundled list is {@code known-domains.txt} (its header documents the format and the flags). Immutable.
 */
final class KnownDomains {

    static final String RESOURCE = "known-domains.txt";
    /** Weight of a domain added by the application: a middle value, as common as a national provider. */
    static final int USER_WEIGHT = 10;
    private static final int MAX_DELETES = 2;

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

    private final Map<String, Entry> byDomain;
    private final Map<String, List<Entry>> byName;
    private final Map<String, Entry> primaryByName;
    private final Map<String, Entry> byDotless;
    private final Map<String, List<String>> nameDeletes;

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
        Map<String, List<String>> deletes = new HashMap<>();
        for (Map.Entry<String, List<Entry>> n : names.entrySet()) {
            n.getValue().sort((a, b) -> a.domain().compareTo(b.domain()));
            n.setValue(List.copyOf(n.getValue()));
            Entry top = primaryOf(n.getValue());
            if (top != null) {
                primary.put(n.getKey(), top);
            }
            for (String d : deletes(n.getKey())) {
                deletes.computeIfAbsent(d, k -> new ArrayList<>(2)).add(n.getKey());
            }
        }
        this.byDomain = domains;
        this.byName = names;
        this.primaryByName = primary;
        this.byDotless = dotless;
        this.nameDeletes = deletes;
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
        return byDomain.get(domain);
    }

    boolean contains(String domain) {
        return byDomain.containsKey(domain);
    }

    /** @return the domains with this name (sorted), possibly none */
    List<Entry> withName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** @return the clearly most common domain of this name, or {@code null} when two share the top weight */
    Entry primary(String name) {
        return primaryByName.get(name);
    }

    /** @return the domain whose dots were left out ({@code gmailcom}), or {@code null} */
    Entry byDotless(String dotless) {
        return byDotless.get(dotless);
    }

    /** @return the names within two deletions on either side of {@code typedName} (a superset of what is close) */
    Set<String> namesNear(String typedName) {
        Set<String> found = new TreeSet<>();
        for (String d : deletes(typedName)) {
            List<String> names = nameDeletes.get(d);
            if (names != null) {
                found.addAll(names);
            }
        }
        return found;
    }

    /** @return every known domain, sorted */
    Set<String> domains() {
        return new TreeSet<>(byDomain.keySet());
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

    /** The word itself and every string made by deleting one or two of its characters. */
    private static Set<String> deletes(String word) {
        Set<String> out = new java.util.HashSet<>();
        out.add(word);
        List<String> frontier = List.of(word);
        for (int depth = 0; depth < MAX_DELETES; depth++) {
            List<String> next = new ArrayList<>();
            for (String w : frontier) {
                if (w.length() <= 1) {
                    continue;
                }
                for (int i = 0; i < w.length(); i++) {
                    String d = w.substring(0, i) + w.substring(i + 1);
                    if (out.add(d)) {
                        next.add(d);
                    }
                }
            }
            frontier = next;
        }
        return out;
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
