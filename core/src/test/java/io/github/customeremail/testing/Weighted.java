package io.github.customeremail.testing;

import java.util.Random;

/** Weighted random choice for the deterministic corpora of the concurrency and chaos tests. */
public final class Weighted {

    private Weighted() {
    }

    /**
     * @param random  the seeded generator
     * @param weights one non-negative weight per choice, not all zero
     * @return the index of the chosen weight
     */
    public static int pick(Random random, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable: weights " + java.util.Arrays.toString(weights));
    }
}
