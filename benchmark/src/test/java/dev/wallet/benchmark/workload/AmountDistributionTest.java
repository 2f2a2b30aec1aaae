package dev.wallet.benchmark.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmountDistributionTest {

    @Test
    void shouldDrawUniformAmountsInsideBothBounds() {
        final AmountDistribution amounts = AmountDistribution.parse("uniform:5:7", 1_000);
        final SplittableRandom random = new SplittableRandom(11);
        final boolean[] seen = new boolean[8];
        for (int i = 0; i < 10_000; i++) {
            final long amount = amounts.nextMinor(random);
            assertThat(amount).isBetween(5L, 7L);
            seen[(int) amount] = true;
        }
        assertThat(seen[5] && seen[6] && seen[7]).isTrue();
    }

    @Test
    void shouldCenterLogNormalAmountsOnEToTheMu() {
        final AmountDistribution amounts = AmountDistribution.parse("lognormal:7:1", Long.MAX_VALUE);
        final SplittableRandom random = new SplittableRandom(5);
        final long[] draws = new long[100_001];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = amounts.nextMinor(random);
        }
        Arrays.sort(draws);
        assertThat((double) draws[draws.length / 2]).isCloseTo(Math.exp(7), within(Math.exp(7) * 0.03));
    }

    @Test
    void shouldClampEveryAmountToOneAndTheMaximum() {
        final AmountDistribution amounts = AmountDistribution.parse("lognormal:10:3", 50_000);
        final SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 10_000; i++) {
            assertThat(amounts.nextMinor(random)).isBetween(1L, 50_000L);
        }
    }
}
