package io.github.customeremail;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable open-addressing hash table from strings to values that can be looked up by a <em>region</em> of a
 * string, or by a region with two characters swapped, without building the key. The hot path probes several parts
 * and near variants of the address ({@code hotmail} in {@code hotmail.com.ar}, {@code gmailc.om} with its dot moved
 * back): building a substring per probe would make those lookups allocate.
 *
 * <p>The hash is {@link String#hashCode()}'s, so a whole-string lookup uses the string's cached hash.
 *
 * @param <V> the value type
 */
final class StringTable<V> {

    private final String[] keys;
    private final Object[] values;
    private final int mask;

    StringTable(Map<String, V> entries) {
        int capacity = Integer.highestOneBit(Math.max(8, entries.size() * 4) - 1) << 1; // load factor below 1/2
        keys = new String[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            int slot = spread(e.getKey().hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = e.getKey();
            values[slot] = e.getValue();
        }
    }

    /** @return a set of strings (each maps to itself) */
    static StringTable<String> of(Collection<String> keys) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : keys) {
            map.put(k, k);
        }
        return new StringTable<>(map);
    }

    /** @return whether {@code s[from, to)} is a key */
    boolean contains(String s, int from, int to) {
        return get(s, from, to) != null;
    }

    /**
     * @return whether {@code s[from, to)} is a key when compared without regard to case; for tables whose keys are
     *         lower case (ASCII letters are lower-cased for the hash, as {@link String#hashCode()} of the key)
     */
    boolean containsIgnoringCase(String s, int from, int to) {
        int length = to - from;
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k.length() == length && k.regionMatches(true, 0, s, from, length)) {
                return true;
            }
        }
        return false;
    }

    /** @return the value of {@code key}, or {@code null} */
    V get(String key) {
        int length = key.length();
        for (int slot = spread(key.hashCode()) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k.length() == length && k.equals(key)) {
                return value(slot);
            }
        }
        return null;
    }

    /** @return the value of the key {@code s[from, to)}, or {@code null} */
    V get(String s, int from, int to) {
        int length = to - from;
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k.length() == length && k.regionMatches(0, s, from, length)) {
                return value(slot);
            }
        }
        return null;
    }

    /** @return the value of the key {@code s} with its characters at {@code i} and {@code j} swapped, or null */
    V getSwapped(String s, int i, int j) {
        int length = s.length();
        int h = 0;
        for (int k = 0; k < length; k++) {
            h = 31 * h + s.charAt(k == i ? j : k == j ? i : k);
        }
        for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k.length() == length && equalsSwapped(k, s, i, j)) {
                return value(slot);
            }
        }
        return null;
    }

    /**
     * @return the value of the key that equals {@code s} with every {@code skip} character left out, or null
     *         (e.g. the dotless form {@code gmailcom} of {@code gmailc.om})
     */
    V getSkipping(String s, char skip) {
        int length = 0;
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != skip) {
                h = 31 * h + c;
                length++;
            }
        }
        for (int slot = spread(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k.length() == length && equalsSkipping(k, s, skip)) {
                return value(slot);
            }
        }
        return null;
    }

    private static boolean equalsSkipping(String key, String s, char skip) {
        int k = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != skip && key.charAt(k++) != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsSwapped(String key, String s, int i, int j) {
        for (int k = 0; k < key.length(); k++) {
            if (key.charAt(k) != s.charAt(k == i ? j : k == j ? i : k)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private V value(int slot) {
        return (V) values[slot];
    }

    /** Spreads the high bits down, as {@code HashMap} does: the table is indexed by the low bits. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
