package io.github.customeremail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * A large immutable set of lower-case ASCII domains packed for memory: the domains side by side in one byte array
 * and an open-addressing hash table of their offsets (about 14 bytes per domain, against some 100 for a
 * {@code HashSet<String>}). An entry written {@code *domain} in the list matches the domain and its subdomains (the
 * community list's wildcard entries); any other entry matches only itself, since lists also carry names under
 * which unrelated people register ({@code edu.pl}). A lookup reads the address's domain in place, one
 * probe per label, and allocates nothing.
 */
final class PackedDomainSet {

    private final byte[] bytes;
    /**
     * Offset + 1 of each domain's first byte in {@link #bytes}, negated for an entry that covers its subdomains
     * (0: empty slot); domains end at a {@code '\n'}.
     */
    private final int[] slots;
    private final int size;
    /** Says "certainly absent" for nearly every domain of a real address without reading the large arrays. */
    private final HashFilter filter;

    private PackedDomainSet(byte[] bytes, int[] slots, int size, HashFilter filter) {
        this.bytes = bytes;
        this.slots = slots;
        this.size = size;
        this.filter = filter;
    }

    /**
     * Reads a gzipped list, one domain a line; lines starting with {@code #} and blank lines are skipped.
     *
     * @param in the gzipped list (closed by the caller)
     * @return the set
     * @throws IOException if it cannot be read
     */
    static PackedDomainSet readGzip(InputStream in) throws IOException {
        byte[] raw = new GZIPInputStream(in).readAllBytes();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(raw.length);
        int count = 0;
        for (int start = 0; start < raw.length; ) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int to = end > start && raw[end - 1] == '\r' ? end - 1 : end;
            if (to > start && raw[start] != '#') {
                for (int i = start; i < to; i++) { // a leading '*' is kept: it marks a wildcard entry
                    byte b = raw[i];
                    packed.write(b >= 'A' && b <= 'Z' ? b + 32 : b);
                }
                packed.write('\n');
                count++;
            }
            start = end + 1;
        }
        byte[] bytes = packed.toByteArray();
        int[] slots = new int[Integer.highestOneBit(Math.max(count, 1) * 2) * 2];
        int size = 0;
        HashFilter filter = new HashFilter(count);
        for (int line = 0; line < bytes.length; ) {
            boolean wildcard = bytes[line] == '*';
            int start = wildcard ? line + 1 : line;
            int end = start;
            while (bytes[end] != '\n') {
                end++;
            }
            int mask = slots.length - 1;
            int hash = hash(bytes, start, end);
            filter.add(hash);
            for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
                if (slots[slot] == 0) {
                    slots[slot] = wildcard ? -(start + 1) : start + 1;
                    size++;
                    break;
                }
                if (equalsAt(bytes, Math.abs(slots[slot]) - 1, bytes, start, end)) {
                    if (wildcard) {
                        slots[slot] = -Math.abs(slots[slot]); // listed exactly and as a wildcard
                    }
                    break;
                }
            }
            line = end + 1;
        }
        return new PackedDomainSet(bytes, slots, size, filter);
    }

    /** Loads a bundled gzipped resource next to this class. */
    static PackedDomainSet resource(String name) {
        try (InputStream in = PackedDomainSet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + name);
            }
            return readGzip(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return size;
    }

    /** @return bytes held by the packed domains, the table and its filter, for the documentation of its cost */
    long footprint() {
        return bytes.length + 4L * slots.length + filter.footprint();
    }

    /**
     * @param s    a string holding a lower-case ASCII domain at {@code s[from, s.length())}
     * @param from where the domain starts
     * @return the listed domain it equals or is a subdomain of, or {@code null}; the TLD alone is never looked up
     */
    String match(String s, int from) {
        int end = s.length();
        for (int start = from; start < end; ) {
            int dot = s.indexOf('.', start);
            if (dot < 0) {
                return null;
            }
            int slot = find(s, start, end);
            if (slot != 0 && (start == from || slot < 0)) {
                return s.substring(start, end);
            }
            start = dot + 1;
        }
        return null;
    }

    /** @return whether {@code s[from, to)} is listed, exactly or as a wildcard */
    boolean contains(String s, int from, int to) {
        return find(s, from, to) != 0;
    }

    /** @return the slot value of {@code s[from, to)} (negative for a wildcard entry), or 0 when not listed */
    private int find(String s, int from, int to) {
        int hash = hash(s, from, to);
        if (!filter.mightContain(hash)) {
            return 0;
        }
        int mask = slots.length - 1;
        for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            if (equalsAt(bytes, Math.abs(slots[slot]) - 1, s, from, to)) {
                return slots[slot];
            }
        }
        return 0;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return mix(h);
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private static boolean equalsAt(byte[] bytes, int at, byte[] other, int from, int to) {
        for (int i = from; i < to; i++, at++) {
            if (bytes[at] != other[i]) {
                return false;
            }
        }
        return bytes[at] == '\n';
    }

    private static boolean equalsAt(byte[] bytes, int at, String s, int from, int to) {
        for (int i = from; i < to; i++, at++) {
            if (at >= bytes.length || bytes[at] != s.charAt(i)) {
                return false;
            }
        }
        return at < bytes.length && bytes[at] == '\n';
    }

}
