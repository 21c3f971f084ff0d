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

    /** The lower-case TLDs, looked up by a region of the address without a substring. */
    private final StringTable<String> table;
    private final Set<String> tlds;
    private final String version;

    private TopLevelDomains(Set<String> tlds, String version) {
        this.tlds = Set.copyOf(tlds);
        this.table = StringTable.of(this.tlds);
        this.version = version;
    }

    /** @return this list plus the given lower-case ASCII TLDs */
    TopLevelDomains plus(Set<String> extra) {
        Set<String> all = new HashSet<>(extra);
        all.addAll(tlds);
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
        return table.containsIgnoringCase(s, from, to);
    }

    String version() {
        return version;
    }

    int size() {
        return tlds.size();
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
