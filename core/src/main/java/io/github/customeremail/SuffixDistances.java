package io.github.customeremail;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyboard distances ({@link KeyboardDistance#distanceWithin}) between the public suffixes of a dictionary's
 * domains, computed once. A mistyped name is compared with every domain of the names near it, and a brand has
 * dozens ({@code hotmial.com} against hotmail.es, hotmail.com.ar, hotmail.co.uk…): with the typed suffix one of
 * the dictionary's own (the usual case: {@code com}, {@code es}), each of those comparisons is a table read
 * instead of an edit distance.
 *
 * <p>Only the {@value #MAX_SUFFIXES} most common suffixes are kept, which bounds the table for a large
 * application dictionary ({@value #MAX_SUFFIXES}² distances); callers compute the others. Immutable.
 */
final class SuffixDistances {

    static final int MAX_SUFFIXES = 128;

    private final StringTable<Integer> index;
    private final List<String> kept;
    private final int size;
    private final double[] distances;
    private final KeyboardDistance.Spelling[] spellings;

    /**
     * @param known the dictionary
     * @param limit the {@code limit} of {@link KeyboardDistance#distanceWithin}: every distance is exactly what
     *              that call returns with it
     */
    SuffixDistances(KnownDomains known, double limit) {
        Map<String, Integer> weights = new HashMap<>();
        for (String domain : known.domains()) {
            KnownDomains.Entry e = known.get(domain);
            if (!e.subdomain()) {
                weights.merge(e.suffix(), e.weight(), Integer::sum);
            }
        }
        List<String> suffixes = weights.keySet().stream()
                .sorted(Comparator.comparing((String s) -> weights.get(s), Comparator.<Integer>reverseOrder())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUFFIXES)
                .toList();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < suffixes.size(); i++) {
            positions.put(suffixes.get(i), i);
        }
        this.index = new StringTable<>(positions);
        this.kept = suffixes;
        this.size = suffixes.size();
        this.distances = new double[size * size];
        this.spellings = new KeyboardDistance.Spelling[size];
        for (int i = 0; i < size; i++) {
            spellings[i] = KeyboardDistance.Spelling.of(suffixes.get(i));
        }
        for (int typed = 0; typed < size; typed++) {
            for (int target = 0; target < size; target++) {
                distances[typed * size + target] =
                        KeyboardDistance.distanceWithin(suffixes.get(typed), suffixes.get(target), limit);
            }
        }
    }

    /** @return the position of {@code suffix} in this table, or -1 when it is not kept */
    int indexOf(String suffix) {
        Integer i = index.get(suffix);
        return i == null ? -1 : i;
    }

    /** @return how many suffixes are kept: positions are {@code 0 <= position < size()} */
    int size() {
        return size;
    }

    /** @return the suffix at this position */
    String suffix(int position) {
        return kept.get(position);
    }

    /** @return the suffix at this position prepared for {@link KeyboardDistance}, or {@code null} */
    KeyboardDistance.Spelling spelling(int position) {
        return spellings[position];
    }

    /** @return the distance from the typed suffix at position {@code typed} to the one at {@code target} */
    double distance(int typed, int target) {
        return distances[typed * size + target];
    }
}
