package io.github.customeremail;

/**
 * The typo corrector's recent answers, by typed domain. Customer lists repeat their unknown domains (a company's
 * own domain on every one of its contacts, the same few slips of gmail.com all day), and the search behind each
 * answer costs several edit distances, while an answer never changes: it depends on the domain and the immutable
 * dictionary only.
 *
 * <p>Bounded and lossy: a fixed array of {@value #SLOTS} slots indexed by the domain's hash, where a newer domain
 * replaces an older one of the same slot, so memory stays below {@value #SLOTS} short domains whatever the input.
 * No locks: a slot holds an immutable {@link Slot} (final fields: safely shared between threads without
 * synchronization); a write lost to a race only costs a search later. Each slot's domain hash is also kept in a
 * flat array and compared first: most lookups of a new domain end there, without reading the remembered domain
 * (an object elsewhere in the heap, often out of cache); a hash that matches by chance or by race is settled by
 * comparing the domains.
 */
final class CorrectionMemo {

    static final int SLOTS = 4096;

    /** What {@link #get} returns for a domain without a remembered answer (compare with {@code ==}). */
    static final TypoCorrector.Correction MISSING = new TypoCorrector.Correction("", 0.0, false);

    /** One remembered answer; {@code correction} is {@code null} when there is none. */
    private record Slot(String domain, TypoCorrector.Correction correction) {
    }

    private final Slot[] slots = new Slot[SLOTS];
    private final int[] hashes = new int[SLOTS];

    /**
     * @param domain a typed domain
     * @return the remembered answer: a correction, {@code null} for none, or {@link #MISSING} when not remembered
     */
    TypoCorrector.Correction get(String domain) {
        int h = domain.hashCode();
        int i = index(h);
        if (hashes[i] != h) {
            return MISSING;
        }
        Slot slot = slots[i];
        if (slot == null || !slot.domain().equals(domain)) {
            return MISSING;
        }
        return slot.correction();
    }

    /** Remembers the answer for {@code domain} ({@code null}: no correction), replacing that slot's. */
    void put(String domain, TypoCorrector.Correction correction) {
        int h = domain.hashCode();
        int i = index(h);
        slots[i] = new Slot(domain, correction);
        hashes[i] = h;
    }

    private static int index(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
