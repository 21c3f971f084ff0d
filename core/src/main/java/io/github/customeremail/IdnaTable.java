package io.github.customeremail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bundled IDNA table ({@value #RESOURCE}): for every code point, what UTS #46 does with it in a domain name
 * (non-transitional, STD3 rules) combined with whether IDNA 2008 (RFC 5892) allows the result. Generated from
 * Unicode's data by {@code core/scripts/refresh-unicode-data.sh}; its first line names the Unicode version.
 *
 * <p>Each line is {@code start kind [mapping]} in hexadecimal, a range running to the next line's start. Kinds:
 * {@code V} PVALID, {@code C} allowed by a context rule (CONTEXTO), {@code M} mapped to the code points that follow,
 * {@code I} ignored (removed), {@code D} disallowed (symbols and punctuation that IDNA 2008 refuses, unassigned code
 * points, the deviation characters {@code ß ς} ZWJ ZWNJ, which this library refuses rather than guess). Loaded on
 * first use, about 10 000 ranges in three arrays. Immutable.
 */
final class IdnaTable {

    static final String RESOURCE = "idna-table.txt.gz";

    static final byte VALID = 'V';
    static final byte CONTEXT = 'C';
    static final byte MAPPED = 'M';
    static final byte IGNORED = 'I';
    static final byte DISALLOWED = 'D';

    private final String version;
    private final int[] starts;
    private final byte[] kinds;
    /** The mapping of each {@link #MAPPED} range (a single code point), else {@code null}. */
    private final String[] mappings;

    private IdnaTable(String version, int[] starts, byte[] kinds, String[] mappings) {
        this.version = version;
        this.starts = starts;
        this.kinds = kinds;
        this.mappings = mappings;
    }

    static IdnaTable bundled() {
        return Holder.TABLE;
    }

    /** @return the first line of the table: its Unicode version and source */
    String version() {
        return version;
    }

    /** @return one of {@link #VALID}, {@link #CONTEXT}, {@link #MAPPED}, {@link #IGNORED}, {@link #DISALLOWED} */
    byte kind(int cp) {
        return kinds[index(cp)];
    }

    /** @return what a {@link #MAPPED} code point becomes */
    String mapping(int cp) {
        return mappings[index(cp)];
    }

    private int index(int cp) {
        int i = Arrays.binarySearch(starts, cp);
        return i >= 0 ? i : -i - 2;
    }

    private static IdnaTable load() {
        try (InputStream raw = IdnaTable.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.US_ASCII));
            String version = in.readLine().substring(2);
            List<String> lines = new ArrayList<>(12_000);
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
            int[] starts = new int[lines.size()];
            byte[] kinds = new byte[lines.size()];
            String[] mappings = new String[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(" ");
                starts[i] = Integer.parseInt(f[0], 16);
                kinds[i] = (byte) f[1].charAt(0);
                if (kinds[i] == MAPPED) {
                    StringBuilder m = new StringBuilder();
                    for (int k = 2; k < f.length; k++) {
                        m.appendCodePoint(Integer.parseInt(f[k], 16));
                    }
                    mappings[i] = m.toString();
                }
            }
            return new IdnaTable(version, starts, kinds, mappings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final IdnaTable TABLE = load();
    }
}
