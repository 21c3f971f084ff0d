package io.github.customeremail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled IANA list of top-level domains ({@code tlds-alpha-by-domain.txt}; its first line says the version
 * and date). Refresh it with {@code core/scripts/refresh-tlds.sh}.
 */
final class TopLevelDomains {

    static final String RESOURCE = "tlds-alpha-by-domain.txt";

    private static final TopLevelDomains BUNDLED = load();

    /** Open-addressing table of lower-case TLDs, so a region of the address is looked up without a substring. */
    private final String[] table;
    private final int size;
    private final String version;

    private TopLevelDomains(Set<String> tlds, String version) {
        int capacity = Integer.highestOneBit(Math.max(16, tlds.size() * 4));
        this.table = new String[capacity];
        for (String tld : tlds) {
            int slot = hash(tld, 0, tld.length()) & (capacity - 1);
            while (table[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            table[slot] = tld;
        }
        this.size = tlds.size();
        this.version = version;
    }

    /** @return this list plus the given lower-case ASCII TLDs */
    TopLevelDomains plus(Set<String> extra) {
        Set<String> all = new HashSet<>(extra);
        for (String tld : table) {
            if (tld != null) {
                all.add(tld);
            }
        }
        return new TopLevelDomains(all, version + " + " + new java.util.TreeSet<>(extra));
    }

    static TopLevelDomains bundled() {
        return BUNDLED;
    }

    /** @param asciiTld a lower-case ASCII TLD, e.g. {@code com} or {@code xn--p1ai} */
    boolean exists(String asciiTld) {
        return exists(asciiTld, 0, asciiTld.length());
    }

    /** Case-insensitive lookup of {@code s[from, to)}. */
    boolean exists(String s, int from, int to) {
        int length = to - from;
        int slot = hash(s, from, to) & (table.length - 1);
        for (String candidate = table[slot]; candidate != null; candidate = table[slot]) {
            if (candidate.length() == length && candidate.regionMatches(true, 0, s, from, length)) {
                return true;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        return false;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return h ^ (h >>> 16);
    }

    String version() {
        return version;
    }

    int size() {
        return size;
    }

    private static TopLevelDomains load() {
        try (InputStream in = TopLevelDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            Set<String> set = new HashSet<>(2048);
            String version = "unknown";
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.startsWith("#")) {
                    version = line.substring(1).trim();
                } else if (!line.isEmpty()) {
                    set.add(line.toLowerCase(Locale.ROOT));
                }
            }
            return new TopLevelDomains(set, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
