package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HashFilterTest {

    @Test
    void everyKeyAddedMightBeThereAndFewOthersSeemTo() {
        HashFilter filter = new HashFilter(100_000);
        SplittableRandom random = new SplittableRandom(7);
        int[] added = new int[100_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = random.nextInt();
            filter.add(added[i]);
        }
        for (int hash : added) {
            assertThat(filter.mightContain(hash)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += filter.mightContain(random.nextInt()) ? 1 : 0;
        }
        assertThat(falsePositives).as("false positives in 100 000").isLessThan(10_000);
        assertThat(filter.footprint()).isLessThanOrEqualTo(128 * 1024);
    }

    @Test
    void aTinyFilterStillAnswersForEveryKey() {
        HashFilter filter = new HashFilter(0);
        for (int hash = -1000; hash < 1000; hash++) {
            filter.add(hash);
        }
        for (int hash = -1000; hash < 1000; hash++) {
            assertThat(filter.mightContain(hash)).isTrue();
        }
    }
}
