package io.github.customeremail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A Bloom filter over already mixed hashes, two bits in one 64-bit word per key: it answers "certainly absent" for
 * most keys a large table does not hold, from one small array that stays in cache, so the table's own arrays (one
 * cache miss each, several megabytes) are read only for the few keys that may be there. About 8 bits per key give
 * about 5 % false positives. Adding is safe from several threads at once; a key is never removed.
 */
final class HashFilter {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;
    private final int shift;

    /** @param expected how many keys it is sized for (more work, with more false positives) */
    HashFilter(int expected) {
        int count = Integer.highestOneBit(Math.max(2, expected / 8) - 1) << 1; // 64 bits a word: 8 bits a key
        words = new long[count];
        shift = Integer.numberOfLeadingZeros(count) + 1;
    }

    void add(int hash) {
        WORDS.getAndBitwiseOr(words, index(hash), mask(hash));
    }

    boolean mightContain(int hash) {
        long mask = mask(hash);
        return (words[index(hash)] & mask) == mask;
    }

    /** @return the bytes of its array */
    long footprint() {
        return 8L * words.length;
    }

    /** The word: the top bits of a multiplicative mix (independent of the low bits that choose the two bits). */
    private int index(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private static long mask(int hash) {
        return (1L << hash) | (1L << (hash >>> 6)); // a long shift uses the low 6 bits of its distance
    }
}
